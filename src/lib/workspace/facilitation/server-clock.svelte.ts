// The server's time as this browser best knows it, for the room timer: every client counts down
// to the same server instant, so a laptop whose clock is a minute off still shows the room's time.
import { clockOffset, type ClockSample } from './clock-offset.ts';

const SAMPLES = 5;

export class ServerClock {
	/** ms to add to Date.now(); 0 until measured (then the local clock is the best guess). */
	offset = $state(0);
	measured = $state(false);

	/** The server's current time in ms. */
	now(): number {
		return Date.now() + this.offset;
	}

	/** A few sequential round trips to /api/time; failures are skipped, the offset kept. */
	async measure(fetcher: typeof fetch = fetch): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < SAMPLES; i++) {
			try {
				const sentAt = Date.now();
				const response = await fetcher('/api/time', { cache: 'no-store' });
				const receivedAt = Date.now();
				if (!response.ok) continue;
				const body: unknown = await response.json();
				const serverNow = typeof body === 'object' && body !== null && 'now' in body ? Number(body.now) : NaN;
				samples.push({ sentAt, receivedAt, serverNow });
			} catch {
				// Offline: keep the last offset; the next reconnect measures again.
			}
		}
		const offset = clockOffset(samples);
		if (offset !== null) {
			this.offset = offset;
			this.measured = true;
		}
	}
}
