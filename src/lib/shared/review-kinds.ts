export const REVIEW_KINDS = ['self_assessment', 'independent_review'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
	self_assessment: 'Self-help GAP analysis',
	independent_review: 'Independent review'
};
