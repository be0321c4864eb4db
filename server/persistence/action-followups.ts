// Follow-up of signed plan actions (migration 8): one row per review and action, written the first
// time someone reports on it. No row means nothing has happened since the signature.
import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import type { FollowupStatus } from '../../src/lib/shared/followup.ts';

export type ActionFollowupRow = {
	reviewId: string;
	actionId: string;
	version: number;
	ownerUserId: string | null;
	status: FollowupStatus;
	progressNote: string;
	updatedBy: string | null;
	updatedByName: string | null;
	updatedAt: number;
	/** Evidence file ids attached when the owner marked the action done. */
	completionEvidence: string[];
	levelReached: number | null;
	verifiedBy: string | null;
	verifiedByName: string | null;
	verifiedAt: number | null;
	sendBackReason: string;
	sentBackBy: string | null;
	sentBackByName: string | null;
	sentBackAt: number | null;
};

type Raw = {
	review_id: string;
	action_id: string;
	version: number;
	owner_user_id: string | null;
	status: FollowupStatus;
	progress_note: string;
	updated_by: string | null;
	updated_by_name: string | null;
	updated_at: number;
	completion_evidence: string;
	level_reached: number | null;
	verified_by: string | null;
	verified_by_name: string | null;
	verified_at: number | null;
	send_back_reason: string;
	sent_back_by: string | null;
	sent_back_by_name: string | null;
	sent_back_at: number | null;
};

function evidenceIds(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

const toRow = (r: Raw): ActionFollowupRow => ({
	reviewId: r.review_id,
	actionId: r.action_id,
	version: r.version,
	ownerUserId: r.owner_user_id,
	status: r.status,
	progressNote: r.progress_note,
	updatedBy: r.updated_by,
	updatedByName: r.updated_by_name,
	updatedAt: r.updated_at,
	completionEvidence: evidenceIds(r.completion_evidence),
	levelReached: r.level_reached,
	verifiedBy: r.verified_by,
	verifiedByName: r.verified_by_name,
	verifiedAt: r.verified_at,
	sendBackReason: r.send_back_reason,
	sentBackBy: r.sent_back_by,
	sentBackByName: r.sent_back_by_name,
	sentBackAt: r.sent_back_at
});

const SELECT = `SELECT f.*, u.name AS updated_by_name, v.name AS verified_by_name, s.name AS sent_back_by_name
	FROM action_followups f
	LEFT JOIN users u ON u.id = f.updated_by
	LEFT JOIN users v ON v.id = f.verified_by
	LEFT JOIN users s ON s.id = f.sent_back_by`;

export type FollowupWrite = Omit<ActionFollowupRow, 'updatedByName' | 'verifiedByName' | 'sentBackByName'>;

export function createActionFollowupQueries(db: Db) {
	const upsert = db.prepare(
		`INSERT INTO action_followups (review_id, action_id, version, owner_user_id, status, progress_note, updated_by, updated_at,
			completion_evidence, level_reached, verified_by, verified_at, send_back_reason, sent_back_by, sent_back_at)
		 VALUES (@reviewId, @actionId, @version, @ownerUserId, @status, @progressNote, @updatedBy, @updatedAt,
			@completionEvidence, @levelReached, @verifiedBy, @verifiedAt, @sendBackReason, @sentBackBy, @sentBackAt)
		 ON CONFLICT (review_id, action_id) DO UPDATE SET version = excluded.version, owner_user_id = excluded.owner_user_id,
			status = excluded.status, progress_note = excluded.progress_note, updated_by = excluded.updated_by,
			updated_at = excluded.updated_at, completion_evidence = excluded.completion_evidence,
			level_reached = excluded.level_reached, verified_by = excluded.verified_by, verified_at = excluded.verified_at,
			send_back_reason = excluded.send_back_reason, sent_back_by = excluded.sent_back_by, sent_back_at = excluded.sent_back_at`
	);
	const ofReview = db.prepare(`${SELECT} WHERE f.review_id = ?`);
	const one = db.prepare(`${SELECT} WHERE f.review_id = ? AND f.action_id = ?`);

	return {
		/** Writes the whole row (the service reads, decides and writes inside one transaction). */
		save(row: FollowupWrite): void {
			upsert.run({ ...row, completionEvidence: JSON.stringify(row.completionEvidence) });
		},
		get(reviewId: string, actionId: string): ActionFollowupRow | null {
			const row = one.get(reviewId, actionId) as Raw | undefined;
			return row ? toRow(row) : null;
		},
		/** The review's rows by action id. */
		forReview(reviewId: string): Map<string, ActionFollowupRow> {
			return new Map((ofReview.all(reviewId) as Raw[]).map((r) => [r.action_id, toRow(r)]));
		}
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type ActionFollowupQueries = ReturnType<typeof createActionFollowupQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type ActionFollowupRepository = Async<ActionFollowupQueries>;
export const createActionFollowupRepository = (db: Db): ActionFollowupRepository => toAsync(createActionFollowupQueries(db));
