// Which actions of a signed version were verified closed (action_followups, migration 8): the
// progress page counts them against the actions the signed plan holds.
import type { Db } from './database.ts';

export function createVerifiedActionsReader(db: Db) {
	const verified = db.prepare("SELECT action_id FROM action_followups WHERE review_id = ? AND version = ? AND status = 'verified'");
	return (reviewId: string, version: number): Set<string> =>
		new Set((verified.all(reviewId, version) as Array<{ action_id: string }>).map((r) => r.action_id));
}
