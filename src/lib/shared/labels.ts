// The words for the codes documents and records store, in one place for the live grid, the record
// page, the PDF and the CSV. Wording comes from the framework version in use, so a signed record
// keeps the words it was signed with; an unknown framework or code falls back to the code itself
// rather than to a guess.
import { isConfidence, isPriority } from './framework/scoring.ts';
import { confidenceLabel, priorityLabel } from './framework/code-labels.ts';
import type { Framework } from './framework/schema.ts';
import { isRole, roleLabel } from './roles.ts';
import { REVIEW_KINDS, reviewKindLabel, type ReviewKind } from './review-kinds.ts';
import { getLocale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { RecordLanguage as InterfaceLocale } from './framework/languages.ts';

export const RECORD_STATUSES = ['frozen', 'signed', 'superseded'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export function recordStatusLabel(status: RecordStatus, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	return status === 'frozen' ? m.common_record_status_frozen({}, options) : status === 'signed' ? m.common_record_status_signed({}, options) : m.common_record_status_superseded({}, options);
}

/** Read at each access, so it speaks the language of the request that reads it. */
export const RECORD_STATUS_LABELS: Readonly<Record<RecordStatus, string>> = Object.freeze({
	get frozen() {
		return recordStatusLabel('frozen');
	},
	get signed() {
		return recordStatusLabel('signed');
	},
	get superseded() {
		return recordStatusLabel('superseded');
	}
});

export type Labels = {
	score(value: number | null): string;
	/** "Managed": the level's name in the framework's scale ('' when unknown). */
	scoreName(value: number): string;
	/** "P1 Critical". */
	priority(code: string | null): string;
	/** "Critical": the name alone, for a badge that shows the code itself ('' when unknown). */
	priorityName(code: string): string;
	confidence(code: string | null): string;
	applicability(code: string): string;
	planStatus(code: string): string;
	evidenceStatus(code: string): string;
	meaning(code: string): string;
	role(code: string): string;
	kind(code: string): string;
	pillar(code: string): string;
	gapBasis(basis: 'independent' | 'self' | null): string;
	recordStatus(status: RecordStatus): string;
};

function lookup(list: ReadonlyArray<{ code: string; label: string }> | undefined, code: string): string {
	return list?.find((item) => item.code === code)?.label ?? code;
}

const isReviewKind = (value: string): value is ReviewKind => (REVIEW_KINDS as readonly string[]).includes(value);

/**
 * The words for a framework version's codes. The framework's own (translated) wording wins; the
 * words the framework does not hold (roles, kinds, statuses) are in `locale`: the reader's by
 * default, the record's language for exports and mail.
 */
export function labelsFor(framework: Framework | null, locale: InterfaceLocale = getLocale()): Labels {
	const priorityName = (code: string): string =>
		framework?.priority.rules.find((r) => r.code === code)?.label ?? (isPriority(code) ? priorityLabel(code, locale) : '');
	return {
		score: (value) => (value === null ? '' : String(value)),
		scoreName: (value) => framework?.scale.levels.find((l) => l.value === value)?.label ?? '',
		// The framework's own wording first (it is translated), the default version's in `locale` otherwise.
		priority: (code) => {
			if (code === null) return '';
			const name = priorityName(code);
			return name === '' ? code : `${code} ${name}`;
		},
		priorityName,
		confidence: (code) => (code === null ? '' : (framework?.scale.confidence.find((c) => c.code === code)?.label ?? (isConfidence(code) ? confidenceLabel(code, locale) : code))),
		applicability: (code) => lookup(framework?.scale.applicability, code),
		planStatus: (code) => lookup(framework?.improvementPlan.statuses, code),
		evidenceStatus: (code) => lookup(framework?.interviewRecord.evidenceStatuses, code),
		meaning: (code) => lookup(framework?.signOff.signatureMeanings, code),
		role: (code) => (isRole(code) ? roleLabel(code, locale) : code),
		kind: (code) => (isReviewKind(code) ? reviewKindLabel(code, locale) : code),
		pillar: (code) => framework?.pillars.find((p) => p.code === code)?.title ?? code,
		gapBasis: (basis) => (basis === 'independent' ? m.common_gap_basis_independent({}, { locale }) : basis === 'self' ? m.common_gap_basis_self({}, { locale }) : ''),
		recordStatus: (status) => recordStatusLabel(status, locale)
	};
}
