// The crash trial shared by `npm test` (3 trials) and `npm run test:faults` (20+): editors with
// real providers (the app's reconnect backoff) append ids to one shared array; the server is
// killed with SIGKILL at a random instant. Each trial then checks, with no server running, that
// the database holds every id any client saw acknowledged, restarts the server on the same port
// and measures how long until every client is back, has nothing unacknowledged and holds every
// id every client wrote.
import * as Y from 'yjs';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { RECONNECT_BACKOFF } from '../../src/lib/shared/collab-timing.ts';
import { spawnServer, type ChildServer } from './child-process.ts';
import { freePort, prepareReview, storedDocument, type FaultFixture } from './fault-fixture.ts';
import { connectClient, eventually, type TestClient } from './provider.ts';
import { removeDir } from './server.ts';

export type CrashFigures = {
	trials: number;
	editors: number;
	/** Distinct acknowledged ids at the last kill (every one checked after every later kill too). */
	acknowledgedEdits: number;
	/** Sum over trials of the acknowledged ids looked up in the stored document. */
	acknowledgedChecks: number;
	missing: string[];
	convergeMs: number[];
	maxConvergeMs: number;
};

type Editor = { client: TestClient; inserted: string[]; acknowledged: () => string[]; start(): void; stop(): void };

function startEditor(url: string, fixture: FaultFixture, index: number, intervalMs: number): Editor {
	const client = connectClient({ url, name: workspaceDocumentName(fixture.reviewId), token: fixture.tokens[index], socket: RECONNECT_BACKOFF });
	const inserted: string[] = [];
	let acknowledgedCount = 0;
	// The provider counts sent-but-unacknowledged updates; at zero every earlier insert is stored.
	client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
		if (number === 0 && client.provider.isSynced) acknowledgedCount = inserted.length;
	});
	let timer: ReturnType<typeof setInterval> | null = null;
	let n = 0;
	return {
		client,
		inserted,
		acknowledged: () => inserted.slice(0, acknowledgedCount),
		start() {
			timer ??= setInterval(() => {
				const id = `e${index}-${n++}`;
				inserted.push(id);
				client.doc.getArray<string>('edits').push([id]);
			}, intervalMs);
		},
		stop() {
			if (timer) clearInterval(timer);
			timer = null;
		}
	};
}

/** Only for the fault's own timing (when to kill, how long clients type into a dead server), never to wait for an event. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCrashTrials(opts: { trials: number; editors: number; convergeWithinMs: number; editIntervalMs?: number }): Promise<CrashFigures> {
	const fixture = prepareReview(opts.editors);
	const documentName = workspaceDocumentName(fixture.reviewId);
	const port = await freePort();
	const url = `ws://127.0.0.1:${port}/collab`;
	let server: ChildServer = await spawnServer(fixture.dataDir, { PORT: String(port) });
	const editors = fixture.tokens.map((_, i) => startEditor(url, fixture, i, opts.editIntervalMs ?? 40));
	const figures: CrashFigures = { trials: opts.trials, editors: opts.editors, acknowledgedEdits: 0, acknowledgedChecks: 0, missing: [], convergeMs: [], maxConvergeMs: 0 };
	try {
		await eventually(() => editors.every((e) => e.client.provider.isSynced), 'editors synced', 20_000);
		const expected = new Set<string>();
		for (let trial = 0; trial < opts.trials; trial++) {
			for (const e of editors) e.start();
			// A different, unaligned instant each trial: sometimes right after the resync.
			await sleep(50 + Math.floor(Math.random() * 1_450));
			server.child.kill('SIGKILL');
			await server.exited;
			for (const e of editors) for (const id of e.acknowledged()) expected.add(id);
			// Clients keep typing for a moment while the server is gone, like people in the room.
			await sleep(200);
			for (const e of editors) e.stop();

			const stored = new Set(storedDocument(fixture.dataDir, documentName).getArray<string>('edits').toArray());
			figures.acknowledgedChecks += expected.size;
			figures.missing.push(...[...expected].filter((id) => !stored.has(id)));

			server = await spawnServer(fixture.dataDir, { PORT: String(port) });
			const written = editors.reduce((sum, e) => sum + e.inserted.length, 0);
			await eventually(
				() =>
					editors.every(
						(e) => e.client.provider.isSynced && !e.client.provider.hasUnsyncedChanges && e.client.doc.getArray('edits').length === written
					),
				`trial ${trial + 1}: all ${opts.editors} clients converged on ${written} edits`,
				opts.convergeWithinMs + 10_000
			);
			figures.convergeMs.push(Date.now() - server.listeningAt);
		}
		figures.acknowledgedEdits = expected.size;
		figures.maxConvergeMs = Math.max(...figures.convergeMs);
		// The converged state is the same document everywhere, not only the same length.
		const stateOf = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]));
		const reference = stateOf(editors[0].client.doc);
		if (editors.some((e) => stateOf(e.client.doc) !== reference)) throw new Error('clients hold different states after converging');
		return figures;
	} finally {
		for (const e of editors) {
			e.stop();
			e.client.destroy();
		}
		server.child.kill('SIGKILL');
		await server.exited;
		removeDir(fixture.dataDir);
	}
}
