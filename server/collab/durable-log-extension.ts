// Nothing a client was told was saved is lost (DESIGN.md §5).
//
// Hocuspocus acknowledges an update (SyncStatus) right after applying it and stores the document
// only later, debounced, so durability cannot rest on onStoreDocument. Instead:
//
// - A client's update is committed in `beforeSync`, which Hocuspocus awaits before it applies the
//   update, acknowledges it or broadcasts it (MessageReceiver.readSyncMessage; one message per
//   connection at a time). The insert goes through a group commit (group-commit.ts): one
//   transaction per batch. A failed write throws, so nothing is applied or acknowledged, and
//   Hocuspocus closes the connection with our reason; the provider keeps the update and resends it.
// - Every other change to an open document (a server write through a direct connection, the
//   schema migration) is appended synchronously in the document's update event, as before.
//
// A kill -9 at any instant therefore loses at most updates that were never acknowledged. (What this
// relies on inside Yjs and Hocuspocus: library-workarounds.md.)
//
// onStoreDocument (debounced, off the hot path) folds the log into one compact state. A row is
// committed before its update is applied, so compaction stops below any row whose update may not be
// in the document yet (`inFlight`); folding it would drop an acknowledged edit from storage.
import * as Y from 'yjs';
import type { Extension, onLoadDocumentPayload, afterLoadDocumentPayload, onStoreDocumentPayload, beforeSyncPayload, onDisconnectPayload } from '@hocuspocus/server';
import type { Logger } from '../logger.ts';
import { LOAD_ORIGIN, migrateToCurrent, type DocumentStore } from './document-store.ts';
import { createGroupCommit } from './group-commit.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';

// y-protocols sync message types (sync.js): step 1 asks, step 2 and update carry changes.
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Refuses the message (nothing applied, nothing acknowledged); Hocuspocus reads `code` and `reason`. */
export class NotStored extends Error {
	readonly code = CloseEvents.NotStored.code;
	readonly reason = CloseEvents.NotStored.reason;
	constructor(cause: unknown) {
		super('update not stored', { cause });
	}
}

type Store = Pick<DocumentStore, 'load' | 'append' | 'appendBatch' | 'compact' | 'latestSeq'>;

const isConnectionOrigin = (origin: unknown): origin is { source: 'connection'; connection: { socketId: string } } =>
	typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'connection';

export function durableLogExtension(deps: { store: Store; logger: Logger }): Extension {
	/** Highest log seq appended per open document, so compaction knows what it covers. */
	const appendedSeq = new Map<string, number>();
	const compactedSeq = new Map<string, number>();
	/** Per document: the row each connection (by socket) committed whose update may not be applied yet. */
	const inFlight = new Map<string, Map<string, number>>();
	const commit = createGroupCommit((rows) => deps.store.appendBatch(rows));

	const settle = (documentName: string, socketId: string) => inFlight.get(documentName)?.delete(socketId);
	const noteAppended = (documentName: string, seq: number) => appendedSeq.set(documentName, Math.max(seq, appendedSeq.get(documentName) ?? 0));

	return {
		extensionName: 'psems-durable-log',

		async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
			const stored = await deps.store.load(documentName, document);
			appendedSeq.set(documentName, stored.lastSeq);
			compactedSeq.set(documentName, stored.logTail > 0 ? -1 : stored.lastSeq);
			inFlight.set(documentName, new Map());
			deps.logger.debug('collab.loaded', { document: documentName, logTail: stored.logTail });
		},

		async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
			document.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin === LOAD_ORIGIN) return;
				// A client's update was committed in beforeSync; it is in the document from here on.
				if (isConnectionOrigin(origin)) return void settle(documentName, origin.connection.socketId);
				// The server's own changes: synchronous, in the update event, before anyone sees them.
				noteAppended(documentName, deps.store.append(documentName, update));
			});
			// After the listener, so the migration's writes are appended like any change.
			const migrated = migrateToCurrent(documentName, document);
			if (migrated && migrated.ran.length > 0) deps.logger.info('collab.migrated', { document: documentName, from: migrated.from, to: migrated.to });
		},

		async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload) {
			if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
			// Its previous message is handled (one at a time per connection): applied or not, it is settled.
			settle(documentName, connection.socketId);
			// Read-only connections' updates are never applied (Hocuspocus answers them itself).
			if (connection.readOnly) return;
			// Malformed bytes would fail to apply too: refuse them before anything is stored.
			const decoded = Y.decodeUpdate(payload);
			// A step 2 with nothing in it (a client that has no news) needs no row.
			if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
			let seq: number;
			try {
				seq = await commit.append(documentName, payload);
			} catch (cause) {
				deps.logger.error('collab.store_failed', { document: documentName, socket: connection.socketId, error: String(cause) });
				// The whole socket, as the other refusals do: the page says why, the provider reconnects
				// and sends the unacknowledged update again.
				connection.webSocket.close(CloseEvents.NotStored.code, CloseEvents.NotStored.reason);
				throw new NotStored(cause);
			}
			noteAppended(documentName, seq);
			inFlight.get(documentName)?.set(connection.socketId, seq);
		},

		async onDisconnect({ documentName, socketId }: onDisconnectPayload) {
			settle(documentName, socketId);
		},

		async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
			await compact(documentName, document);
		},

		async afterUnloadDocument({ documentName }: { documentName: string }) {
			appendedSeq.delete(documentName);
			compactedSeq.delete(documentName);
			inFlight.delete(documentName);
		}
	};

	async function compact(documentName: string, document: Y.Doc) {
		let upto = appendedSeq.get(documentName) ?? (await deps.store.latestSeq(documentName));
		const waiting = [...(inFlight.get(documentName)?.values() ?? [])];
		if (waiting.length > 0) upto = Math.min(upto, Math.min(...waiting) - 1);
		if (compactedSeq.get(documentName) === upto) return;
		// Encoding and the seq read happen in the same tick (no await between them), so the state
		// contains every update up to `upto`.
		await deps.store.compact(documentName, document, upto);
		compactedSeq.set(documentName, upto);
	}
}
