// Scenario 2: many reviews at once (500 x 4 clients = 2,000 sockets; 100 reviews in quick mode)
// at 350 updates/s in total, spread over every writer: p99 latency, RSS and CPU. With scenario 6,
// the same load against bare Hocuspocus for the ratio (the baseline has this row too).
import { prepareDatabase, removeDir } from '../lib/fixtures.ts';
import { deal, runLoad, type LoadResult } from '../lib/load.ts';
import { startServer, stopProcesses, type BenchServer } from '../lib/processes.ts';
import type { ClientSpec } from '../lib/protocol.ts';
import type { ScenarioContext } from './context.ts';
import { addRows } from './propagation.ts';

export async function capacity(ctx: ScenarioContext): Promise<void> {
	const { reviews, clientsPerReview, updatesPerSecond, durationMs } = ctx.config.capacity;
	const prepared = prepareDatabase(
		'capacity',
		Array.from({ length: reviews }, () => ({
			participants: Array.from({ length: clientsPerReview }, (_, i) => ({ role: i === 0 ? ('facilitator' as const) : ('department_head' as const) }))
		}))
	);
	const specs = (withTokens: boolean): ClientSpec[] =>
		prepared.reviews.flatMap((review, r) => review.tokens.map((token, i) => ({ key: `r${r}c${i}`, doc: review.workspace, token: withTokens ? token : null, writer: true })));
	const workers = ctx.config.workers;
	const plan = { mode: 'rate', durationMs, perSecond: updatesPerSecond / workers } as const;
	const results: Partial<Record<'ours' | 'bare', LoadResult>> = {};
	let server: BenchServer | null = null;
	try {
		server = await startServer('ours', { DATA_DIR: prepared.dataDir });
		ctx.log(`scenario 2: our server (pid ${server.pid}), ${reviews} reviews x ${clientsPerReview} clients, ${updatesPerSecond} updates/s, ${durationMs / 1000} s`);
		results.ours = await runLoad(server, deal(specs(true), workers), plan, { concurrency: 50, pingPath: '/healthz', log: ctx.log });
		await stopProcesses(server);
		server = null;
		// Not asked for by the issue, but the baseline has this row: with scenario 6, bare too.
		if (ctx.withBare) {
			server = await startServer('bare', {});
			ctx.log(`scenario 2: bare Hocuspocus (pid ${server.pid})`);
			results.bare = await runLoad(server, deal(specs(false), workers), plan, { concurrency: 50, pingPath: '/', log: ctx.log });
		}
	} finally {
		await stopProcesses(server);
		removeDir(prepared.dataDir);
	}
	ctx.details.capacity = { reviews, clientsPerReview, updatesPerSecond, durationMs, ...results };
	addRows(ctx, '2 capacity', results.ours, results.bare, { p99: 100, rss: { maxMb: 2 * 1.073741824 * 1000, label: '≤ 2 GiB' } });
	ctx.rows.push({ scenario: '2 capacity', metric: 'time to connect and sync all clients', unit: 'ms', ours: results.ours?.connectMs ?? null, bare: results.bare?.connectMs ?? null });
}
