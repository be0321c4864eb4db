// Scenario 1: one review, 50 editors and 150 viewers; editors type in bursts (2 updates/s each).
// Latency from writer to every reader, lost updates, server CPU, RSS and event-loop delay; with
// scenario 6, the same clients against bare Hocuspocus right after, for the ratio.
import { prepareDatabase, removeDir } from '../lib/fixtures.ts';
import { deal, runLoad, type LoadResult } from '../lib/load.ts';
import { startServer, stopProcesses, type BenchServer } from '../lib/processes.ts';
import type { ClientSpec } from '../lib/protocol.ts';
import { mb } from '../lib/stats.ts';
import type { ScenarioContext } from './context.ts';

export async function propagation(ctx: ScenarioContext): Promise<void> {
	const { editors, viewers, durationMs, burstSize, burstGapMs, burstEveryMs } = ctx.config.propagation;
	const prepared = prepareDatabase('propagation', [
		{
			participants: Array.from({ length: editors + viewers }, (_, i) => ({
				role: i === 0 ? 'facilitator' : i < editors ? 'department_head' : 'observer'
			}))
		}
	]);
	const review = prepared.reviews[0];
	const specs = (withTokens: boolean): ClientSpec[] =>
		review.tokens.map((token, i) => ({ key: `c${i}`, doc: review.workspace, token: withTokens ? token : null, writer: i < editors }));
	const plan = { mode: 'bursts', durationMs, burstSize, burstGapMs, burstEveryMs } as const;
	const results: Partial<Record<'ours' | 'bare', LoadResult>> = {};
	let server: BenchServer | null = null;
	try {
		server = await startServer('ours', { DATA_DIR: prepared.dataDir });
		ctx.log(`scenario 1: our server (pid ${server.pid}), ${editors} editors + ${viewers} viewers, ${durationMs / 1000} s`);
		results.ours = await runLoad(server, deal(specs(true), ctx.config.workers), plan, { concurrency: 25, pingPath: '/healthz', log: ctx.log });
		await stopProcesses(server);
		server = null;
		if (ctx.withBare) {
			server = await startServer('bare', {});
			ctx.log(`scenario 1: bare Hocuspocus (pid ${server.pid})`);
			results.bare = await runLoad(server, deal(specs(false), ctx.config.workers), plan, { concurrency: 25, pingPath: '/', log: ctx.log });
		}
	} finally {
		await stopProcesses(server);
		removeDir(prepared.dataDir);
	}
	ctx.details.propagation = { clients: editors + viewers, editors, viewers, plan, ...results };
	addRows(ctx, '1 propagation', results.ours, results.bare, { p50: 10, p99: 50 });
}

/** Table rows of a load run; shared with scenario 2, which has its own targets. */
export function addRows(
	ctx: ScenarioContext,
	scenario: string,
	ours: LoadResult | undefined,
	bare: LoadResult | undefined,
	targets: { p50?: number; p99?: number; rss?: { maxMb: number; label: string } } = {}
): void {
	const pick = (f: (r: LoadResult) => number) => ({ ours: ours ? f(ours) : null, bare: bare ? f(bare) : null });
	const rows = ctx.rows;
	rows.push({ scenario, metric: 'latency p50', unit: 'ms', ...pick((r) => r.latency.p50), target: targets.p50 !== undefined ? { max: targets.p50 } : undefined });
	rows.push({ scenario, metric: 'latency p95', unit: 'ms', ...pick((r) => r.latency.p95) });
	rows.push({ scenario, metric: 'latency p99', unit: 'ms', ...pick((r) => r.latency.p99), target: targets.p99 !== undefined ? { max: targets.p99 } : undefined });
	if (bare && ours) rows.push({ scenario, metric: 'latency p99, ours over bare', unit: 'ms', ...pick((r) => r.latency.p99), target: { max: 1.25, on: 'ratio' } });
	rows.push({ scenario, metric: 'latency max', unit: 'ms', ...pick((r) => r.latency.max) });
	rows.push({ scenario, metric: 'lost updates', unit: '', ...pick((r) => r.lost), target: { equals: 0 }, note: ours ? `of ${ours.expected} deliveries` : undefined });
	rows.push({ scenario, metric: 'server CPU (1 core = 100)', unit: '%', ...pick((r) => r.serverCpuPercent) });
	rows.push({ scenario, metric: 'server CPU per written update', unit: 'µs', ...pick((r) => r.serverCpuUsPerWrite) });
	rows.push({ scenario, metric: 'server CPU per delivered update', unit: 'µs', ...pick((r) => r.serverCpuUsPerDelivery) });
	rows.push({ scenario, metric: 'server RSS max', unit: 'MB', ...pick((r) => mb(r.rssMaxBytes)), target: targets.rss ? { max: targets.rss.maxMb, label: targets.rss.label } : undefined });
	rows.push({ scenario, metric: 'server event-loop delay p99', unit: 'ms', ...pick((r) => r.eventLoopDelayMs.p99) });
	rows.push({ scenario, metric: 'server event-loop delay max', unit: 'ms', ...pick((r) => r.eventLoopDelayMs.max) });
	rows.push({ scenario, metric: 'server event-loop stalls over 200 ms', unit: '', ...pick((r) => r.stalls.length) });
	rows.push({ scenario, metric: 'HTTP ping p99 (outside proxy)', unit: 'ms', ...pick((r) => r.pingMs.p99) });
	rows.push({ scenario, metric: 'client workers CPU (1 core = 100)', unit: '%', ...pick((r) => r.clientCpuPercent) });
	rows.push({ scenario, metric: 'socket closes during run', unit: '', ...pick((r) => r.disconnects) });
}
