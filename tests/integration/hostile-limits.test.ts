// Hostile input that aims at memory rather than at parsing (issue 6, item 5): floods before
// authentication (many messages, many bytes, many sockets), a reader that stops reading while
// others edit heavily, and updates Yjs would hold forever as "pending". Each test checks that
// the server bounds what it holds, closes the offending socket, answers /healthz, and that
// clients on another review keep converging.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TestServer } from '../helpers/server.ts';
import { useTestServer } from '../helpers/use-test-server.ts';
import { acknowledged, eventually, synced, type TestClient } from '../helpers/provider.ts';
import { syncUpdateMessage, type RawSocket } from '../helpers/raw-socket.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';

// Each test starts its own server with the limits it probes; the helper stops it after the test.
const servers = useTestServer({ shared: false });
const serverWith = (env: Record<string, string>): Promise<TestServer> => servers.start(env);
const connect = (srv: TestServer, name: string, token: string): TestClient => servers.connect({ on: srv, name, token });
const raw = (srv: TestServer, token: string | null): Promise<RawSocket> => servers.raw(token, srv);

type Review = { name: string; facilitator: { id: string; token: string }; head: { id: string; token: string } };

function review(srv: TestServer): Review {
	const facilitator = srv.createUser({ name: 'Fran Facilitator', isAdmin: true });
	const head = srv.createUser({ name: 'Dee Head' });
	const reviewId = srv.createReview(facilitator.id);
	srv.addParticipant(reviewId, head.id, 'department_head', 'Security');
	return { name: workspaceDocumentName(reviewId), facilitator, head };
}

/** Two clients on their own review: one writes, the other must see it. */
async function bystanders(srv: TestServer) {
	const r = review(srv);
	const a = connect(srv, r.name, r.facilitator.token);
	const b = connect(srv, r.name, r.head.token);
	await Promise.all([synced(a), synced(b)]);
	let n = 0;
	return async function stillConverging() {
		const mark = `mark-${++n};`;
		a.doc.getText('t').insert(0, mark);
		await eventually(() => b.doc.getText('t').toString().includes(mark), `bystander sees ${mark}`);
	};
}

async function healthy(srv: TestServer): Promise<void> {
	const response = await fetch(`${srv.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
	expect(response.status).toBe(200);
}

describe('floods before authentication', () => {
	it('closes a socket that queues thousands of messages before authenticating, and frees what it queued', async () => {
		const srv = await serverWith({});
		const stillConverging = await bystanders(srv);
		const r = review(srv);
		const socket = await raw(srv, r.facilitator.token);
		const update = Y.encodeStateAsUpdate(new Y.Doc());
		for (let i = 0; i < 5_000 && socket.closed === null; i++) socket.send(syncUpdateMessage(r.name, update));
		await socket.waitClosed();
		await healthy(srv);
		await stillConverging();
		await eventually(() => srv.collab.preAuthBytes() === 0 && srv.collab.unauthenticatedSockets() === 0, 'pre-auth state released');
	});

	it('keeps all unauthenticated sockets together under the pre-auth byte budget', async () => {
		const budget = 256 * 1024;
		const srv = await serverWith({ MAX_PREAUTH_BYTES: String(budget) });
		const stillConverging = await bystanders(srv);
		const r = review(srv);
		const chunk = syncUpdateMessage(r.name, new Uint8Array(60 * 1024).fill(7));
		const flooders: RawSocket[] = [];
		let highWater = 0;
		for (let i = 0; i < 8; i++) {
			const socket = await raw(srv, r.head.token);
			flooders.push(socket);
			socket.send(chunk);
			await eventually(() => socket.closed !== null || srv.collab.preAuthBytes() >= Math.min(budget, (i + 1) * chunk.byteLength) - chunk.byteLength, 'chunk counted');
			highWater = Math.max(highWater, srv.collab.preAuthBytes());
		}
		await eventually(() => flooders.filter((s) => s.closed !== null).length >= 4, 'sockets over the budget closed');
		expect(flooders.find((s) => s.closed !== null)?.closed?.code).toBe(1008);
		expect(highWater).toBeLessThanOrEqual(budget);
		await healthy(srv);
		await stillConverging();
		// Someone who authenticates normally still gets in while the flood sockets are open.
		const late = connect(srv, r.name, r.facilitator.token);
		await synced(late);
	});

	it('refuses sockets past the unauthenticated-socket cap and admits again once the flood times out', async () => {
		const srv = await serverWith({ MAX_UNAUTHENTICATED_SOCKETS: '20', COLLAB_TIMEOUT_MS: '1500' });
		const stillConverging = await bystanders(srv);
		const results = await Promise.allSettled(Array.from({ length: 30 }, () => raw(srv, null)));
		const refused = results.filter((r) => r.status === 'rejected');
		expect(results.length - refused.length).toBe(20);
		expect(refused.every((r) => String((r as PromiseRejectedResult).reason).includes('503'))).toBe(true);
		await healthy(srv);
		await stillConverging();
		// The pre-auth deadline (COLLAB_TIMEOUT_MS) closes every flood socket whatever it sends.
		const open = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
		await eventually(() => open.every((s) => s.closed !== null), 'flood sockets closed by the pre-auth deadline', 6_000);
		const r = review(srv);
		await synced(connect(srv, r.name, r.facilitator.token));
	});
});

describe('a reader that stops reading', () => {
	it('closes a socket whose unsent data passes the send-buffer cap while others keep editing', async () => {
		const srv = await serverWith({ MAX_SEND_BUFFER_BYTES: String(256 * 1024) });
		const stillConverging = await bystanders(srv);
		const r = review(srv);
		const writer = connect(srv, r.name, r.facilitator.token);
		const reader = connect(srv, r.name, r.head.token);
		await Promise.all([synced(writer), synced(reader)]);
		const slow = await raw(srv, r.head.token);
		await slow.authenticate(r.name);
		const document = srv.collab.hocuspocus.documents.get(r.name)!;
		expect(document.getConnectionsCount()).toBe(3);
		// Stop reading: the kernel buffers fill, then the server's send buffer grows.
		(slow.socket as unknown as { _socket: net.Socket })._socket.pause();
		const blob = writer.doc.getMap<string>('blob');
		for (let i = 0; i < 120 && document.getConnectionsCount() === 3; i++) {
			blob.set('big', `${i}:${'x'.repeat(200 * 1024)}`);
			// Paced by the server: once it acknowledged this one, it has broadcast it to the reader too.
			await acknowledged(writer);
		}
		await eventually(() => document.getConnectionsCount() === 2, 'slow reader dropped from the document', 10_000);
		await acknowledged(writer);
		await eventually(() => reader.doc.getMap('blob').get('big') === blob.get('big'), 'reader converged with the writer');
		await healthy(srv);
		await stillConverging();
		(slow.socket as unknown as { _socket: net.Socket })._socket.resume();
		const closed = await slow.waitClosed(10_000);
		// The close frame if the client read it in time, else the socket was destroyed.
		expect([CloseEvents.SlowConnection.code, 1006]).toContain(closed.code);
	});
});

describe('updates Yjs would hold as pending', () => {
	it('drops pending structs past the cap and closes the sender, leaving the content unchanged', async () => {
		const cap = 64 * 1024;
		const srv = await serverWith({ MAX_PENDING_UPDATE_BYTES: String(cap) });
		const stillConverging = await bystanders(srv);
		const r = review(srv);
		const owner = connect(srv, r.name, r.facilitator.token);
		await synced(owner);
		owner.doc.getText('t').insert(0, 'baseline');
		await acknowledged(owner);
		const socket = await raw(srv, r.head.token);
		await socket.authenticate(r.name);
		const live = srv.collab.hocuspocus.documents.get(r.name)!;
		for (let i = 0; i < 4 && socket.closed === null; i++) {
			// Each forger wrote 100 characters we never send, then 30 KB that depends on them.
			const forger = new Y.Doc();
			forger.clientID = 900_000 + i;
			forger.getText('t').insert(0, 'x'.repeat(100));
			const seen = Y.encodeStateVector(forger);
			forger.getText('t').insert(100, 'injected'.repeat(4_000));
			const answered = socket.replies.length;
			socket.send(syncUpdateMessage(r.name, Y.encodeStateAsUpdate(forger, seen)));
			await socket.until(() => socket.closed !== null || socket.replies.length > answered, `forged update ${i} handled`);
		}
		const closed = await socket.waitClosed();
		expect(closed.code).toBe(CloseEvents.UpdateRejected.code);
		expect(live.store.pendingStructs).toBeNull();
		expect(live.getText('t').toString()).toBe('baseline');
		await healthy(srv);
		await stillConverging();
	});
});
