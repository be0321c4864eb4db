// What the follow-up follows: the plan of a review's latest signed version (approved by the
// accountable manager). A later version that is frozen but not yet signed changes nothing until
// it is signed; the follow-up rows are keyed by action id, so an action that is still in the
// newer signed plan keeps its progress.
import type { EvaluationRecord, RecordAction } from '../../src/lib/shared/record/record.ts';
import type { SnapshotQueries } from '../persistence/snapshots.ts';
import type { SignatureQueries } from '../persistence/signatures.ts';

export type SignedPlan = { version: number; actions: RecordAction[] };

export type SignedPlanDeps = { snapshots: Pick<SnapshotQueries, 'get'>; signatures: Pick<SignatureQueries, 'forReview'> };

export function latestSignedPlan(deps: SignedPlanDeps, reviewId: string): SignedPlan | null {
	const approved = deps.signatures.forReview(reviewId).filter((s) => s.meaning === 'approved');
	if (approved.length === 0) return null;
	const version = Math.max(...approved.map((s) => s.version));
	const snapshot = deps.snapshots.get(reviewId, version);
	if (!snapshot) return null;
	const record = JSON.parse(snapshot.recordJson) as EvaluationRecord;
	return { version, actions: record.plan };
}

/** Cancelled, risk accepted or already verified closed when the record was signed: nothing to follow. */
export const CLOSED_IN_RECORD: ReadonlySet<string> = new Set(['verified_closed', 'cancelled', 'risk_accepted']);

/** Where an action stands before anyone reports on it, from the status the record froze. */
export function initialStatus(recordStatus: string) {
	if (recordStatus === 'in_progress' || recordStatus === 'blocked') return 'in_progress' as const;
	if (recordStatus === 'done_awaiting_verification') return 'done_awaiting_verification' as const;
	return 'not_started' as const;
}
