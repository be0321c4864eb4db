// A client's update is committed before Hocuspocus applies or acknowledges it (beforeSync). When
// the write fails, nothing is applied or acknowledged, the socket is closed with a reason, and the
// provider, still holding the edit, delivers it once storage works again.
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/use-test-server.ts';
import { acknowledged, eventually, synced } from '../helpers/provider.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readGridCell, setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { readStored } from '../../server/collab/document-store.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';

const t = useTestServer();

describe('a durable write that fails', () => {
	it('applies and acknowledges nothing, closes the socket with a reason, and the edit arrives after recovery', async () => {
		const { facilitator, reviewId } = t.review();
		const name = workspaceDocumentName(reviewId);
		const client = t.connect({ name, token: facilitator.token });
		await synced(client);

		const documents = t.server.services.store.tx.documents;
		const appendUpdates = documents.appendUpdates;
		documents.appendUpdates = () => {
			throw new Error('disk full');
		};
		try {
			setSelfScore(client.doc, 'A1', 4);
			await eventually(() => client.closes.some((c) => c.code === CloseEvents.NotStored.code), 'the server closes the socket, saying why');
			const live = t.server.services.documentStore.liveDocument(name);
			expect(live ? readGridCell(live, 'A1').selfScore : null).toBeNull();
			expect(readGridCell(readStored(t.server.services.store.tx.documents, name), 'A1').selfScore).toBeNull();
		} finally {
			documents.appendUpdates = appendUpdates;
		}

		// The provider reconnects and sends the edit again; now it is stored and acknowledged.
		await acknowledged(client, 10_000);
		expect(readGridCell(readStored(t.server.services.store.tx.documents, name), 'A1').selfScore).toBe(4);
	});
});
