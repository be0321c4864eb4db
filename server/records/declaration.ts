// The declaration a signer reads before signing. It is built only from the stored record (and
// the version and hash), so it is the same text every time and `psems verify` can recompute the
// hash stored with each signature. Never reword an existing line: signed hashes depend on it. A
// new wording goes into DECLARATION_WORDINGS, and verify accepts every wording ever signed.
import type { EvaluationRecord } from '../../src/lib/shared/record/record.ts';
import { sha256Hex } from '../../src/lib/shared/record/canonical-json.ts';
import type { SignatureMeaning } from './contract.ts';

export const MEANING_LABELS: Record<SignatureMeaning, string> = {
	attested: 'Attested (independent lead reviewer)',
	reviewed: 'Reviewed (security manager)',
	approved: 'Approved and accepted (accountable manager)'
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function statements(meaning: SignatureMeaning, actions: string): string[] {
	switch (meaning) {
		case 'attested':
			return [
				'The review followed the stated method, and the scores and findings are my independent judgement based on the evidence listed.',
				`The improvement plan (${actions}) is recorded as agreed in the workshop.`,
				'The residual risks listed below are recorded as the risks the port authority chose to accept.',
				'Participants were free to speak openly, and no undue pressure was placed on the review or on me to sign.'
			];
		case 'reviewed':
			return [
				'I have read the findings and raised any factual corrections.',
				`I have read the improvement plan (${actions}) and support its delivery.`,
				'I have seen the residual risks listed below, which the port authority accepts.',
				'I had direct access to the accountable manager during the review, and no undue pressure was placed on the review or on me to sign.'
			];
		case 'approved':
			return [
				"I accept the findings as a fair account of the port's security management.",
				`I commit the resources needed for the improvement plan (${actions}) and own its delivery by the stated dates.`,
				'I accept, on behalf of the port authority, the residual risks listed below.',
				'Staff were free to speak openly, and no undue pressure was placed on the review or on me to sign.'
			];
	}
}

/** Plan actions with status risk_accepted, by title (and the elements they concern). */
export function residualRisks(record: EvaluationRecord): string[] {
	return record.plan
		.filter((action) => action.status === 'risk_accepted')
		.map((action) => (action.linkedElements.length > 0 ? `${action.title} (${action.linkedElements.join(', ')})` : action.title));
}

/**
 * The sentence that opens the statements, by wording. The first said "with my password"; since
 * signatures can also be confirmed at the organisation's identity provider (issue 13), the
 * current one names no proof (the audit entry of each signature records which proof was given).
 */
const DECLARATION_WORDINGS = {
	'2026-11': 'By signing with my password I declare that:',
	'2026-12': 'By signing I declare that:'
} as const;
type Wording = keyof typeof DECLARATION_WORDINGS;
const CURRENT_WORDING: Wording = '2026-12';

export function declarationText(
	record: EvaluationRecord,
	version: number,
	contentHash: string,
	meaning: SignatureMeaning,
	wording: Wording = CURRENT_WORDING
): string {
	const { review } = record;
	const risks = residualRisks(record);
	const lines = [
		`Declaration: ${MEANING_LABELS[meaning]}`,
		'',
		`Review: ${review.title}, ${review.portName}, ${review.portCountry}`,
		`Evaluation record version ${version}`,
		`SHA-256 fingerprint: ${contentHash}`,
		'',
		DECLARATION_WORDINGS[wording],
		`1. I have reviewed version ${version} of this evaluation record, identified by the fingerprint above.`,
		...statements(meaning, plural(record.plan.length, 'action', 'actions')).map((text, i) => `${i + 2}. ${text}`),
		'',
		risks.length > 0
			? 'Residual risks accepted in this version:'
			: 'Residual risks accepted in this version: none (no plan action has the status "Risk accepted").',
		...risks.map((title) => `- ${title}`)
	];
	return lines.join('\n');
}

export function declarationOf(record: EvaluationRecord, version: number, contentHash: string, meaning: SignatureMeaning) {
	const text = declarationText(record, version, contentHash, meaning);
	return { text, hash: sha256Hex(text) };
}

/** The hashes of this declaration in every wording that has been signed: what verify accepts. */
export function signedDeclarationHashes(record: EvaluationRecord, version: number, contentHash: string, meaning: SignatureMeaning): string[] {
	return (Object.keys(DECLARATION_WORDINGS) as Wording[]).map((w) => sha256Hex(declarationText(record, version, contentHash, meaning, w)));
}
