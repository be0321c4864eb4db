// Hostile and malformed WebSocket input (issue 6, item 5). Each test sends one kind of bad input
// on a hand-driven socket, then checks the same four things: the process still answers
// /healthz, a well-behaved pair of clients on another review keeps editing and converging, the
// target document is unchanged both live and in storage, and the offending connection was
// closed or its message dropped.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { TestServer } from '../helpers/server.ts';
import { useTestServer } from '../helpers/use-test-server.ts';
import { acknowledged, eventually, synced, type TestClient } from '../helpers/provider.ts';
import { awarenessMessage, closeReason, frame, syncUpdateMessage, Wire, type RawSocket } from '../helpers/raw-socket.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { readStored } from '../../server/collab/document-store.ts';

const SMALL_UPDATE_CAP = 64 * 1024;
/** How long the never-authenticating socket may stay open in its test. */
const SHORT_AUTH_TIMEOUT_MS = 300;

const servers = useTestServer();
let server: TestServer;
/** A second server with a 64 KiB update cap. */
let small: TestServer;
/** Hand-driven sockets of the current test: heldUp waits until the server has handled them. */
const socketsOfTest: RawSocket[] = [];
const bystanders = new Map<TestServer, { a: TestClient; b: TestClient }>();
let inputsTried = 0;

const connect = (srv: TestServer, name: string, token: string): TestClient => servers.connect({ on: srv, name, token });

async function raw(srv: TestServer, token: string | null): Promise<RawSocket> {
	const socket = await servers.raw(token, srv);
	socketsOfTest.push(socket);
	return socket;
}

async function startBystanders(srv: TestServer) {
	const facilitator = srv.createUser({ name: 'Bea Bystander', isAdmin: true });
	const head = srv.createUser({ name: 'Ben Bystander' });
	const reviewId = srv.createReview(facilitator.id, 'Untouched review');
	srv.addParticipant(reviewId, head.id, 'department_head', 'Operations');
	const name = workspaceDocumentName(reviewId);
	const pair = { a: connect(srv, name, facilitator.token), b: connect(srv, name, head.token) };
	await Promise.all([synced(pair.a), synced(pair.b)]);
	bystanders.set(srv, pair);
}

beforeAll(async () => {
	server = servers.server;
	small = await servers.start({ MAX_UPDATE_BYTES: String(SMALL_UPDATE_CAP) });
	await Promise.all([startBystanders(server), startBystanders(small)]);
});
beforeEach(() => {
	socketsOfTest.length = 0;
});

afterAll(() => {
	console.info(`hostile-input: ${inputsTried} hostile inputs tried`);
});

type Target = {
	srv: TestServer;
	name: string;
	facilitator: { id: string; token: string };
	head: { id: string; token: string };
	owner: TestClient;
	before: Snapshot;
};

/** A review whose workspace holds known content, written and acknowledged by its facilitator. */
async function target(srv: TestServer = server): Promise<Target> {
	const facilitator = srv.createUser({ name: 'Fran Facilitator', isAdmin: true });
	const head = srv.createUser({ name: 'Dee Head' });
	const reviewId = srv.createReview(facilitator.id);
	srv.addParticipant(reviewId, head.id, 'department_head', 'Security');
	const name = workspaceDocumentName(reviewId);
	const owner = connect(srv, name, facilitator.token);
	await synced(owner);
	owner.doc.getText('t').insert(0, 'baseline text');
	owner.doc.getMap('m').set('score', 3);
	await acknowledged(owner);
	return { srv, name, facilitator, head, owner, before: snapshot(srv, name) };
}

type Snapshot = { live: string; liveVector: string; stored: string; storedVector: string };

function describeDoc(doc: Y.Doc): string {
	return JSON.stringify({ t: doc.getText('t').toString(), m: doc.getMap('m').toJSON() });
}

function snapshot(srv: TestServer, name: string): Snapshot {
	const live = srv.collab.hocuspocus.documents.get(name);
	if (!live) throw new Error(`document ${name} is not open`);
	const stored = readStored(srv.services.store.tx.documents, name);
	return {
		live: describeDoc(live),
		liveVector: Buffer.from(Y.encodeStateVector(live)).toString('hex'),
		stored: describeDoc(stored),
		storedVector: Buffer.from(Y.encodeStateVector(stored)).toString('hex')
	};
}

async function healthy(srv: TestServer, withinMs = 2_000): Promise<void> {
	const response = await fetch(`${srv.url}/healthz`, { signal: AbortSignal.timeout(withinMs) });
	expect(response.status).toBe(200);
}

let edits = 0;
/** The other review still works: one client edits, the other sees it. */
async function bystandersConverge(srv: TestServer): Promise<void> {
	const pair = bystanders.get(srv)!;
	const mark = `edit-${++edits};`;
	pair.a.doc.getText('t').insert(pair.a.doc.getText('t').length, mark);
	await eventually(() => pair.b.doc.getText('t').toString().includes(mark), `bystander sees ${mark}`);
	expect(pair.a.doc.getText('t').toString()).toBe(pair.b.doc.getText('t').toString());
}

/** The four guarantees every hostile input must leave intact (the fourth is asserted per test). */
async function heldUp(target: Target): Promise<void> {
	await healthy(target.srv);
	await bystandersConverge(target.srv);
	// Everything the hostile sockets sent has been handled (or they were closed) before we look.
	for (const socket of socketsOfTest) await socket.settled();
	expect(snapshot(target.srv, target.name)).toEqual(target.before);
	expect(describeDoc(target.owner.doc)).toBe(target.before.live);
}

/** Sends one hostile frame and counts it. */
function hostile(socket: RawSocket, bytes: Uint8Array): void {
	inputsTried++;
	socket.send(bytes);
}

/** A tiny deterministic generator, so a failure replays the same garbage. */
function garbage(length: number, seed: number): Uint8Array {
	let s = seed >>> 0;
	const bytes = new Uint8Array(length);
	for (let i = 0; i < length; i++) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		bytes[i] = s >>> 24;
	}
	return bytes;
}

describe('malformed frames', () => {
	it('closes a connection that sends an empty frame and keeps everything else working', async () => {
		const t = await target();
		const socket = await raw(server, t.facilitator.token);
		hostile(socket, new Uint8Array(0));
		const closed = await socket.waitClosed();
		expect(closed.code).toBeGreaterThanOrEqual(4000);
		await heldUp(t);
	});

	it('closes a connection that sends one-byte frames', async () => {
		const t = await target();
		for (const byte of [0x00, 0x05, 0xff]) {
			const socket = await raw(server, t.facilitator.token);
			hostile(socket, Uint8Array.of(byte));
			await socket.waitClosed();
		}
		await heldUp(t);
	});

	it('closes a connection that sends a truncated varint, before or after authenticating', async () => {
		const t = await target();
		const early = await raw(server, t.facilitator.token);
		hostile(early, Uint8Array.of(0x80));
		await early.waitClosed();

		// A valid address, then a Yjs update whose declared length runs past the end of the frame.
		const late = await raw(server, t.facilitator.token);
		await late.authenticate(t.name);
		hostile(
			late,
			frame(t.name, Wire.Sync, (e) => {
				encoding.writeVarUint(e, Wire.SyncUpdate);
				encoding.writeVarUint(e, 1000);
				encoding.writeUint8Array(e, Uint8Array.of(1, 2, 3));
			})
		);
		await eventually(() => late.closed !== null || late.replies.some((r) => r.type === Wire.Close), 'document closed for the socket');
		await heldUp(t);
	});

	it('closes a connection that sends an overlong varint', async () => {
		const t = await target();
		const socket = await raw(server, t.facilitator.token);
		hostile(socket, new Uint8Array(11).fill(0xff));
		await socket.waitClosed();

		const after = await raw(server, t.facilitator.token);
		await after.authenticate(t.name);
		const overlongType = new Uint8Array([...frame(t.name, Wire.Sync).slice(0, -1), ...new Uint8Array(11).fill(0xff)]);
		hostile(after, overlongType);
		await eventually(() => after.closed !== null || after.replies.some((r) => r.type === Wire.Close), 'document closed for the socket');
		await heldUp(t);
	});

	it('drops a message of an unknown type after authentication and keeps the connection usable', async () => {
		const t = await target();
		const socket = await raw(server, t.facilitator.token);
		await socket.authenticate(t.name);
		hostile(socket, frame(t.name, 99, (e) => encoding.writeVarString(e, 'what is this')));
		await heldUp(t);
		// Still usable: a legitimate update on the same socket is acknowledged.
		const replies = socket.replies.length;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.owner.doc));
		const before = Y.encodeStateVector(doc);
		doc.getText('t').insert(0, 'legit ');
		socket.send(syncUpdateMessage(t.name, Y.encodeStateAsUpdate(doc, before)));
		await eventually(() => socket.replies.slice(replies).some((r) => r.type === Wire.SyncStatus), 'update acknowledged');
		expect(socket.closed).toBeNull();
	});
});

/** A fresh Yjs update that is well formed but would change the target document. */
function realUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

describe('hostile Yjs updates', () => {
	it('refuses garbage bytes sent as a Yjs update without changing the document', async () => {
		const t = await target();
		let closedOrDropped = 0;
		for (const [seed, length] of [[1, 16], [2, 64], [3, 512], [4, 4096], [5, 3]] as const) {
			const socket = await raw(server, t.facilitator.token);
			await socket.authenticate(t.name);
			hostile(socket, syncUpdateMessage(t.name, garbage(length, seed)));
			await eventually(
				() => socket.closed !== null || socket.replies.some((r) => r.type === Wire.Close || r.type === Wire.SyncStatus),
				`garbage update ${seed} answered`
			);
			closedOrDropped++;
		}
		expect(closedOrDropped).toBe(5);
		await heldUp(t);
	});

	it('keeps an update with a far-future clock pending and leaves the content unchanged', async () => {
		const t = await target();
		// Client 424242 wrote 100,000 characters we never send, then one more: the update we send
		// starts at clock 100,000 and points at a struct the server has never seen.
		const forger = new Y.Doc();
		forger.clientID = 424242;
		forger.getText('t').insert(0, 'x'.repeat(100_000));
		const seen = Y.encodeStateVector(forger);
		forger.getText('t').insert(100_000, 'injected');
		const future = Y.encodeStateAsUpdate(forger, seen);

		const socket = await raw(server, t.head.token);
		await socket.authenticate(t.name);
		hostile(socket, syncUpdateMessage(t.name, future));
		await eventually(() => socket.replies.some((r) => r.type === Wire.SyncStatus), 'update processed');
		await heldUp(t);
		expect(server.collab.hocuspocus.documents.get(t.name)?.getText('t').toString()).not.toContain('injected');
	});

	it('drops an update over the per-update cap and closes that socket with a reason the UI explains', async () => {
		const t = await target(small);
		const socket = await raw(small, t.facilitator.token);
		await socket.authenticate(t.name);
		hostile(socket, syncUpdateMessage(t.name, realUpdate('y'.repeat(100 * 1024))));
		const closed = await socket.waitClosed();
		expect(closed.code).toBe(CloseEvents.MessageTooLarge.code);
		await heldUp(t);
	});
});

describe('hostile awareness', () => {
	it('stays responsive when one awareness state is huge', async () => {
		const t = await target();
		// 2 MB is over the 1 MiB per-message cap; 900 KB is under it and goes through the presence hook.
		for (const size of [2_000_000, 900_000]) {
			const socket = await raw(server, t.head.token);
			await socket.authenticate(t.name);
			const started = Date.now();
			hostile(socket, awarenessMessage(t.name, 777_000 + size, 1, { user: { name: 'x' }, blob: 'z'.repeat(size) }));
			await healthy(server);
			expect(Date.now() - started).toBeLessThan(2_000);
		}
		await heldUp(t);
	});

	it('stays responsive during a flood of a thousand awareness updates', async () => {
		const t = await target();
		const socket = await raw(server, t.head.token);
		await socket.authenticate(t.name);
		for (let clock = 1; clock <= 1_000; clock++) {
			hostile(socket, awarenessMessage(t.name, 555_555, clock, { cursor: clock, section: 'grid' }));
			if (clock === 500) await healthy(server);
		}
		await healthy(server);
		await heldUp(t);
	});

	it('shows other clients the server-set name and role, whatever a client claims', async () => {
		const t = await target();
		const socket = await raw(server, t.head.token);
		await socket.authenticate(t.name);
		const spoofedId = 909_090;
		hostile(
			socket,
			awarenessMessage(t.name, spoofedId, 1, {
				section: 'grid',
				user: { userId: t.facilitator.id, name: 'Fran Facilitator', role: 'facilitator', color: '#000000' }
			})
		);
		const states = () => t.owner.provider.awareness?.getStates() ?? new Map();
		await eventually(() => states().has(spoofedId), 'owner sees the spoofed client');
		const seen = states().get(spoofedId) as { user: { userId: string; name: string; role: string }; section: string };
		expect(seen.user).toMatchObject({ userId: t.head.id, name: 'Dee Head', role: 'department_head' });
		expect(seen.section).toBe('grid');
		await heldUp(t);
	});
});

describe('unauthenticated input', () => {
	it('never applies an update for a document the connection did not authenticate', async () => {
		const mine = await target();
		const other = await target();
		const socket = await raw(server, mine.facilitator.token);
		await socket.authenticate(mine.name);
		hostile(socket, syncUpdateMessage(other.name, realUpdate('written without authenticating')));
		hostile(
			socket,
			frame(other.name, Wire.Sync, (e) => {
				encoding.writeVarUint(e, Wire.SyncStep2);
				encoding.writeVarUint8Array(e, realUpdate('step two'));
			})
		);
		await heldUp(other);
		await heldUp(mine);
		expect(socket.replies.some((r) => r.document === other.name)).toBe(false);
	});

	it('drops a connection that opens but never authenticates', async () => {
		const t = await target();
		// The app gives unauthenticated sockets 30 s (collab-server.ts), too slow for this suite.
		// Hocuspocus reads `timeout` when a connection opens, so we shorten it for this one socket
		// only and restore it at once; the deadline logic under test is the same.
		const hocuspocus = server.collab.hocuspocus;
		const normal = hocuspocus.configuration.timeout;
		hocuspocus.configuration.timeout = SHORT_AUTH_TIMEOUT_MS;
		let socket: RawSocket;
		try {
			socket = await raw(server, t.facilitator.token);
		} finally {
			hocuspocus.configuration.timeout = normal;
		}
		inputsTried++;
		// Traffic that is not an Auth message must not keep it alive either.
		hostile(socket, syncUpdateMessage(t.name, realUpdate('queued before auth')));
		const closed = await socket.waitClosed(3_000);
		expect(closed.code).toBe(4408);
		await heldUp(t);
	});
});
