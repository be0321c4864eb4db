// How far this browser's clock is from the server's. A sample is one round trip to /api/time;
// the server read its clock somewhere inside the trip, most likely near the middle, so the
// error of a sample is at most half its round trip. The quickest trip is the most trustworthy
// (Cristian's algorithm, as NTP clients use it).
export type ClockSample = { sentAt: number; receivedAt: number; serverNow: number };

/** Milliseconds to add to Date.now() to get the server's time; null without usable samples. */
export function clockOffset(samples: readonly ClockSample[]): number | null {
	let best: ClockSample | null = null;
	for (const sample of samples) {
		const rtt = sample.receivedAt - sample.sentAt;
		if (rtt < 0 || !Number.isFinite(rtt) || !Number.isFinite(sample.serverNow)) continue;
		if (!best || rtt < best.receivedAt - best.sentAt) best = sample;
	}
	if (!best) return null;
	const rtt = best.receivedAt - best.sentAt;
	return Math.round(best.serverNow + rtt / 2 - best.receivedAt);
}
