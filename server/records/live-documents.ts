// A slot through which services reach the collaboration server's open documents. The collab
// server is built after the services (it needs them), so it attaches itself here; until then,
// and after shutdown, every document is read from storage instead.
import * as Y from 'yjs';
import type { DocumentRepository } from '../persistence/documents.ts';

export type LiveDocumentSource = {
	get(name: string): Y.Doc | null;
	/** Changes a document as the server (not as any user) and broadcasts it to every client. */
	write(name: string, change: (doc: Y.Doc) => void): Promise<void>;
};

export function createLiveDocuments(documents?: DocumentRepository, now: () => number = Date.now) {
	let source: LiveDocumentSource | null = null;
	return {
		get: (name: string): Y.Doc | null => source?.get(name) ?? null,
		/**
		 * Server-side writes (reveals, timer, focus set through HTTP). Through the collaboration
		 * server when it runs, so connected clients see the change at once and the durable log
		 * appends it; otherwise straight into storage as one more log entry.
		 */
		async write(name: string, change: (doc: Y.Doc) => void): Promise<void> {
			if (source) return source.write(name, change);
			if (!documents) throw new Error('No collaboration server and no document storage to write to');
			const { doc } = currentDocument({ get: () => null }, documents, name);
			let update: Uint8Array | null = null;
			doc.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
			Y.transact(doc, () => change(doc));
			if (update) documents.appendUpdate(name, update, now());
		},
		/** Returns a detach function; only the source that attached can detach itself. */
		attach(next: LiveDocumentSource): () => void {
			source = next;
			return () => {
				if (source === next) source = null;
			};
		}
	};
}

export type LiveDocuments = ReturnType<typeof createLiveDocuments>;

/** The open document if there is one, else a fresh copy from storage (state + log tail). */
export function currentDocument(live: Pick<LiveDocumentSource, 'get'>, documents: DocumentRepository, name: string): { doc: Y.Doc; live: boolean } {
	const open = live.get(name);
	if (open) return { doc: open, live: true };
	const stored = documents.load(name);
	const doc = new Y.Doc();
	Y.transact(doc, () => {
		if (stored.state) Y.applyUpdate(doc, stored.state);
		for (const update of stored.updates) Y.applyUpdate(doc, update);
	});
	return { doc, live: false };
}
