// Nothing a client was told was saved is lost: clients edit until the server acknowledges,
// the server is killed with SIGKILL at an arbitrary moment, restarted, and must serve every
// acknowledged edit. Also: SIGTERM stores everything and exits 0 within 10 s.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { createServices } from '../../server/services.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';
import { spawnServer, type ChildServer } from '../helpers/child-process.ts';
import { connectClient, eventually, synced, type TestClient } from '../helpers/provider.ts';

type Fixture = { dataDir: string; reviewId: string; tokens: string[] };

/** Prepares accounts, sessions and a review in the database file before the server starts. */
function prepare(editorCount: number): Fixture {
	const dataDir = tempDataDir('psems-durable-');
	const services = createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test'));
	const tokens: string[] = [];
	const reviewId = crypto.randomUUID();
	for (let i = 0; i < editorCount; i++) {
		const id = crypto.randomUUID();
		services.repos.users.insert({ id, email: `editor${i}@example.test`, name: `Editor ${i}`, passwordHash: 'x', isAdmin: i === 0, createdAt: Date.now() });
		if (i === 0) {
			services.repos.reviews.insert({
				id: reviewId, title: 'Durability', portName: 'Port', portCountry: 'Land', kind: 'independent_review',
				scheduledOn: null, frameworkId: 'psems-gap', frameworkVersion: '1.0', createdBy: id, createdAt: Date.now()
			});
		}
		services.repos.reviews.addParticipant(reviewId, id, i === 0 ? 'facilitator' : 'department_head', i === 0 ? null : 'Ops', Date.now());
		tokens.push(services.sessions.create(id).token);
	}
	services.close();
	return { dataDir, reviewId, tokens };
}

/** An editor appending ids to a shared array, remembering which ones the server acknowledged. */
function startEditor(server: ChildServer, fixture: Fixture, index: number) {
	const client = connectClient({ url: server.wsUrl, name: workspaceDocumentName(fixture.reviewId), token: fixture.tokens[index] });
	const inserted: string[] = [];
	let acknowledgedCount = 0;
	// The provider counts sent-but-unacknowledged updates; at zero every earlier insert is stored.
	client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
		if (number === 0 && client.provider.isSynced) acknowledgedCount = inserted.length;
	});
	let timer: ReturnType<typeof setInterval> | null = null;
	return {
		client,
		start() {
			let n = 0;
			timer = setInterval(() => {
				const id = `e${index}-${n++}`;
				inserted.push(id);
				client.doc.getArray<string>('edits').push([id]);
			}, 5);
		},
		stop() {
			if (timer) clearInterval(timer);
		},
		acknowledged: () => inserted.slice(0, acknowledgedCount)
	};
}

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('durable persistence', () => {
	it('serves every acknowledged edit after the server is killed with SIGKILL', { timeout: 90_000 }, async () => {
		const fixture = prepare(5);
		cleanups.push(() => removeDir(fixture.dataDir));
		const trials = 3;
		const expected = new Set<string>();
		for (let trial = 0; trial < trials; trial++) {
			const server = await spawnServer(fixture.dataDir);
			cleanups.push(() => void server.child.kill('SIGKILL'));
			const editors = fixture.tokens.map((_, i) => startEditor(server, fixture, i));
			await Promise.all(editors.map((e) => synced(e.client, 10_000)));
			for (const e of editors) e.start();
			// Kill at a different, unaligned moment each trial.
			await new Promise((r) => setTimeout(r, 400 + Math.floor(Math.random() * 800)));
			server.child.kill('SIGKILL');
			await server.exited;
			for (const e of editors) {
				e.stop();
				for (const id of e.acknowledged()) expected.add(id);
				e.client.destroy();
			}
		}
		expect(expected.size).toBeGreaterThan(50);

		const server = await spawnServer(fixture.dataDir);
		cleanups.push(() => void server.child.kill('SIGKILL'));
		const reader = connectClient({ url: server.wsUrl, name: workspaceDocumentName(fixture.reviewId), token: fixture.tokens[1] });
		cleanups.push(() => reader.destroy());
		await synced(reader, 10_000);
		const served = new Set(reader.doc.getArray<string>('edits').toArray());
		const missing = [...expected].filter((id) => !served.has(id));
		expect(missing).toEqual([]);
	});

	it('stores the last in-memory state and exits 0 within 10 s on SIGTERM', { timeout: 60_000 }, async () => {
		const fixture = prepare(2);
		cleanups.push(() => removeDir(fixture.dataDir));
		const server = await spawnServer(fixture.dataDir);
		cleanups.push(() => void server.child.kill('SIGKILL'));
		const clients: TestClient[] = fixture.tokens.map((token) =>
			connectClient({ url: server.wsUrl, name: workspaceDocumentName(fixture.reviewId), token })
		);
		cleanups.push(() => clients.forEach((c) => c.destroy()));
		await Promise.all(clients.map((c) => synced(c)));
		clients[0].doc.getText('notes').insert(0, 'Agreed: the RAG meets monthly. ');
		clients[1].doc.getMap('grid').set('A1', 3);
		await eventually(() => clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges), 'acknowledged');
		await eventually(() => clients[0].doc.getMap('grid').get('A1') === 3, 'converged');
		const lastState = Y.encodeStateVector(clients[0].doc);

		const startedAt = Date.now();
		server.child.kill('SIGTERM');
		const { code } = await server.exited;
		expect(code).toBe(0);
		expect(Date.now() - startedAt).toBeLessThan(10_000);

		// After a clean stop the whole document is compacted into its stored state.
		const services = createServices(loadConfig({ DATA_DIR: fixture.dataDir, LOG_LEVEL: 'silent' }, 'test'));
		cleanups.push(() => services.close());
		const stored = services.repos.documents.load(workspaceDocumentName(fixture.reviewId));
		expect(stored.updates).toEqual([]);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, stored.state!);
		expect(doc.getText('notes').toString()).toBe('Agreed: the RAG meets monthly. ');
		expect(doc.getMap('grid').get('A1')).toBe(3);
		expect(Y.encodeStateVector(doc)).toEqual(lastState);
	});
});
