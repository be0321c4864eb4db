// Storage of the hash-chained audit log. Append-only (migration 3); the chain itself is computed
// by server/records/audit.ts, which is the only writer.
import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export type AuditRow = {
	seq: number;
	at: string;
	actorId: string | null;
	actorName: string | null;
	action: string;
	reviewId: string | null;
	/** Canonical JSON text of the details object. */
	details: string;
	previousHash: string | null;
	hash: string;
};

type Raw = {
	seq: number;
	at: string;
	actor_id: string | null;
	actor_name: string | null;
	action: string;
	review_id: string | null;
	details: string;
	previous_hash: string | null;
	hash: string;
};

const toRow = (r: Raw): AuditRow => ({
	seq: r.seq,
	at: r.at,
	actorId: r.actor_id,
	actorName: r.actor_name,
	action: r.action,
	reviewId: r.review_id,
	details: r.details,
	previousHash: r.previous_hash,
	hash: r.hash
});

export function createAuditLogQueries(db: Db) {
	const insert = db.prepare(
		`INSERT INTO audit_log (seq, at, actor_id, actor_name, action, review_id, details, previous_hash, hash)
		 VALUES (@seq, @at, @actorId, @actorName, @action, @reviewId, @details, @previousHash, @hash)`
	);
	const last = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
	const everything = db.prepare('SELECT * FROM audit_log ORDER BY seq');
	const ofReview = db.prepare('SELECT * FROM audit_log WHERE review_id = ? ORDER BY seq');
	const byAction = db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq');

	return {
		insert: (row: AuditRow) => void insert.run(row),
		last(): AuditRow | null {
			const row = last.get() as Raw | undefined;
			return row ? toRow(row) : null;
		},
		all: (): AuditRow[] => (everything.all() as Raw[]).map(toRow),
		forReview: (reviewId: string): AuditRow[] => (ofReview.all(reviewId) as Raw[]).map(toRow),
		withAction: (action: string): AuditRow[] => (byAction.all(action) as Raw[]).map(toRow)
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type AuditLogQueries = ReturnType<typeof createAuditLogQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type AuditLogRepository = Async<AuditLogQueries>;
export const createAuditLogRepository = (db: Db): AuditLogRepository => toAsync(createAuditLogQueries(db));
