// A slot through which services reach the collaboration server's open documents. The collab
// server is built after the services (it needs them), so it attaches itself here; until then,
// and after shutdown, every document is read from storage instead.
import * as Y from 'yjs';
import type { DocumentRepository } from '../persistence/documents.ts';

export type LiveDocumentSource = { get(name: string): Y.Doc | null };

export function createLiveDocuments() {
	let source: LiveDocumentSource | null = null;
	return {
		get: (name: string): Y.Doc | null => source?.get(name) ?? null,
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
export function currentDocument(live: LiveDocumentSource, documents: DocumentRepository, name: string): { doc: Y.Doc; live: boolean } {
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
