// Nothing a client was told was saved is lost: clients edit until the server acknowledges,
// the server is killed with SIGKILL at an arbitrary moment, restarted, and must serve every
// acknowledged edit. Also: SIGTERM stores everything and exits 0 within 10 s.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { createServices } from '../../server/services.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';
import { spawnServer } from '../helpers/child-process.ts';
import { connectClient, eventually, synced, type TestClient } from '../helpers/provider.ts';
import { runCrashTrials } from '../helpers/crash-trials.ts';
import { prepareReview } from '../helpers/fault-fixture.ts';
import { readStored } from '../../server/collab/document-store.ts';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('durable persistence', () => {
	it('serves every acknowledged edit after SIGKILL; 20 clients reconnect and converge within 5 s', { timeout: 120_000 }, async () => {
		const figures = await runCrashTrials({ trials: 3, editors: 20, convergeWithinMs: 5_000, editIntervalMs: 100 });
		console.log(`crash: ${figures.trials} trials, ${figures.editors} clients, ${figures.acknowledgedEdits} acknowledged edits (${figures.acknowledgedChecks} checks), converged in max ${figures.maxConvergeMs} ms`);
		expect(figures.missing).toEqual([]);
		expect(figures.acknowledgedEdits).toBeGreaterThan(50);
		expect(figures.maxConvergeMs).toBeLessThan(5_000);
	});

	it('stores the last in-memory state and exits 0 within 10 s on SIGTERM', { timeout: 60_000 }, async () => {
		const fixture = prepareReview(2, { dataDir: tempDataDir('psems-durable-') });
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
		const stored = await services.repos.documents.load(workspaceDocumentName(fixture.reviewId));
		expect(stored.updates).toEqual([]);
		const doc = readStored(services.store.tx.documents, workspaceDocumentName(fixture.reviewId));
		expect(doc.getText('notes').toString()).toBe('Agreed: the RAG meets monthly. ');
		expect(doc.getMap('grid').get('A1')).toBe(3);
		expect(Y.encodeStateVector(doc)).toEqual(lastState);
	});
});
