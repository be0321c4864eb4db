// Timing shared by the collaboration server and every client (browser and tests), so a silent
// server is noticed and a restarted one is not hit by every browser at the same instant.

/** The server sends a one-byte Ping this often to every socket; the provider answers Pong. */
export const HEARTBEAT_MS = 5_000;

/**
 * A client that hears nothing (no ping, no update, no awareness) for this long treats the
 * server as gone: it closes the socket, shows offline and keeps edits locally until it is back.
 * Two missed heartbeats, so a busy server is not taken for a dead one.
 */
export const CLIENT_SILENCE_TIMEOUT_MS = 10_000;

/**
 * Reconnect backoff of HocuspocusProviderWebsocket: exponential from `delay`, capped at
 * `maxDelay`, and with `jitter` each wait is a random value between `minDelay` and the
 * computed delay, which spreads a room's reconnects after a restart.
 */
export const RECONNECT_BACKOFF = {
	delay: 500,
	factor: 1.6,
	minDelay: 250,
	maxDelay: 2_500,
	jitter: true,
	maxAttempts: 0
} as const;
