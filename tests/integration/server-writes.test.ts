// Server-side writes (reveals, the room timer, focus set over HTTP) reach connected clients at
// once and are durable like any client edit, whether or not the document is open.
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/use-test-server.ts';
import { eventually, synced } from '../helpers/provider.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import { readStored } from '../../server/collab/document-store.ts';

const t = useTestServer();

describe('server writes', () => {
	it('broadcasts a write to a connected client and stores it', async () => {
		const { facilitator, reviewId } = t.review();
		const name = reviewerDocumentName(reviewId);
		const client = t.connect({ name, token: facilitator.token });
		await synced(client);

		await t.server.services.documentStore.write(name, (doc) => doc.getMap('probe').set('written', 'by the server'));

		await eventually(() => client.doc.getMap('probe').get('written') === 'by the server', 'the client sees the write');
		const stored = readStored(t.server.services.store.tx.documents, name);
		expect(stored.getMap('probe').get('written')).toBe('by the server');
	});

	it('writes into storage when the document is not open', async () => {
		const { facilitator, reviewId } = t.review();
		const name = reviewerDocumentName(reviewId);

		await t.server.services.documentStore.write(name, (doc) => doc.getMap('probe').set('count', 1));
		await t.server.services.documentStore.write(name, (doc) => doc.getMap('probe').set('count', 2));

		const client = t.connect({ name, token: facilitator.token });
		await synced(client);
		expect(client.doc.getMap('probe').get('count')).toBe(2);
	});
});
