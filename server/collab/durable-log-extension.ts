// Nothing a client was told was saved is lost (DESIGN.md §5).
//
// Hocuspocus acknowledges an update (SyncStatus) right after applying it and stores the document
// only later, debounced. So we do not rely on onStoreDocument for durability. Instead, once a
// document is loaded we attach our own listener to its Yjs 'update' event. Yjs emits that event
// synchronously inside applyUpdate, and Hocuspocus sends the acknowledgement only after
// applyUpdate returns and broadcasts on a later tick (flushDelay 0 = setImmediate). Our
// listener appends to SQLite synchronously (better-sqlite3), so the update is in the WAL before
// the ack is written to the socket and before any other client sees it. A kill -9 at any
// instant therefore loses at most updates that were never acknowledged, which the provider
// still holds and resends. (What this relies on inside Yjs and Hocuspocus: library-workarounds.md.)
//
// onStoreDocument (debounced, off the hot path) folds the log into one compact state. Reading
// and writing storage goes through the document store (document-store.ts): a store that appends
// asynchronously (another database) would move the append to a hook that runs before the
// acknowledgement is sent and await it there; the ordering argument above is what it must keep.
import type * as Y from 'yjs';
import type { Extension, onLoadDocumentPayload, afterLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import type { Logger } from '../logger.ts';
import { LOAD_ORIGIN, migrateToCurrent, type DocumentStore } from './document-store.ts';

export function durableLogExtension(deps: { store: DocumentStore; logger: Logger }): Extension {
	/** Highest log seq appended per open document, so compaction knows what it covers. */
	const appendedSeq = new Map<string, number>();
	const compactedSeq = new Map<string, number>();

	return {
		extensionName: 'psems-durable-log',

		async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
			const stored = deps.store.load(documentName, document);
			appendedSeq.set(documentName, stored.lastSeq);
			compactedSeq.set(documentName, stored.logTail > 0 ? -1 : stored.lastSeq);
			deps.logger.debug('collab.loaded', { document: documentName, logTail: stored.logTail });
		},

		async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
			// The durability point: synchronous, in the update event, before the acknowledgement.
			document.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin === LOAD_ORIGIN) return;
				appendedSeq.set(documentName, deps.store.append(documentName, update));
			});
			// After the listener, so the migration's writes are appended like any change.
			const migrated = migrateToCurrent(documentName, document);
			if (migrated && migrated.ran.length > 0) deps.logger.info('collab.migrated', { document: documentName, from: migrated.from, to: migrated.to });
		},

		async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
			compact(documentName, document);
		},

		async afterUnloadDocument({ documentName }: { documentName: string }) {
			appendedSeq.delete(documentName);
			compactedSeq.delete(documentName);
		}
	};

	function compact(documentName: string, document: Y.Doc) {
		const upto = appendedSeq.get(documentName) ?? deps.store.latestSeq(documentName);
		if (compactedSeq.get(documentName) === upto) return;
		// Encoding and the seq read happen in the same tick as the append listener, so the state
		// contains exactly the updates up to `upto`.
		deps.store.compact(documentName, document, upto);
		compactedSeq.set(documentName, upto);
	}
}
