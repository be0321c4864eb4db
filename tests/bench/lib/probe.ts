// Outside views of a server process: an HTTP ping every few hundred milliseconds (its latency is
// a proxy for the server's event-loop delay that needs nothing from the server) and the kernel's
// account of its memory (/proc/<pid>/status) and CPU while a scenario runs.
import fs from 'node:fs';
import http from 'node:http';
import type { BenchServer } from './processes.ts';
import type { ServerStats } from './protocol.ts';
import { summarise, type Summary } from './stats.ts';

export type Pinger = { stop(): Summary & { failed: number } };

export function startPinger(url: string, everyMs = 250): Pinger {
	const samples: number[] = [];
	let failed = 0;
	let stopped = false;
	const once = () => {
		if (stopped) return;
		const startedAt = performance.now();
		const req = http.get(url, { timeout: 5_000, agent: false }, (res) => {
			res.resume();
			res.on('end', () => {
				samples.push(performance.now() - startedAt);
				if (!stopped) setTimeout(once, everyMs);
			});
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', () => {
			failed++;
			if (!stopped) setTimeout(once, everyMs);
		});
	};
	once();
	return {
		stop() {
			stopped = true;
			return { ...summarise(samples), failed };
		}
	};
}

/** VmHWM (peak RSS) of a process in bytes, or NaN when /proc is not there. */
export function peakRss(pid: number): number {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : Number.NaN;
	} catch {
		return Number.NaN;
	}
}

/** Samples the server's RSS every second, so a scenario can report the highest value seen. */
export function startRssSampler(server: BenchServer): { stop(): Promise<number> } {
	let max = 0;
	const timer = setInterval(() => {
		server.stats().then((s) => (max = Math.max(max, s.rss)), () => {});
	}, 1_000);
	return {
		async stop() {
			clearInterval(timer);
			const last = await server.stats();
			return Math.max(max, last.rss);
		}
	};
}

/** Server CPU between two stats, as a share of one core (100 = one core busy). */
export function cpuPercent(before: ServerStats, after: ServerStats, elapsedMs: number): number {
	const us = after.cpuUserUs + after.cpuSystemUs - (before.cpuUserUs + before.cpuSystemUs);
	return (us / 1000 / elapsedMs) * 100;
}

export function cpuMs(before: ServerStats, after: ServerStats): number {
	return (after.cpuUserUs + after.cpuSystemUs - (before.cpuUserUs + before.cpuSystemUs)) / 1000;
}
