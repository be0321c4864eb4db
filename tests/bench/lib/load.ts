// One measured load run: connect every client (spread over the worker processes), let the
// connect-time presence traffic settle, write for the planned time, wait for every delivery,
// and collect latency, loss, server CPU/RSS/event-loop delay, ping latency and client CPU.
import type { BenchServer } from './processes.ts';
import { startWorkers, stopProcesses, type Worker } from './processes.ts';
import type { ClientSpec, Collected, ConnectResult, Cpu, Progress, RunResult, WritePlan } from './protocol.ts';
import { cpuMs, cpuPercent, peakRss, startPinger, startRssSampler } from './probe.ts';
import { concat, monotonicMs, round, sleep, summarise, timeline, type Summary, type TimelinePoint } from './stats.ts';

export type LoadResult = {
	server: 'ours' | 'bare';
	clients: number;
	connectMs: number;
	written: number;
	expected: number;
	received: number;
	lost: number;
	disconnects: number;
	latency: Summary;
	serverCpuPercent: number;
	serverCpuUsPerDelivery: number;
	serverCpuUsPerWrite: number;
	clientCpuPercent: number;
	rssMaxBytes: number;
	rssEndBytes: number;
	/** VmHWM: the highest RSS since the server started, connecting included. */
	rssPeakBytes: number;
	eventLoopDelayMs: { p50: number; p99: number; max: number };
	/** Server event-loop blocks over 200 ms: seconds into the run, and length in ms. */
	stalls: Array<{ atS: number; ms: number }>;
	timeline: TimelinePoint[];
	pingMs: Summary & { failed: number };
};

const total = (cpus: Cpu[]) => cpus.reduce((n, c) => n + c.userUs + c.systemUs, 0);

export async function runLoad(
	server: BenchServer,
	perWorker: ClientSpec[][],
	plan: WritePlan,
	opts: { concurrency: number; pingPath: string; drainMs?: number; log?: (line: string) => void }
): Promise<LoadResult> {
	const log = opts.log ?? (() => {});
	const workers: Worker[] = startWorkers(perWorker.length);
	try {
		const origin = server.url;
		const connects = await Promise.all(
			workers.map((w, i) =>
				w.request<ConnectResult>({ type: 'connect', url: server.wsUrl, origin, clients: perWorker[i], concurrency: opts.concurrency, timeoutMs: 30_000 }, 300_000)
			)
		);
		const failed = connects.reduce((n, c) => n + c.failed, 0);
		const clients = perWorker.reduce((n, specs) => n + specs.length, 0);
		if (failed > 0) throw new Error(`${failed} of ${clients} clients did not sync: ${connects.flatMap((c) => c.errors).slice(0, 3).join('; ')}`);
		const connectMs = Math.max(...connects.map((c) => c.ms));
		log(`${clients} clients synced in ${connectMs} ms`);
		await sleep(2_000);

		const clientsOnDoc = new Map<string, number>();
		for (const spec of perWorker.flat()) clientsOnDoc.set(spec.doc, (clientsOnDoc.get(spec.doc) ?? 0) + 1);

		const before = await server.stats({ resetEventLoopDelay: true });
		const cpuBefore = await Promise.all(workers.map((w) => w.request<Cpu>({ type: 'cpu' }, 10_000)));
		const pinger = startPinger(`${server.url}${opts.pingPath}`);
		const rss = startRssSampler(server);
		const startedAt = Date.now();
		const startedAtMono = monotonicMs();
		const runs = await Promise.all(workers.map((w) => w.request<RunResult>({ type: 'run', plan }, plan.durationMs + 60_000)));
		const elapsedMs = Date.now() - startedAt;
		const after = await server.stats();
		const cpuAfter = await Promise.all(workers.map((w) => w.request<Cpu>({ type: 'cpu' }, 10_000)));
		const ping = pinger.stop();

		let written = 0;
		let expected = 0;
		for (const run of runs) {
			written += run.written;
			for (const [doc, n] of Object.entries(run.writtenByDoc)) expected += n * ((clientsOnDoc.get(doc) ?? 1) - 1);
		}
		// Wait for the tail of deliveries: until all arrived, or nothing new for 3 s (bounded).
		let received = 0;
		let lastChange = Date.now();
		const drainUntil = Date.now() + (opts.drainMs ?? 20_000);
		while (received < expected && Date.now() < drainUntil && Date.now() - lastChange < 3_000) {
			await sleep(250);
			const progress = await Promise.all(workers.map((w) => w.request<Progress>({ type: 'progress' }, 10_000)));
			const now = progress.reduce((n, p) => n + p.received, 0);
			if (now !== received) lastChange = Date.now();
			received = now;
		}
		const collected = await Promise.all(workers.map((w) => w.request<Collected>({ type: 'collect' }, 60_000)));
		received = collected.reduce((n, c) => n + c.received, 0);
		const latencies = concat(collected.map((c) => c.latencies));
		const rssMaxBytes = await rss.stop();
		const end = await server.stats();
		await Promise.all(workers.map((w) => w.request({ type: 'closeAll' }, 30_000)));
		log(`wrote ${written} updates, ${received}/${expected} deliveries`);

		return {
			server: server.kind,
			clients,
			connectMs,
			written,
			expected,
			received,
			lost: Math.max(0, expected - received),
			disconnects: collected.reduce((n, c) => n + c.disconnects, 0),
			latency: summarise(latencies),
			serverCpuPercent: cpuPercent(before, after, elapsedMs),
			serverCpuUsPerDelivery: (cpuMs(before, after) * 1000) / Math.max(1, received),
			serverCpuUsPerWrite: (cpuMs(before, after) * 1000) / Math.max(1, written),
			clientCpuPercent: ((total(cpuAfter) - total(cpuBefore)) / 1000 / elapsedMs) * 100,
			rssMaxBytes,
			rssEndBytes: end.rss,
			rssPeakBytes: peakRss(server.pid),
			eventLoopDelayMs: { p50: after.eventLoopDelay.p50, p99: after.eventLoopDelay.p99, max: after.eventLoopDelay.max },
			stalls: after.stalls.map((st) => ({ atS: round((st.atMs - startedAtMono) / 1000, 1), ms: st.ms })),
			timeline: timeline(latencies, concat(collected.map((c) => c.sentAt)), startedAtMono),
			pingMs: ping
		};
	} finally {
		await stopProcesses(...workers);
	}
}

/** Deals clients out to workers round-robin, so the clients of one document span processes. */
export function deal(specs: ClientSpec[], workers: number): ClientSpec[][] {
	const out: ClientSpec[][] = Array.from({ length: workers }, () => []);
	specs.forEach((spec, i) => out[i % workers].push(spec));
	return out;
}
