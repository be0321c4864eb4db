import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

// Storage of Yjs documents: a compacted state plus the tail of the update log. The log is the
// source of truth for anything newer than the state, so compaction and append never race:
// both run synchronously on the one connection.
export function createDocumentQueries(db: Db) {
	const append = db.prepare('INSERT INTO update_log (document_name, update_data, created_at) VALUES (?, ?, ?)');
	const stateOf = db.prepare('SELECT state, log_seq FROM documents WHERE name = ?');
	const tailOf = db.prepare('SELECT seq, update_data FROM update_log WHERE document_name = ? AND seq > ? ORDER BY seq');
	const maxSeq = db.prepare('SELECT MAX(seq) AS seq FROM update_log WHERE document_name = ?');
	const upsertState = db.prepare(
		`INSERT INTO documents (name, state, log_seq, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (name) DO UPDATE SET state = excluded.state, log_seq = excluded.log_seq, updated_at = excluded.updated_at`
	);
	const dropLog = db.prepare('DELETE FROM update_log WHERE document_name = ? AND seq <= ?');
	const logCount = db.prepare('SELECT COUNT(*) AS n FROM update_log WHERE document_name = ?');

	const appendMany = db.transaction((rows: ReadonlyArray<{ name: string; update: Uint8Array }>, at: number): number[] =>
		rows.map(({ name, update }) => Number(append.run(name, Buffer.from(update.buffer, update.byteOffset, update.byteLength), at).lastInsertRowid))
	);

	const compact = db.transaction((name: string, state: Uint8Array, uptoSeq: number, at: number) => {
		upsertState.run(name, Buffer.from(state), uptoSeq, at);
		dropLog.run(name, uptoSeq);
	});

	return {
		/** Appends one update; returns its log sequence number. Synchronous by design. */
		appendUpdate(name: string, update: Uint8Array, at: number): number {
			return Number(append.run(name, Buffer.from(update.buffer, update.byteOffset, update.byteLength), at).lastInsertRowid);
		},
		/** One group commit: every row of the batch in one transaction; their sequence numbers, in order. */
		appendUpdates: (rows: ReadonlyArray<{ name: string; update: Uint8Array }>, at: number): number[] => appendMany(rows, at),
		load(name: string): { state: Uint8Array | null; updates: Uint8Array[]; lastSeq: number } {
			const row = stateOf.get(name) as { state: Buffer; log_seq: number } | undefined;
			const fromSeq = row?.log_seq ?? 0;
			const tail = tailOf.all(name, fromSeq) as Array<{ seq: number; update_data: Buffer }>;
			return {
				state: row ? new Uint8Array(row.state) : null,
				updates: tail.map((t) => new Uint8Array(t.update_data)),
				lastSeq: tail.length > 0 ? tail[tail.length - 1].seq : fromSeq
			};
		},
		latestSeq: (name: string): number => (maxSeq.get(name) as { seq: number | null }).seq ?? 0,
		/** Folds the log up to `uptoSeq` into `state` and drops those log rows, atomically. */
		compact: (name: string, state: Uint8Array, uptoSeq: number, at: number) => compact(name, state, uptoSeq, at),
		logLength: (name: string): number => (logCount.get(name) as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type DocumentQueries = ReturnType<typeof createDocumentQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type DocumentRepository = Async<DocumentQueries>;
export const createDocumentRepository = (db: Db): DocumentRepository => toAsync(createDocumentQueries(db));
