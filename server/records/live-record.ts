// What a freeze would freeze at this instant: both review documents, read without an await in
// between, built into the canonical record. The freeze and the page's preview of what would block
// it (records.pendingDifferences) both call this, so the elements the page lists are exactly the
// ones the freeze refuses for: one rule, computed from the same data by the same function.
import type * as Y from 'yjs';
import type { Framework } from '../../src/lib/shared/framework/schema.ts';
import { buildRecord, type EvaluationRecord, type RecordEvidenceFile } from '../../src/lib/shared/record/record.ts';
import { pendingDifferences, type PendingDifference } from '../../src/lib/shared/documents/self-vs-independent.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import type { ReviewQueries, ReviewRow } from '../persistence/reviews.ts';
import type { DocumentStore } from '../collab/document-store.ts';

export type LiveRecordDeps = {
	reviews: Pick<ReviewQueries, 'participants'>;
	documentStore: Pick<DocumentStore, 'read'>;
	/** The files attached now (server/evidence/record-files.ts); synchronous like the rest. */
	evidenceFiles?: (reviewId: string) => RecordEvidenceFile[];
};

export type LiveRecord = { record: EvaluationRecord; workspace: Y.Doc; reviewer: Y.Doc };

/**
 * Synchronous by design: the caller may hash and store the result in the same tick. `framework`
 * must be worded in the review's record language (getFramework(id, version, review.recordLanguage)).
 */
export function readLiveRecord(deps: LiveRecordDeps, review: ReviewRow, framework: Framework): LiveRecord {
	const workspace = deps.documentStore.read(workspaceDocumentName(review.id));
	const reviewer = deps.documentStore.read(reviewerDocumentName(review.id));
	const record = buildRecord({
		review: {
			id: review.id,
			title: review.title,
			portName: review.portName,
			portCountry: review.portCountry,
			kind: review.kind,
			scheduledOn: review.scheduledOn
		},
		framework,
		participants: deps.reviews
			.participants(review.id)
			.map((p) => ({ userId: p.userId, name: p.name, role: p.role, department: p.department })),
		workspace,
		reviewer,
		evidenceFiles: deps.evidenceFiles?.(review.id) ?? [],
		language: review.recordLanguage
	});
	return { record, workspace, reviewer };
}

/**
 * PSeMS: a self-score and an independent score two levels apart must be explained before the
 * record is frozen. Checked on the record itself, so what is refused is exactly what would be signed.
 */
export function differencesBlockingFreeze(record: EvaluationRecord): PendingDifference[] {
	return pendingDifferences(record.elements);
}
