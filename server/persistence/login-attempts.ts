import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

// Failed sign-in attempts, keyed "account:<email>" or "ip:<address>". Kept in the database so
// throttling survives a restart and cannot be reset by crashing the server.
export function createLoginAttemptQueries(db: Db) {
	const insert = db.prepare('INSERT INTO login_attempts (key, at) VALUES (?, ?)');
	const removeOne = db.prepare('DELETE FROM login_attempts WHERE rowid = ?');
	const countSince = db.prepare('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_attempts WHERE key = ? AND at >= ?');
	const clear = db.prepare('DELETE FROM login_attempts WHERE key = ?');
	const prune = db.prepare('DELETE FROM login_attempts WHERE at < ?');
	return {
		/** Returns the row id, so a provisional attempt can be withdrawn when it succeeds. */
		record: (key: string, at: number): number => Number(insert.run(key, at).lastInsertRowid),
		remove: (rowId: number) => void removeOne.run(rowId),
		countSince(key: string, since: number): { count: number; oldest: number | null } {
			const row = countSince.get(key, since) as { n: number; oldest: number | null };
			return { count: row.n, oldest: row.oldest };
		},
		clear: (key: string) => void clear.run(key),
		prune: (before: number) => void prune.run(before)
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type LoginAttemptQueries = ReturnType<typeof createLoginAttemptQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type LoginAttemptRepository = Async<LoginAttemptQueries>;
export const createLoginAttemptRepository = (db: Db): LoginAttemptRepository => toAsync(createLoginAttemptQueries(db));
