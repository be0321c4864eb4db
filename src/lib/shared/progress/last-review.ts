// What the grid of a review started from an earlier one shows beside each element (issue 15, part
// 3): the independent score and rationale of the signed record it started from, named by version
// and hash. Read on the server from that record and passed to the page; never written into the new
// reviewer document, so the new scores are made afresh.
export type LastReview = {
	reviewId: string;
	title: string;
	version: number;
	contentHash: string;
	/** By element code; null where the element was not scored or not applicable. */
	elements: Record<string, { independentScore: number | null; rationale: string }>;
};
