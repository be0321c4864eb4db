// The one owner of "a review's Yjs document, from storage or live" (DESIGN.md §5). Storage is a
// compacted state plus the update log after it (server/persistence/documents.ts); this module is
// the only code that turns those rows into a Y.Doc, appends to them or compacts them:
//
// - load: the stored state and every log row after it, applied in one Yjs transaction with
//   LOAD_ORIGIN, so listeners can tell a load from a change (the durable log never re-appends it);
// - read: the document Hocuspocus has open, if any (so a freeze sees every acknowledged edit),
//   else a fresh copy from storage;
// - write: a change made by the server, not by a user (reveal, timer, self-score import). Through a
//   Hocuspocus direct connection while the collaboration server runs (clients see it at once and
//   the durable log appends it like any edit), else appended to storage as one update.
//
// The appends happen in the durable log extension (durable-log-extension.ts): a client's update in
// Hocuspocus' beforeSync hook (`appendBatch`, awaited, group-committed), a server change
// synchronously in the document's update event (`append`). This module takes the synchronous
// statements (store.ts `tx.documents`) because that second path, and `read` inside a freeze's
// transaction, cannot await on SQLite; they are the seam a store on another database replaces.
import * as Y from 'yjs';
import type { DocumentQueries } from '../persistence/documents.ts';
import { parseDocumentName } from '../../src/lib/shared/document-names.ts';
import { migrateReviewDocument } from '../../src/lib/shared/documents/migrate.ts';
import type { MigrationOutcome } from '../../src/lib/shared/documents/schema/version.ts';

/** Origin of the transaction that applies storage to a document: not a change, never appended. */
export const LOAD_ORIGIN = Symbol('psems-document-load');
/** Origin of a server-side change to a document nobody has open. */
const SERVER_WRITE_ORIGIN = Symbol('psems-server-write');

/** What the collaboration server lends the store while it runs. */
export type LiveDocumentSource = {
	get(name: string): Y.Doc | null;
	/** Changes a document as the server (opening it if needed) and broadcasts the change. */
	write<T>(name: string, change: (doc: Y.Doc) => T): Promise<T>;
};

export type StoredDocument = { lastSeq: number; logTail: number };

/** Applies the stored state and the log after it to `doc` (normally empty), as one load. */
export function loadStored(documents: Pick<DocumentQueries, 'load'>, name: string, doc: Y.Doc): StoredDocument {
	const stored = documents.load(name);
	Y.transact(
		doc,
		() => {
			if (stored.state) Y.applyUpdate(doc, stored.state);
			for (const update of stored.updates) Y.applyUpdate(doc, update);
		},
		LOAD_ORIGIN
	);
	return { lastSeq: stored.lastSeq, logTail: stored.updates.length };
}

/**
 * Brings a document written by an older release to the current schema (src/lib/shared/documents/
 * schema/version.ts). Its writes are ordinary changes: on an open document the durable log appends
 * them like any edit, so the migration runs once per document, before any client syncs it.
 */
export function migrateToCurrent(name: string, doc: Y.Doc): MigrationOutcome | null {
	const parsed = parseDocumentName(name);
	return parsed ? migrateReviewDocument(doc, parsed.kind) : null;
}

/** A new document holding exactly what storage holds (no server needed: tests read files with it). */
export function readStored(documents: Pick<DocumentQueries, 'load'>, name: string): Y.Doc {
	const doc = new Y.Doc();
	loadStored(documents, name, doc);
	return doc;
}

export function createDocumentStore(deps: { documents: DocumentQueries; now?: () => number }) {
	const now = deps.now ?? Date.now;
	let live: LiveDocumentSource | null = null;

	/** No collaboration server: load, change, and append the change as one update. */
	function writeStored<T>(name: string, change: (doc: Y.Doc) => T): T {
		const doc = readStored(deps.documents, name);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== LOAD_ORIGIN) updates.push(update);
		});
		migrateToCurrent(name, doc);
		let result!: T;
		Y.transact(doc, () => (result = change(doc)), SERVER_WRITE_ORIGIN);
		if (updates.length > 0) deps.documents.appendUpdate(name, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), now());
		return result;
	}

	return {
		/** Fills a document Hocuspocus is loading; returns the log position the state covers. */
		load: (name: string, doc: Y.Doc): StoredDocument => loadStored(deps.documents, name, doc),

		/** The document the collaboration server has open, or null. */
		liveDocument: (name: string): Y.Doc | null => live?.get(name) ?? null,

		/**
		 * The open document if there is one (read it within the current tick; do not change it),
		 * else a fresh copy from storage in the current schema (migrated in memory only).
		 */
		read(name: string): Y.Doc {
			const open = live?.get(name);
			if (open) return open;
			const doc = readStored(deps.documents, name);
			migrateToCurrent(name, doc);
			return doc;
		},

		/**
		 * Changes a document as the server; `change` runs synchronously in one Yjs transaction and
		 * its return value is passed on. Durable once the promise resolves (the change is in the log).
		 */
		async write<T>(name: string, change: (doc: Y.Doc) => T): Promise<T> {
			return live ? live.write(name, change) : writeStored(name, change);
		},

		/** One accepted update, appended synchronously; returns its log sequence number. */
		append: (name: string, update: Uint8Array): number => deps.documents.appendUpdate(name, update, now()),

		/** A batch of client updates in one transaction (the durable log's group commit). */
		appendBatch: async (rows: ReadonlyArray<{ name: string; update: Uint8Array }>): Promise<number[]> => deps.documents.appendUpdates(rows, now()),

		/** Folds the log up to `uptoSeq` into the document's state (off the hot path). */
		compact(name: string, doc: Y.Doc, uptoSeq: number): void {
			deps.documents.compact(name, Y.encodeStateAsUpdate(doc), uptoSeq, now());
		},

		/** Highest log sequence number stored for a document. */
		latestSeq: (name: string): number => deps.documents.latestSeq(name),

		/** The collaboration server lends its open documents; returns a detach function. */
		attach(source: LiveDocumentSource): () => void {
			live = source;
			return () => {
				if (live === source) live = null;
			};
		}
	};
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
