// "Done, awaiting your verification": when an owner reports a signed action done, a mail to each
// facilitator and security manager of the review (not the owner). Written inside the follow-up's
// transaction by the caller, so the report and its mails commit together. The mail is in the
// review's record language (the review row the follow-up service passes carries it).
import type { RecordLanguage } from '../../src/lib/shared/framework/languages.ts';
import type { MailOutbox } from './outbox.ts';
import type { Tx } from '../persistence/store.ts';
import type { PublicLinks } from './links.ts';
import { verificationRequestMail } from './templates.ts';

/** Inside the transaction that marks the action done, so the report and its mails commit together. */
export function requestVerification(
	tx: Pick<Tx, 'mailOutbox'>,
	deps: { mail: Pick<MailOutbox, 'enqueueIn'>; links: PublicLinks },
	input: {
		review: { id: string; title: string; recordLanguage?: RecordLanguage };
		action: { actionId: string; title: string };
		by: { name: string };
		verifiers: Array<{ userId: string; name: string; email: string }>;
		/** When the report was made: a later report after a send-back mails again. */
		at: number;
	}
): number {
	let queued = 0;
	for (const person of input.verifiers) {
		const id = deps.mail.enqueueIn(tx, {
			kind: 'verification_request',
			dedupeKey: `verify:${input.review.id}:${input.action.actionId}:${person.userId}:${input.at}`,
			toAddress: person.email,
			toName: person.name,
			secret: false,
			...verificationRequestMail({
				to: { email: person.email, name: person.name },
				reviewTitle: input.review.title,
				actionTitle: input.action.title,
				ownerName: input.by.name,
				link: deps.links.to(`/reviews/${input.review.id}/follow-up?show=awaiting`),
				language: input.review.recordLanguage ?? 'en'
			})
		});
		if (id !== null) queued++;
	}
	return queued;
}
