// Measurement added to a server under test from the outside, identically for ours and the bare
// one: event-loop delay (perf_hooks), document load time (a timing wrapper around Hocuspocus's
// createDocument, which runs every onLoadDocument/afterLoadDocument hook), CPU and memory. Nothing
// here changes what the server does; it only answers the runner's 'stats' requests.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Hocuspocus } from '@hocuspocus/server';
import type { EventLoopDelay, ServerRequest, ServerStats } from '../lib/protocol.ts';
import { serveRpc } from '../lib/rpc.ts';
import { monotonicMs } from '../lib/stats.ts';

function delayOf(h: ReturnType<typeof monitorEventLoopDelay>): EventLoopDelay {
	const ms = (ns: number) => ns / 1e6;
	return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) };
}

export function instrument(hocuspocus: Hocuspocus): void {
	const loop = monitorEventLoopDelay({ resolution: 10 });
	loop.enable();
	let loads: Array<{ name: string; ms: number }> = [];
	// Stalls: moments the event loop was blocked for more than STALL_MS, with when they began on
	// the machine-wide monotonic clock, so a tail in latency can be matched to its moment.
	const STALL_MS = 200;
	const stalls: Array<{ atMs: number; ms: number }> = [];
	let tick = monotonicMs();
	setInterval(() => {
		const now = monotonicMs();
		if (now - tick - 50 > STALL_MS && stalls.length < 200) stalls.push({ atMs: Math.round(tick), ms: Math.round(now - tick - 50) });
		tick = now;
	}, 50).unref();

	const original = hocuspocus.createDocument.bind(hocuspocus);
	hocuspocus.createDocument = async (name, request, socketId, connection, context) => {
		// Only a real load is timed: a document already open or loading is returned at once.
		const cold = !hocuspocus.documents.has(name) && !hocuspocus.loadingDocuments.has(name);
		const startedAt = performance.now();
		const document = await original(name, request, socketId, connection, context);
		if (cold) loads.push({ name, ms: performance.now() - startedAt });
		return document;
	};

	const gc = (globalThis as { gc?: () => void }).gc;
	serveRpc<ServerRequest>((request) => {
		if (request.type !== 'stats') throw new Error(`unknown request ${String(request.type)}`);
		if (request.gc && gc) {
			// Twice: the first pass can leave objects that only become garbage after finalisers run.
			gc();
			gc();
		}
		const cpu = process.cpuUsage();
		const memory = process.memoryUsage();
		const stats: ServerStats = {
			pid: process.pid,
			cpuUserUs: cpu.user,
			cpuSystemUs: cpu.system,
			rss: memory.rss,
			heapUsed: memory.heapUsed,
			heapTotal: memory.heapTotal,
			external: memory.external,
			arrayBuffers: memory.arrayBuffers,
			documents: hocuspocus.getDocumentsCount(),
			connections: hocuspocus.getConnectionsCount(),
			eventLoopDelay: delayOf(loop),
			stalls: [...stalls],
			loads
		};
		if (request.resetEventLoopDelay) {
			loop.reset();
			stalls.length = 0;
		}
		if (request.drainLoads) loads = [];
		return stats;
	});
}
