// Server-side writes (reveals, the room timer, focus set over HTTP) reach connected clients at
// once and are durable like any client edit, whether or not the document is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, removeDir, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type TestClient } from '../helpers/provider.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import { readStored } from '../../server/collab/document-store.ts';

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server.stop();
	removeDir(server.dataDir);
});

describe('server writes', () => {
	it('broadcasts a write to a connected client and stores it', async () => {
		const facilitator = server.createUser({ name: 'Fran Facilitator', isAdmin: true });
		const reviewId = server.createReview(facilitator.id);
		const name = reviewerDocumentName(reviewId);
		const client = connectClient({ url: server.wsUrl, name, token: facilitator.token });
		clients.push(client);
		await synced(client);

		await server.services.documentStore.write(name, (doc) => doc.getMap('probe').set('written', 'by the server'));

		await eventually(() => client.doc.getMap('probe').get('written') === 'by the server', 'the client sees the write');
		const stored = readStored(server.services.repos.documents, name);
		expect(stored.getMap('probe').get('written')).toBe('by the server');
	});

	it('writes into storage when the document is not open', async () => {
		const facilitator = server.createUser({ name: 'Fran Facilitator', isAdmin: true });
		const reviewId = server.createReview(facilitator.id);
		const name = reviewerDocumentName(reviewId);

		await server.services.documentStore.write(name, (doc) => doc.getMap('probe').set('count', 1));
		await server.services.documentStore.write(name, (doc) => doc.getMap('probe').set('count', 2));

		const client = connectClient({ url: server.wsUrl, name, token: facilitator.token });
		clients.push(client);
		await synced(client);
		expect(client.doc.getMap('probe').get('count')).toBe(2);
	});
});
