import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export type SessionRow = {
	id: string;
	secretHash: Uint8Array;
	userId: string;
	createdAt: number;
	lastSeenAt: number;
};

type RawSession = { id: string; secret_hash: Buffer; user_id: string; created_at: number; last_seen_at: number };

export function createSessionQueries(db: Db) {
	const insert = db.prepare(
		'INSERT INTO sessions (id, secret_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)'
	);
	const byId = db.prepare('SELECT * FROM sessions WHERE id = ?');
	const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
	const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
	const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
	const removeExpired = db.prepare('DELETE FROM sessions WHERE created_at < ? OR last_seen_at < ?');

	return {
		insert(s: SessionRow) {
			insert.run(s.id, Buffer.from(s.secretHash), s.userId, s.createdAt, s.lastSeenAt);
		},
		findById(id: string): SessionRow | null {
			const row = byId.get(id) as RawSession | undefined;
			if (!row) return null;
			return {
				id: row.id,
				secretHash: new Uint8Array(row.secret_hash),
				userId: row.user_id,
				createdAt: row.created_at,
				lastSeenAt: row.last_seen_at
			};
		},
		touch: (id: string, at: number) => void touch.run(at, id),
		delete: (id: string) => void remove.run(id),
		deleteForUser: (userId: string): number => removeForUser.run(userId).changes,
		deleteExpired: (createdBefore: number, seenBefore: number): number =>
			removeExpired.run(createdBefore, seenBefore).changes
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type SessionQueries = ReturnType<typeof createSessionQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type SessionRepository = Async<SessionQueries>;
export const createSessionRepository = (db: Db): SessionRepository => toAsync(createSessionQueries(db));
