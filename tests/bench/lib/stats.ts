// Percentiles and small helpers shared by the scenarios. Latencies are milliseconds.

export type Summary = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

export function summarise(values: ArrayLike<number>): Summary {
	const sorted = Float64Array.from(values).sort();
	let sum = 0;
	for (const v of sorted) sum += v;
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
		mean: sorted.length > 0 ? sum / sorted.length : Number.NaN
	};
}

export function median(values: number[]): number {
	return percentile([...values].sort((a, b) => a - b), 50);
}

/** Joins the latency arrays of several workers without copying them one number at a time. */
export function concat(parts: Float64Array[]): Float64Array {
	const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

export const round = (n: number, digits = 2): number => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);
export const mb = (bytes: number): number => round(bytes / 1_000_000, 1);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A monotonic clock shared by every process on this machine (CLOCK_MONOTONIC on Linux), in ms. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Polls until `predicate` holds or `timeoutMs` passes; returns whether it held. Bounded by time. */
export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		if (await predicate()) return true;
		if (Date.now() > until) return false;
		await sleep(everyMs);
	}
}

export type TimelinePoint = { second: number; count: number; p50: number; p99: number; max: number };

/** Latency per second of the run (by when the update was written), to tell a stall from a spread. */
export function timeline(latencies: Float64Array, sentAt: Float64Array, startMs: number): TimelinePoint[] {
	const buckets = new Map<number, number[]>();
	for (let i = 0; i < latencies.length; i++) {
		const second = Math.floor((sentAt[i] - startMs) / 1000);
		let bucket = buckets.get(second);
		if (!bucket) buckets.set(second, (bucket = []));
		bucket.push(latencies[i]);
	}
	return [...buckets.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([second, values]) => {
			const s = summarise(values);
			return { second, count: s.count, p50: round(s.p50), p99: round(s.p99), max: round(s.max) };
		});
}
