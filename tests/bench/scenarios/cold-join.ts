// Scenario 3: cold join. A client opens a review nobody has open, so the server loads it from
// storage: time from creating the provider to its 'synced' event, for an empty, a normal
// (~300 kB) and a large (~5 MB) review, each trial after the server has unloaded the document.
// The server-side load time comes from the timing wrapper around createDocument; the outside
// estimate is the join time minus the empty review's.
import { reviewDocuments } from '../lib/document-cache.ts';
import { benchTempDir, prepareDatabase, removeDir, writeBareFixtures } from '../lib/fixtures.ts';
import { startServer, startWorkers, stopProcesses, type BenchServer, type ServerKind, type Worker } from '../lib/processes.ts';
import type { ColdJoinResult } from '../lib/protocol.ts';
import { median, waitUntil } from '../lib/stats.ts';
import type { ScenarioContext } from './context.ts';

const SIZES = ['empty', 'normal', 'large'] as const;
type Size = (typeof SIZES)[number];
type Measured = Record<Size, { joinMs: number[]; loadMs: number[]; bytes: number }>;

async function measure(server: BenchServer, worker: Worker, targets: Record<Size, { doc: string; token: string | null }>, trials: number): Promise<Measured> {
	const out = Object.fromEntries(SIZES.map((s) => [s, { joinMs: [], loadMs: [], bytes: 0 }])) as unknown as Measured;
	// Trial -1 is a warm-up (first connection, JIT) on the two small documents, not recorded.
	for (let trial = -1; trial < trials; trial++) {
		for (const size of trial < 0 ? (['empty', 'normal'] as const) : SIZES) {
			const unloaded = await waitUntil(async () => (await server.stats()).documents === 0, 15_000, 100);
			if (!unloaded) throw new Error(`${server.kind}: a document stayed open for 15 s between cold joins`);
			await server.stats({ drainLoads: true });
			const joined = await worker.request<ColdJoinResult>({ type: 'coldJoin', url: server.wsUrl, origin: server.url, target: targets[size], timeoutMs: 30_000 }, 60_000);
			await waitUntil(async () => (await server.stats()).documents === 0, 15_000, 100);
			const loads = (await server.stats({ drainLoads: true })).loads.filter((l) => l.name === targets[size].doc);
			if (trial < 0) continue;
			out[size].joinMs.push(joined.ms);
			if (loads.length > 0) out[size].loadMs.push(loads[0].ms);
			out[size].bytes = joined.bytes;
		}
	}
	return out;
}

export async function coldJoin(ctx: ScenarioContext): Promise<void> {
	const { trials } = ctx.config.coldJoin;
	const large = reviewDocuments('large', ctx.log);
	const normal = reviewDocuments('normal', ctx.log);
	const prepared = prepareDatabase('cold-join', [
		{ participants: [{ role: 'facilitator' }] },
		{ participants: [{ role: 'facilitator' }], documents: normal },
		{ participants: [{ role: 'facilitator' }], documents: large }
	]);
	const [empty, normalReview, largeReview] = prepared.reviews;
	const fixtures = benchTempDir('cold-join-bare');
	writeBareFixtures(fixtures, { [normalReview.workspace]: normal.workspace, [largeReview.workspace]: large.workspace });
	const results: Partial<Record<ServerKind, Measured>> = {};
	const workers = startWorkers(1);
	let server: BenchServer | null = null;
	try {
		for (const kind of ctx.withBare ? (['ours', 'bare'] as const) : (['ours'] as const)) {
			server = kind === 'ours' ? await startServer('ours', { DATA_DIR: prepared.dataDir }) : await startServer('bare', { BENCH_FIXTURES_DIR: fixtures });
			ctx.log(`scenario 3: ${kind} server (pid ${server.pid}), ${trials} cold joins per size`);
			const withToken = (r: typeof empty) => ({ doc: r.workspace, token: kind === 'ours' ? r.tokens[0] : null });
			results[kind] = await measure(server, workers[0], { empty: withToken(empty), normal: withToken(normalReview), large: withToken(largeReview) }, trials);
			await stopProcesses(server);
			server = null;
		}
	} finally {
		await stopProcesses(server, ...workers);
		removeDir(prepared.dataDir);
		removeDir(fixtures);
	}
	ctx.details.coldJoin = { trials, encodedBytes: { normal: normal.workspace.byteLength, large: large.workspace.byteLength }, ...results };

	const med = (kind: ServerKind, size: Size, what: 'joinMs' | 'loadMs') => {
		const values = results[kind]?.[size][what] ?? [];
		return values.length > 0 ? median(values) : null;
	};
	const outside = (kind: ServerKind, size: Size) => {
		const a = med(kind, size, 'joinMs');
		const b = med(kind, 'empty', 'joinMs');
		return a !== null && b !== null ? a - b : null;
	};
	const scenario = '3 cold join';
	const label = { empty: 'empty review', normal: `normal review (${Math.round(normal.workspace.byteLength / 1000)} kB)`, large: `large review (${(large.workspace.byteLength / 1e6).toFixed(1)} MB)` };
	const targets: Record<Size, number | undefined> = { empty: undefined, normal: 150, large: 1_000 };
	for (const size of SIZES) {
		const target = targets[size];
		ctx.rows.push({ scenario, metric: `connect to synced, ${label[size]}, median`, unit: 'ms', ours: med('ours', size, 'joinMs'), bare: med('bare', size, 'joinMs'), target: target ? { max: target } : undefined });
		ctx.rows.push({ scenario, metric: `connect to synced, ${label[size]}, worst`, unit: 'ms', ours: maxOf(results.ours?.[size].joinMs), bare: maxOf(results.bare?.[size].joinMs) });
		ctx.rows.push({ scenario, metric: `server load (createDocument), ${label[size]}, median`, unit: 'ms', ours: med('ours', size, 'loadMs'), bare: med('bare', size, 'loadMs') });
		if (size !== 'empty') ctx.rows.push({ scenario, metric: `load from outside (join − empty join), ${label[size]}`, unit: 'ms', ours: outside('ours', size), bare: outside('bare', size) });
	}
}

function maxOf(values: number[] | undefined): number | null {
	return values && values.length > 0 ? Math.max(...values) : null;
}
