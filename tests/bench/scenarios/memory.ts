// Scenario 5: memory per open review, and whether open/close cycles leak. Each phase runs in a
// fresh server process (RSS rarely shrinks after a free, so phases would blur into each other);
// every reading is taken after two forced garbage collections in the server (--expose-gc).
// Bare Hocuspocus opens the same documents from files, so "ours over bare" separates what our
// extensions cost from what Yjs itself and V8's heap keep per open document.
import { reviewDocuments } from '../lib/document-cache.ts';
import { benchTempDir, prepareDatabase, removeDir, writeBareFixtures, type PreparedReview } from '../lib/fixtures.ts';
import { startServer, startWorkers, stopProcesses, type BenchServer, type ServerKind, type Worker } from '../lib/processes.ts';
import type { ClientSpec, ConnectResult, CyclesResult, ServerStats } from '../lib/protocol.ts';
import { mb, round, sleep, waitUntil } from '../lib/stats.ts';
import type { ScenarioContext } from './context.ts';

const spec = (r: PreparedReview, i: number): ClientSpec => ({ key: `m${i}`, doc: r.workspace, token: r.tokens[0], writer: false });

async function closedAll(server: BenchServer, worker: Worker): Promise<boolean> {
	await worker.request({ type: 'closeAll' }, 30_000);
	return waitUntil(async () => (await server.stats()).documents === 0, 20_000, 100);
}

async function open(server: BenchServer, worker: Worker, reviews: PreparedReview[]): Promise<void> {
	const result = await worker.request<ConnectResult>({ type: 'connect', url: server.wsUrl, origin: server.url, clients: reviews.map(spec), concurrency: 10, timeoutMs: 60_000 }, 300_000);
	if (result.failed > 0) throw new Error(`memory: ${result.failed} reviews did not open: ${result.errors.join('; ')}`);
}

type Stores = { dataDir: string; fixturesDir: string };

/**
 * Opens `reviews` (one client each) in a fresh server after a warm-up and returns the memory per
 * review as a slope: the growth from the first half open to all open, divided by the second half.
 * Measuring from an empty server instead would charge one-time growth (V8's young generation
 * growing to its working size, compiled code, SQLite's page cache) to the first few documents:
 * with 10 reviews that alone read as +0.7 MB each. The average from empty is kept in the details.
 */
async function perReview(kind: ServerKind, stores: Stores, warmUp: PreparedReview, reviews: PreparedReview[]) {
	let server: BenchServer | null = null;
	const [worker] = startWorkers(1);
	const half = Math.max(1, Math.floor(reviews.length / 2));
	try {
		server = await startServer(kind, kind === 'ours' ? { DATA_DIR: stores.dataDir } : { BENCH_FIXTURES_DIR: stores.fixturesDir });
		await open(server, worker, [warmUp]);
		await closedAll(server, worker);
		const before = await server.stats({ gc: true });
		await open(server, worker, reviews.slice(0, half));
		const middle = await server.stats({ gc: true });
		await open(server, worker, reviews.slice(half));
		const after = await server.stats({ gc: true });
		if (after.documents !== reviews.length) throw new Error(`memory: ${after.documents} documents open, expected ${reviews.length}`);
		await closedAll(server, worker);
		const slope = (f: (s: ServerStats) => number) => (f(after) - f(middle)) / (reviews.length - half);
		return {
			count: reviews.length,
			rssPerReview: slope((s) => s.rss),
			heapPerReview: slope((s) => s.heapUsed),
			heapTotalPerReview: slope((s) => s.heapTotal),
			externalPerReview: slope((s) => s.external),
			rssPerReviewFromEmpty: (after.rss - before.rss) / reviews.length,
			before,
			middle,
			after
		};
	} finally {
		await stopProcesses(server, worker);
	}
}

async function cycles(ctx: ScenarioContext, dataDir: string, targets: PreparedReview[]) {
	const { cycles: total, cycleConcurrency } = ctx.config.memory;
	let server: BenchServer | null = null;
	const [worker] = startWorkers(1);
	try {
		const s = await startServer('ours', { DATA_DIR: dataDir });
		server = s;
		const request = (n: number) => ({
			type: 'cycles' as const, url: s.wsUrl, origin: s.url, targets: targets.map((r) => ({ doc: r.workspace, token: r.tokens[0] })),
			cycles: n, concurrency: cycleConcurrency, timeoutMs: 240_000
		});
		const settled = async () => {
			const emptied = await waitUntil(async () => (await s.stats()).documents === 0, 20_000, 100);
			await sleep(1_000); // let closed sockets and their timers go
			return emptied;
		};
		// Warm up (code paths, statement caches) with a few cycles before the baseline.
		await worker.request<CyclesResult>(request(2 * cycleConcurrency), 300_000);
		await settled();
		const baseline = await s.stats({ gc: true, drainLoads: true });
		const ran = await worker.request<CyclesResult>(request(total), 300_000);
		const emptied = await settled();
		const after = await s.stats({ gc: true, drainLoads: true });
		ctx.log(`scenario 5: ${ran.done} open/close cycles in ${ran.ms} ms (${ran.failed} failed), ${after.loads.length} server loads, documents open after: ${after.documents}`);
		return { ran, emptied, baseline, after, serverLoads: after.loads.length, heapGrowth: (after.heapUsed - baseline.heapUsed) / baseline.heapUsed };
	} finally {
		await stopProcesses(server, worker);
	}
}

export async function memory(ctx: ScenarioContext): Promise<void> {
	const { normalDocs, largeDocs, cycleConcurrency } = ctx.config.memory;
	const small = reviewDocuments('small', ctx.log);
	const large = reviewDocuments('large', ctx.log);
	const one = { participants: [{ role: 'facilitator' as const }] };
	const prepared = prepareDatabase('memory', [
		one,
		...Array.from({ length: normalDocs }, () => one),
		...Array.from({ length: normalDocs + 2 * cycleConcurrency }, () => ({ ...one, documents: small })),
		...Array.from({ length: largeDocs }, () => ({ ...one, documents: large }))
	]);
	const [warmUp, ...others] = prepared.reviews;
	const emptyReviews = others.slice(0, normalDocs);
	const rest = others.slice(normalDocs);
	const normalReviews = rest.slice(0, normalDocs);
	const cycleReviews = rest.slice(normalDocs, normalDocs + 2 * cycleConcurrency);
	const largeReviews = rest.slice(normalDocs + 2 * cycleConcurrency);
	const fixturesDir = benchTempDir('memory-bare');
	writeBareFixtures(fixturesDir, {
		...Object.fromEntries(normalReviews.map((r) => [r.workspace, small.workspace])),
		...Object.fromEntries(largeReviews.map((r) => [r.workspace, large.workspace]))
	});
	const stores = { dataDir: prepared.dataDir, fixturesDir };
	try {
		// The same number of empty reviews: what a connection and an empty document cost alone.
		ctx.log(`scenario 5: ${normalDocs} empty reviews open`);
		const empty = await perReview('ours', stores, warmUp, emptyReviews);
		ctx.log(`scenario 5: ${normalDocs} normal reviews open`);
		const normal = await perReview('ours', stores, warmUp, normalReviews);
		ctx.log(`scenario 5: ${largeDocs} large review(s) open`);
		const big = await perReview('ours', stores, warmUp, largeReviews);
		ctx.log(`scenario 5: the same normal and large reviews in bare Hocuspocus`);
		const bareNormal = await perReview('bare', stores, warmUp, normalReviews);
		const bareBig = await perReview('bare', stores, warmUp, largeReviews);
		const cycled = await cycles(ctx, prepared.dataDir, cycleReviews);
		ctx.details.memory = {
			encodedBytes: { normal: small.workspace.byteLength, large: large.workspace.byteLength },
			empty, normal, large: big, bare: { normal: bareNormal, large: bareBig }, cycles: cycled
		};

		const scenario = '5 memory';
		const kb = (n: number) => Math.round(n / 1000);
		const rows = ctx.rows;
		rows.push({ scenario, metric: 'RSS per open empty review (1 client): the connection alone', unit: 'MB', ours: mb(empty.rssPerReview), bare: null });
		const normalBytes = small.workspace.byteLength;
		const largeBytes = large.workspace.byteLength;
		rows.push({ scenario, metric: `RSS per open normal review (${kb(normalBytes)} kB state, 1 client)`, unit: 'MB', ours: mb(normal.rssPerReview), bare: mb(bareNormal.rssPerReview), target: { max: 2, label: '≤ 2 MB' } });
		rows.push({ scenario, metric: 'RSS per open normal review over encoded size', unit: '×', ours: round(normal.rssPerReview / normalBytes, 1), bare: round(bareNormal.rssPerReview / normalBytes, 1), target: { max: 20 } });
		rows.push({ scenario, metric: 'heap per open normal review', unit: 'MB', ours: mb(normal.heapPerReview), bare: mb(bareNormal.heapPerReview), note: `empty review: ${mb(empty.heapPerReview)} MB` });
		rows.push({ scenario, metric: `RSS per open large review (${(largeBytes / 1e6).toFixed(1)} MB state)`, unit: 'MB', ours: mb(big.rssPerReview), bare: mb(bareBig.rssPerReview) });
		rows.push({ scenario, metric: 'RSS per open large review over encoded size', unit: '×', ours: round(big.rssPerReview / largeBytes, 1), bare: round(bareBig.rssPerReview / largeBytes, 1), target: { max: 20 } });
		rows.push({ scenario, metric: 'heap per open large review', unit: 'MB', ours: mb(big.heapPerReview), bare: mb(bareBig.heapPerReview) });
		rows.push({ scenario, metric: `open/close cycles completed`, unit: '', ours: cycled.ran.done, bare: null, note: `${cycled.ran.failed} failed, ${cycled.serverLoads} server loads` });
		rows.push({ scenario, metric: 'documents open after the cycles', unit: '', ours: cycled.after.documents, bare: null, target: { equals: 0 } });
		rows.push({ scenario, metric: 'heap growth over the cycles', unit: '%', ours: round(cycled.heapGrowth * 100, 1), bare: null, target: { max: 10 }, note: `${mb(cycled.baseline.heapUsed)} → ${mb(cycled.after.heapUsed)} MB` });
	} finally {
		removeDir(prepared.dataDir);
		removeDir(fixturesDir);
	}
}
