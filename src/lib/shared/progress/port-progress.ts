// Progress over time for one port (issue 15, part 4): each element's level across the port's signed
// reviews, the gap closed, the plan actions verified against those planned, and the PSeMS journey
// step reached. Built only from signed records (immutable, hashed) plus the follow-up of their
// actions, so the board page shows what was agreed and signed, never a live draft.
import type { EvaluationRecord, RecordElement } from '../record/record.ts';
import type { JourneyStage } from '../framework/codes.ts';
import type { ReviewKind } from '../review-kinds.ts';

/** One signed review of the port, as the progress page reads it. */
export type SignedReview = {
	reviewId: string;
	title: string;
	kind: ReviewKind;
	version: number;
	contentHash: string;
	/** ISO 8601: when the accountable manager approved this version. */
	signedAt: string;
	record: EvaluationRecord;
	/** Plan actions a facilitator or the security manager verified closed, by action id. */
	verifications: ReadonlyMap<string, Verification>;
	journey: { stage: JourneyStage; label: string };
};

/** What the verifier recorded: the level the element reached once the action was done. */
export type Verification = { levelReached: number | null; verifiedAt: string | null; verifiedByName: string | null };

export type VerifiedAction = Verification & { actionId: string; title: string; linkedElements: string[] };

/** A level as scored in one review: the independent score, or the port's own in a self-help analysis. */
export type ElementLevel = { level: number | null; basis: 'independent' | 'self' | null; target: number | null; gap: number | null };

export type ProgressReview = {
	reviewId: string;
	title: string;
	kind: ReviewKind;
	version: number;
	contentHash: string;
	signedAt: string;
	/** Sum over scored, applicable elements of how far the level is below the target. */
	totalGap: number;
	scoredElements: number;
	actionsPlanned: number;
	actionsVerified: number;
	/** The verified actions of this review's signed plan, in plan order. */
	verified: VerifiedAction[];
	journey: { stage: JourneyStage; label: string };
};

export type ProgressElement = {
	code: string;
	title: string;
	pillar: string;
	critical: boolean;
	/** One per review, in the order of `reviews`. */
	levels: ElementLevel[];
	/** Gap in the first scored review minus gap in the latest (positive: closed); null without two scores. */
	gapClosed: number | null;
};

export type PortProgress = {
	port: { name: string; country: string };
	/** Oldest signature first. */
	reviews: ProgressReview[];
	elements: ProgressElement[];
	/** First review's total gap minus the latest's, over elements scored in both; null with fewer than two reviews. */
	gapClosed: number | null;
};

function levelOf(element: RecordElement | undefined, kind: ReviewKind): ElementLevel {
	if (!element || element.applicability === 'not_applicable') return { level: null, basis: null, target: null, gap: null };
	const independent = element.independentScore;
	const self = kind === 'self_assessment' ? element.selfScore : null;
	const level = independent ?? self;
	const basis = independent !== null ? 'independent' : self !== null ? 'self' : null;
	const gap = level === null ? null : Math.max(0, element.target - level);
	return { level, basis, target: element.target, gap };
}

/** The same port, whatever the spelling of case and spaces in the review's settings. */
export function portKey(name: string, country: string): string {
	const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
	return `${norm(name)}|${norm(country)}`;
}

export function buildPortProgress(port: { name: string; country: string }, signed: SignedReview[]): PortProgress {
	const reviews = [...signed].sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.reviewId.localeCompare(b.reviewId));
	// Elements in the newest record's framework order; codes the framework dropped stay, after them.
	const order = new Map<string, RecordElement>();
	for (const review of [...reviews].reverse()) {
		for (const element of review.record.elements) if (!order.has(element.code)) order.set(element.code, element);
	}
	const elements: ProgressElement[] = [...order.values()].map((element) => {
		const levels = reviews.map((r) => levelOf(r.record.elements.find((e) => e.code === element.code), r.kind));
		const gaps = levels.map((l) => l.gap).filter((g): g is number => g !== null);
		return {
			code: element.code,
			title: element.title,
			pillar: element.pillar,
			critical: element.critical,
			levels,
			gapClosed: gaps.length >= 2 ? gaps[0] - gaps[gaps.length - 1] : null
		};
	});
	const summaries: ProgressReview[] = reviews.map((r, i) => {
		const gaps = elements.map((e) => e.levels[i].gap).filter((g): g is number => g !== null);
		return {
			reviewId: r.reviewId,
			title: r.title,
			kind: r.kind,
			version: r.version,
			contentHash: r.contentHash,
			signedAt: r.signedAt,
			totalGap: gaps.reduce((sum, g) => sum + g, 0),
			scoredElements: gaps.length,
			actionsPlanned: r.record.plan.length,
			actionsVerified: r.record.plan.filter((a) => r.verifications.has(a.id)).length,
			verified: r.record.plan.flatMap((a) => {
				const v = r.verifications.get(a.id);
				return v ? [{ actionId: a.id, title: a.title, linkedElements: a.linkedElements, ...v }] : [];
			}),
			journey: r.journey
		};
	});
	return { port, reviews: summaries, elements, gapClosed: overallGapClosed(elements, reviews.length) };
}

/** Compared like with like: only elements scored in both the first and the latest review. */
function overallGapClosed(elements: ProgressElement[], count: number): number | null {
	if (count < 2) return null;
	let first = 0;
	let latest = 0;
	for (const e of elements) {
		const a = e.levels[0].gap;
		const b = e.levels[count - 1].gap;
		if (a === null || b === null) continue;
		first += a;
		latest += b;
	}
	return first - latest;
}
