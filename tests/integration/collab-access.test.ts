import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { useTestServer } from '../helpers/use-test-server.ts';
import { acknowledged, eventually, serverAnswer, synced } from '../helpers/provider.ts';
import { upgradeStatus } from '../helpers/raw-socket.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { readStored } from '../../server/collab/document-store.ts';

const t = useTestServer();
const { connect } = t;
const reviewWithFacilitator = () => t.review();

describe('collaboration access', () => {
	it('lets two participants edit one workspace and converge', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const head = t.server.createUser({ name: 'Dee Head' });
		t.server.addParticipant(reviewId, head.id, 'department_head', 'Operations');
		const a = connect({ name: workspaceDocumentName(reviewId), token: facilitator.token });
		const b = connect({ name: workspaceDocumentName(reviewId), token: head.token });
		await Promise.all([synced(a), synced(b)]);

		a.doc.getText('t').insert(0, 'from facilitator. ');
		b.doc.getText('t').insert(0, 'from head. ');
		await eventually(
			() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length > 20,
			'both texts converge'
		);
		expect(a.doc.getText('t').toString()).toContain('from facilitator.');
		expect(a.doc.getText('t').toString()).toContain('from head.');
	});

	it('neither applies nor stores an observer update', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const observer = t.server.createUser({ name: 'Obi Observer' });
		t.server.addParticipant(reviewId, observer.id, 'observer');
		const name = workspaceDocumentName(reviewId);
		const writer = connect({ name, token: facilitator.token });
		const watcher = connect({ name, token: observer.token });
		await Promise.all([synced(writer), synced(watcher)]);

		// The server answers the observer's update (refused) before anything is checked.
		expect(await serverAnswer(watcher, () => watcher.doc.getText('t').insert(0, 'observer was here'))).toBe(false);
		writer.doc.getText('t').insert(0, 'facilitator text');
		await acknowledged(writer);
		await eventually(() => watcher.doc.getText('t').toString().includes('facilitator text'), 'observer receives edits');

		expect(writer.doc.getText('t').toString()).toBe('facilitator text');
		const live = t.server.collab.hocuspocus.documents.get(name);
		expect(live?.getText('t').toString()).toBe('facilitator text');
		const stored = storedText(name);
		expect(stored).toBe('facilitator text');
	});

	it('does not let a department head change the reviewer document', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const head = t.server.createUser({ name: 'Dee Head' });
		t.server.addParticipant(reviewId, head.id, 'department_head', 'Security');
		const name = reviewerDocumentName(reviewId);
		const reviewer = connect({ name, token: facilitator.token });
		const staff = connect({ name, token: head.token });
		await Promise.all([synced(reviewer), synced(staff)]);

		expect(await serverAnswer(staff, () => staff.doc.getMap('scores').set('A1', 5))).toBe(false);
		reviewer.doc.getMap('scores').set('B1', 2);
		await acknowledged(reviewer);
		await eventually(() => staff.doc.getMap('scores').get('B1') === 2, 'staff sees the reviewer score');

		expect(reviewer.doc.getMap('scores').get('A1')).toBeUndefined();
		expect(t.server.collab.hocuspocus.documents.get(name)?.getMap('scores').get('A1')).toBeUndefined();
		const doc = storedDoc(name);
		expect(doc.getMap('scores').get('A1')).toBeUndefined();
		expect(doc.getMap('scores').get('B1')).toBe(2);
	});

	it('refuses a non-member, a client without a cookie, an expired session and an unknown document', async () => {
		const { reviewId } = reviewWithFacilitator();
		const outsider = t.server.createUser({ name: 'Out Sider' });
		const name = workspaceDocumentName(reviewId);

		const nonMember = connect({ name, token: outsider.token });
		expect(await nonMember.denied).toBe(CloseEvents.Forbidden.reason);

		const anonymous = connect({ name, token: null });
		expect(await anonymous.denied).toBe(CloseEvents.Unauthorized.reason);

		const member = t.server.createUser({ name: 'Ex Pired' });
		t.server.addParticipant(reviewId, member.id, 'department_head', 'HR');
		const sessionId = member.token.split('.')[0];
		// Age the session past its absolute lifetime.
		t.server.services.db
			.prepare('UPDATE sessions SET created_at = created_at - ? WHERE id = ?')
			.run(t.server.services.config.sessionAbsoluteMs + 1000, sessionId);
		const expired = connect({ name, token: member.token });
		expect(await expired.denied).toBe(CloseEvents.Unauthorized.reason);

		const { facilitator } = reviewWithFacilitator();
		const unknown = connect({ name: `document:${reviewId}`, token: facilitator.token });
		expect(await unknown.denied).toBe('No such review document.');
	});

	it('refuses a WebSocket upgrade from a foreign Origin with 403 before any document opens, and accepts its own Origin', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const cookie = `psems_session=${facilitator.token}`;
		const ownOrigin = new URL(t.server.wsUrl).origin.replace(/^ws/, 'http');
		expect(await upgradeStatus(t.server.wsUrl, { cookie, origin: 'https://evil.example' })).toBe(403);
		// The control: the same cookie on the same server, from its own Origin, is upgraded.
		expect(await upgradeStatus(t.server.wsUrl, { cookie, origin: ownOrigin })).toBe(101);

		// A real provider from the foreign Origin: its socket closes and nothing is opened for it.
		const foreign = connect({ name: workspaceDocumentName(reviewId), token: facilitator.token, origin: 'https://evil.example' });
		await eventually(() => foreign.closes.length > 0, 'the refused socket closes');
		expect(foreign.provider.isSynced).toBe(false);
		expect(t.server.collab.hocuspocus.documents.has(workspaceDocumentName(reviewId))).toBe(false);
	});

	it('closes a removed participant connection and refuses the reconnect', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const head = t.server.createUser({ name: 'Leaving Head' });
		t.server.addParticipant(reviewId, head.id, 'department_head', 'Finance');
		const name = workspaceDocumentName(reviewId);
		const client = connect({ name, token: head.token });
		await synced(client);

		const actor = (await t.server.services.repos.users.findById(facilitator.id))!;
		const removed = await t.server.services.participants.remove(actor, reviewId, head.id);
		expect(removed.ok).toBe(true);

		await eventually(() => client.closes.some((c) => c.code === CloseEvents.Removed.code), 'socket closed as removed');
		expect(await client.denied).toBe(CloseEvents.Forbidden.reason);
	});

	it('reconnects a participant whose role changed with the new rights', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const head = t.server.createUser({ name: 'Soon Observer' });
		t.server.addParticipant(reviewId, head.id, 'department_head', 'Marine');
		const name = workspaceDocumentName(reviewId);
		const client = connect({ name, token: head.token });
		const writer = connect({ name, token: facilitator.token });
		await Promise.all([synced(client), synced(writer)]);

		const actor = (await t.server.services.repos.users.findById(facilitator.id))!;
		const changed = await t.server.services.participants.changeRole(actor, reviewId, { userId: head.id, role: 'observer', department: null });
		expect(changed.ok).toBe(true);
		await eventually(() => client.closes.some((c) => c.code === CloseEvents.RoleChanged.code), 'socket closed for role change');
		await eventually(() => client.provider.isSynced, 'reconnected', 5_000);

		expect(await serverAnswer(client, () => client.doc.getText('t').insert(0, 'now read-only'))).toBe(false);
		writer.doc.getText('t').insert(0, 'still writable');
		await acknowledged(writer);
		expect(t.server.collab.hocuspocus.documents.get(name)?.getText('t').toString()).toBe('still writable');
	});
});

function storedDoc(name: string): Y.Doc {
	return readStored(t.server.services.store.tx.documents, name);
}

function storedText(name: string): string {
	return storedDoc(name).getText('t').toString();
}

describe('crafted protocol messages', () => {
	it('neither applies nor stores a reviewer-document update a department head writes by hand', async () => {
		const { facilitator, reviewId } = reviewWithFacilitator();
		const head = t.server.createUser({ name: 'Crafty Head' });
		t.server.addParticipant(reviewId, head.id, 'department_head', 'Security');
		const name = reviewerDocumentName(reviewId);
		const reviewer = connect({ name, token: facilitator.token });
		await synced(reviewer);
		reviewer.doc.getMap('scores').set('B1', 2);
		await acknowledged(reviewer);

		// A hand-made client: authenticate, then send a raw Yjs update without any provider.
		const forged = new Y.Doc();
		forged.getMap('scores').set('A1', 5);
		const socket = new WebSocket(t.server.wsUrl, { headers: { cookie: `psems_session=${head.token}`, origin: t.server.url.replace('localhost', '127.0.0.1') } });
		const replies: number[] = [];
		socket.on('message', (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			decoding.readVarString(decoder);
			replies.push(decoding.readVarUint(decoder));
		});
		await new Promise<void>((resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)));
		const auth = encoding.createEncoder();
		encoding.writeVarString(auth, name);
		encoding.writeVarUint(auth, 2); // Auth
		encoding.writeVarUint(auth, 0); // token
		encoding.writeVarString(auth, 'cookie');
		socket.send(encoding.toUint8Array(auth));
		await eventually(() => replies.includes(2), 'authenticated reply');
		const update = encoding.createEncoder();
		encoding.writeVarString(update, name);
		encoding.writeVarUint(update, 0); // Sync
		encoding.writeVarUint(update, 2); // Yjs update
		encoding.writeVarUint8Array(update, Y.encodeStateAsUpdate(forged));
		socket.send(encoding.toUint8Array(update));
		await eventually(() => replies.includes(8), 'sync status reply');
		socket.close();

		expect(t.server.collab.hocuspocus.documents.get(name)?.getMap('scores').get('A1')).toBeUndefined();
		expect(storedDoc(name).getMap('scores').get('A1')).toBeUndefined();
		expect(storedDoc(name).getMap('scores').get('B1')).toBe(2);
		expect(reviewer.doc.getMap('scores').get('A1')).toBeUndefined();
	});
});
