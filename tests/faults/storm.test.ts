// Reconnection storm: 300 connected clients (3 reviews x 100, real providers in 3 worker
// processes, the app's reconnect backoff), then a server restart (SIGTERM, as a deploy does,
// and a new process on the same port). All 300 must be synced again within 30 s, the server
// must stay up, and the clients' retries must be spread out (jitter), not in lock-step.
//
// The jitter is measured on each client's first retry: the wait between its first reconnect
// attempt (which fails because the server is down) and its second. A client only retries if its
// first attempt failed, and that attempt comes a fixed `delay` (500 ms) after the close. A
// replacement server that starts faster than that (it did, once node's caches were warm: listening
// at +538 ms, first attempts at +557-645 ms) took every first attempt, no client retried, and the
// figure was "Infinity--Infinity ms (0 clients)". So the replacement starts only once every client
// has retried against the stopped server, as the workers report (the `outage` step).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { spawnServer, type ChildServer } from '../helpers/child-process.ts';
import { freePort, prepareReview } from '../helpers/fault-fixture.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';
import type { StormReply, StormRequest } from './storm-worker.ts';

const WORKERS = 3;
const CLIENTS_PER_WORKER = 100;

type Worker = {
	child: ChildProcess;
	ready: Promise<unknown>;
	ask<T extends StormReply['type']>(request: StormRequest, expect: T): Promise<Extract<StormReply, { type: T }>>;
};

function nextReply<T extends StormReply['type']>(child: ChildProcess, expected: T): Promise<Extract<StormReply, { type: T }>> {
	return new Promise((resolve, reject) => {
		const onExit = (code: number | null) => reject(new Error(`storm worker exited with ${code}`));
		child.once('message', (message: StormReply) => {
			child.off('exit', onExit);
			if (message.type === expected) resolve(message as never);
			else reject(new Error(`storm worker: ${JSON.stringify(message)}`));
		});
		child.once('exit', onExit);
	});
}

function startWorker(): Worker {
	const child = fork(path.join(import.meta.dirname, 'storm-worker.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	// A request sent before the worker listens would be lost: it says when it listens.
	const ready = nextReply(child, 'ready');
	return {
		child,
		ready,
		async ask(request, expected) {
			await ready;
			const answer = nextReply(child, expected);
			child.send(request);
			return answer;
		}
	};
}

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function standardDeviation(values: number[]): number {
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

describe('reconnection storm', () => {
	it(`resyncs ${WORKERS * CLIENTS_PER_WORKER} clients within 30 s of a restart, with jittered retries`, async () => {
		const dataDir = tempDataDir('psems-storm-');
		cleanups.push(() => removeDir(dataDir));
		const reviews = Array.from({ length: WORKERS }, () => prepareReview(CLIENTS_PER_WORKER, { dataDir }));
		const port = await freePort();
		let server: ChildServer = await spawnServer(dataDir, { PORT: String(port) });
		cleanups.push(async () => {
			server.child.kill('SIGKILL');
			await server.exited;
		});
		const workers = reviews.map(() => startWorker());
		cleanups.push(() => workers.forEach((w) => w.child.kill('SIGKILL')));

		const connected = await Promise.all(
			workers.map((w, i) =>
				w.ask({ type: 'connect', url: server.wsUrl, name: workspaceDocumentName(reviews[i].reviewId), tokens: reviews[i].tokens, timeoutMs: 120_000 }, 'connected')
			)
		);
		expect(connected.reduce((sum, c) => sum + c.synced, 0)).toBe(WORKERS * CLIENTS_PER_WORKER);

		server.child.kill('SIGTERM');
		expect((await server.exited).code).toBe(0);
		// Down until every client has retried (see the top of this file), then the new process.
		const outage = await Promise.all(workers.map((w) => w.ask({ type: 'outage', timeoutMs: 20_000 }, 'outage')));
		expect(outage.reduce((sum, o) => sum + o.retried, 0)).toBe(WORKERS * CLIENTS_PER_WORKER);
		server = await spawnServer(dataDir, { PORT: String(port) });
		const resynced = await Promise.all(workers.map((w) => w.ask({ type: 'resync', timeoutMs: 60_000 }, 'resynced')));

		const synced = resynced.reduce((sum, r) => sum + r.synced, 0);
		const times = resynced.flatMap((r) => r.resyncedAt);
		const resyncMs = Math.max(...times) - server.listeningAt;
		const spreadMs = Math.max(...times) - Math.min(...times);
		const gaps = resynced.flatMap((r) => r.firstRetryGapsMs);
		const gapSd = standardDeviation(gaps);
		const health = await fetch(`${server.url}/healthz`);
		console.log(
			`faults/storm: ${synced}/${WORKERS * CLIENTS_PER_WORKER} clients resynced ${resyncMs} ms after the restart (spread ${spreadMs} ms); ` +
				`first retry waits ${Math.min(...gaps)}-${Math.max(...gaps)} ms (sd ${gapSd.toFixed(0)} ms, ${gaps.length} clients)`
		);
		expect(synced).toBe(WORKERS * CLIENTS_PER_WORKER);
		expect(resyncMs).toBeLessThan(30_000);
		expect(server.child.exitCode).toBeNull();
		expect(health.status).toBe(200);
		// Without jitter every client would wait the same `delay` (500 ms); with it the waits spread
		// between minDelay and delay (250-500 ms: a standard deviation near 70 ms).
		expect(gaps.length).toBeGreaterThan(100);
		expect(gapSd).toBeGreaterThan(40);
		await Promise.all(workers.map((w) => new Promise((resolve) => (w.child.once('exit', resolve), w.child.send({ type: 'close' } satisfies StormRequest)))));
	});
});
