// "A version is ready for your signature": after a freeze, a mail to every participant whose role
// signs (facilitator attests, security manager reviews, accountable manager approves), except the
// person who froze it. Written inside the freeze's transaction by the caller. The mail is in the
// review's record language, and names the meaning as that language's framework words it.
import { getFramework } from '../../src/lib/shared/framework/index.ts';
import type { RecordLanguage } from '../../src/lib/shared/framework/languages.ts';
import type { Tx } from '../persistence/store.ts';
import type { MailOutbox } from './outbox.ts';
import type { PublicLinks } from './links.ts';
import { signatureRequestMail } from './templates.ts';
import { SIGNING_ROLE } from '../records/contract.ts';
import { MEANING_LABELS } from '../records/declaration.ts';
import type { SignatureMeaning } from '../records/contract.ts';

/** "Approved and accepted (accountable manager)": the framework's label and signer, in the language. */
export function meaningLabel(review: { frameworkId: string; frameworkVersion: string }, meaning: SignatureMeaning, language: RecordLanguage): string {
	const option = getFramework(review.frameworkId, review.frameworkVersion, language)?.signOff.signatureMeanings.find((s) => s.code === meaning);
	if (!option) return MEANING_LABELS[meaning];
	return `${option.label} (${option.signer.toLocaleLowerCase(language)})`;
}

/** Inside the freeze's transaction, so the version and its mails commit together. */
export function requestSignatures(
	tx: Pick<Tx, 'reviews' | 'mailOutbox'>,
	deps: { mail: Pick<MailOutbox, 'enqueueIn'>; links: PublicLinks },
	input: { reviewId: string; version: number; frozenBy: { id: string; name: string } }
): number {
	const review = tx.reviews.findById(input.reviewId);
	if (!review) return 0;
	const language = review.recordLanguage ?? 'en';
	let queued = 0;
	for (const participant of tx.reviews.participants(input.reviewId)) {
		if (participant.userId === input.frozenBy.id) continue;
		const meaning = (Object.keys(SIGNING_ROLE) as SignatureMeaning[]).find((m) => SIGNING_ROLE[m] === participant.role);
		if (!meaning) continue;
		const id = deps.mail.enqueueIn(tx, {
			kind: 'signature_request',
			// One per person and version, however often this runs.
			dedupeKey: `signature:${input.reviewId}:${input.version}:${participant.userId}`,
			toAddress: participant.email,
			toName: participant.name,
			secret: false,
			...signatureRequestMail({
				to: { email: participant.email, name: participant.name },
				reviewTitle: review.title,
				version: input.version,
				meaningLabel: meaningLabel(review, meaning, language),
				frozenBy: input.frozenBy.name,
				link: deps.links.to(`/reviews/${input.reviewId}/record/${input.version}`),
				language
			})
		});
		if (id !== null) queued++;
	}
	return queued;
}
