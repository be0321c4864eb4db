// The knobs of one benchmark run, read once from the environment. BENCH_QUICK=1 shortens every
// scenario (for checking the harness on a busy machine); BENCH_ONLY=1,3 runs a subset.
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BENCH_DIR = path.join(ROOT, 'tests/bench');
export const TMP_DIR = path.join(BENCH_DIR, 'tmp');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export const SCENARIOS = ['1', '2', '3', '4', '5', '6'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export type BenchConfig = {
	quick: boolean;
	only: ReadonlySet<ScenarioId>;
	/** Client worker processes sharing the sockets of a scenario. */
	workers: number;
	propagation: { editors: number; viewers: number; durationMs: number; burstSize: number; burstGapMs: number; burstEveryMs: number };
	capacity: { reviews: number; clientsPerReview: number; updatesPerSecond: number; durationMs: number };
	coldJoin: { trials: number; largeBytes: number; normalBytes: number };
	freeze: { runs: number };
	memory: { normalBytes: number; normalDocs: number; largeDocs: number; cycles: number; cycleConcurrency: number };
};

function parseOnly(value: string | undefined): Set<ScenarioId> {
	if (!value || value.trim() === '') return new Set(SCENARIOS);
	const picked = value.split(/[\s,]+/).filter(Boolean);
	const unknown = picked.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
	if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown scenario ${unknown.join(', ')} (use ${SCENARIOS.join(',')})`);
	return new Set(picked as ScenarioId[]);
}

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
	const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
	return {
		quick,
		only: parseOnly(env.BENCH_ONLY),
		workers: 4,
		// Editors type in bursts: 4 keystroke-sized updates 40 ms apart every 2 s = 2 updates/s each.
		propagation: { editors: 50, viewers: 150, durationMs: quick ? 10_000 : 60_000, burstSize: 4, burstGapMs: 40, burstEveryMs: 2_000 },
		capacity: { reviews: quick ? 100 : 500, clientsPerReview: 4, updatesPerSecond: 350, durationMs: quick ? 10_000 : 60_000 },
		coldJoin: { trials: quick ? 3 : 7, largeBytes: 5_000_000, normalBytes: 300_000 },
		freeze: { runs: quick ? 3 : 7 },
		memory: { normalBytes: 100_000, normalDocs: quick ? 10 : 40, largeDocs: quick ? 2 : 4, cycles: quick ? 300 : 1_000, cycleConcurrency: 10 }
	};
}

export function machine() {
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model ?? 'unknown',
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100)
	};
}
