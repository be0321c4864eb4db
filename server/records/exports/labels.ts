// Human wording for the codes a record stores. Labels come from the exact framework version the
// record names, so a signed record keeps the words it was signed with; an unknown framework or
// code falls back to the code itself rather than to a guess.
import { CONFIDENCE_LABELS, PRIORITY_LABELS, getFramework, isConfidence } from '../../../src/lib/shared/framework/index.ts';
import type { Framework } from '../../../src/lib/shared/framework/index.ts';
import { ROLE_LABELS, isRole } from '../../../src/lib/shared/roles.ts';
import { REVIEW_KIND_LABELS, REVIEW_KINDS, type ReviewKind } from '../../../src/lib/shared/review-kinds.ts';
import type { EvaluationRecord } from '../../../src/lib/shared/record/record.ts';
import type { RecordStatus } from '../contract.ts';

export type RecordLabels = {
	score(value: number | null): string;
	scoreName(value: number): string;
	priority(code: string | null): string;
	confidence(code: string | null): string;
	applicability(code: string): string;
	planStatus(code: string): string;
	evidenceStatus(code: string): string;
	meaning(code: string): string;
	role(code: string): string;
	kind(code: string): string;
	pillar(code: string): string;
	gapBasis(basis: 'independent' | 'self' | null): string;
};

export const STATUS_LABELS: Record<RecordStatus, string> = { signed: 'Signed', frozen: 'Frozen', superseded: 'Superseded' };

function lookup(list: ReadonlyArray<{ code: string; label: string }> | undefined, code: string): string {
	return list?.find((item) => item.code === code)?.label ?? code;
}

function isReviewKind(value: string): value is ReviewKind {
	return (REVIEW_KINDS as readonly string[]).includes(value);
}

export function labelsFor(record: EvaluationRecord): RecordLabels {
	const framework: Framework | null = getFramework(record.framework.id, record.framework.version);
	const levelName = (value: number) => framework?.scale.levels.find((l) => l.value === value)?.label ?? '';
	return {
		score: (value) => (value === null ? '' : String(value)),
		scoreName: levelName,
		priority: (code) => (code === null ? '' : code in PRIORITY_LABELS ? `${code} ${PRIORITY_LABELS[code as keyof typeof PRIORITY_LABELS]}` : code),
		confidence: (code) => (code === null ? '' : isConfidence(code) ? CONFIDENCE_LABELS[code] : code),
		applicability: (code) => lookup(framework?.scale.applicability, code),
		planStatus: (code) => lookup(framework?.improvementPlan.statuses, code),
		evidenceStatus: (code) => lookup(framework?.interviewRecord.evidenceStatuses, code),
		meaning: (code) => lookup(framework?.signOff.signatureMeanings, code),
		role: (code) => (isRole(code) ? ROLE_LABELS[code] : code),
		kind: (code) => (isReviewKind(code) ? REVIEW_KIND_LABELS[code] : code),
		pillar: (code) => framework?.pillars.find((p) => p.code === code)?.title ?? code,
		gapBasis: (basis) => (basis === 'independent' ? 'Independent score' : basis === 'self' ? 'Self score' : '')
	};
}
