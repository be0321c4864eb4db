// The two Yjs documents of a review (DESIGN.md §3). Write permission in Hocuspocus is per
// connection, so reviewer-only content lives in its own document.
export const DOCUMENT_KINDS = ['workspace', 'reviewer'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type ReviewDocumentName = { reviewId: string; kind: DocumentKind };

const REVIEW_ID = '[A-Za-z0-9_-]{1,64}';
const NAME_PATTERN = new RegExp(`^review:(${REVIEW_ID})(:reviewer)?$`);

export function workspaceDocumentName(reviewId: string): string {
	return `review:${reviewId}`;
}

export function reviewerDocumentName(reviewId: string): string {
	return `review:${reviewId}:reviewer`;
}

/** Parses a document name; anything that is not exactly one of the two shapes is null. */
export function parseDocumentName(name: string): ReviewDocumentName | null {
	const match = NAME_PATTERN.exec(name);
	if (!match) return null;
	return { reviewId: match[1], kind: match[2] ? 'reviewer' : 'workspace' };
}
