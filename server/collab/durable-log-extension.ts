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
// still holds and resends.
//
// onStoreDocument (debounced, off the hot path) folds the log into one compact state.
import * as Y from 'yjs';
import type { Extension, onLoadDocumentPayload, afterLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import type { DocumentRepository } from '../persistence/documents.ts';
import type { Logger } from '../logger.ts';

const LOAD_ORIGIN = Symbol('durable-log-load');

export function durableLogExtension(deps: { documents: DocumentRepository; logger: Logger; now?: () => number }): Extension {
	const now = deps.now ?? Date.now;
	/** Highest log seq appended per open document, so compaction knows what it covers. */
	const appendedSeq = new Map<string, number>();
	const compactedSeq = new Map<string, number>();

	return {
		extensionName: 'psems-durable-log',
		priority: 900,

		async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
			const stored = deps.documents.load(documentName);
			Y.transact(
				document,
				() => {
					if (stored.state) Y.applyUpdate(document, stored.state);
					for (const update of stored.updates) Y.applyUpdate(document, update);
				},
				LOAD_ORIGIN
			);
			appendedSeq.set(documentName, stored.lastSeq);
			compactedSeq.set(documentName, stored.updates.length > 0 ? -1 : stored.lastSeq);
			deps.logger.debug('collab.loaded', { document: documentName, logTail: stored.updates.length });
		},

		async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
			document.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin === LOAD_ORIGIN) return;
				appendedSeq.set(documentName, deps.documents.appendUpdate(documentName, update, now()));
			});
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
		const upto = appendedSeq.get(documentName) ?? deps.documents.latestSeq(documentName);
		if (compactedSeq.get(documentName) === upto) return;
		// Encoding and the seq read happen in the same tick as the append listener, so the state
		// contains exactly the updates up to `upto`.
		deps.documents.compact(documentName, Y.encodeStateAsUpdate(document), upto, now());
		compactedSeq.set(documentName, upto);
	}
}
