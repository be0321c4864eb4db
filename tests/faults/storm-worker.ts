// One process of the reconnection storm: up to ~100 real HocuspocusProviders (one socket
// each, the app's reconnect backoff and silence timeout), driven by the storm test over IPC.
// It records when each client tried to connect, so the test can see the backoff's jitter.
// Every wait is on the providers' own events (status, synced), re-checked as each one arrives.
import { CLIENT_SILENCE_TIMEOUT_MS, RECONNECT_BACKOFF } from '../../src/lib/shared/collab-timing.ts';
import { connectClient, type TestClient } from '../helpers/provider.ts';

export type StormRequest =
	| { type: 'connect'; url: string; name: string; tokens: string[]; timeoutMs: number }
	| { type: 'outage'; timeoutMs: number }
	| { type: 'resync'; timeoutMs: number }
	| { type: 'close' };

export type StormReply =
	| { type: 'ready' }
	| { type: 'connected'; synced: number; ms: number }
	| { type: 'outage'; retried: number }
	| { type: 'resynced'; synced: number; resyncedAt: number[]; firstRetryGapsMs: number[] }
	| { type: 'error'; message: string };

type Tracked = { client: TestClient; attempts: number[]; disconnectedAt: number | null; resyncedAt: number | null };

const tracked: Tracked[] = [];
/** Set once every client synced the first time: disconnects before that are not the storm. */
let armed = false;

function reply(message: StormReply) {
	process.send?.(message);
}

/** Conditions waiting for the clients' events; each is re-checked whenever one arrives. */
const waiting = new Set<() => void>();
const changed = () => {
	for (const check of [...waiting]) check();
};

/** Resolves true once `predicate` holds, false if it still does not after `timeoutMs`. */
function until(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
	return new Promise((resolve) => {
		const check = () => {
			if (!predicate()) return;
			waiting.delete(check);
			clearTimeout(timer);
			resolve(true);
		};
		const timer = setTimeout(() => {
			waiting.delete(check);
			resolve(false);
		}, timeoutMs);
		waiting.add(check);
		check();
	});
}

function open(url: string, name: string, token: string, label: string): Tracked {
	const client = connectClient({ url, name, token, socket: { ...RECONNECT_BACKOFF, messageReconnectTimeout: CLIENT_SILENCE_TIMEOUT_MS } });
	client.provider.setAwarenessField('user', { name: label });
	const entry: Tracked = { client, attempts: [], disconnectedAt: null, resyncedAt: null };
	client.socket.on('status', ({ status }: { status: string }) => {
		if (status === 'connecting' && entry.disconnectedAt !== null) entry.attempts.push(Date.now());
		if (status === 'disconnected' && armed && entry.disconnectedAt === null) {
			entry.disconnectedAt = Date.now();
		}
		changed();
	});
	client.provider.on('synced', () => {
		if (entry.disconnectedAt !== null && entry.resyncedAt === null) entry.resyncedAt = Date.now();
		changed();
	});
	return entry;
}

/** A client has retried once the server was gone: its first attempt failed and a second began. */
const retried = (t: Tracked) => t.attempts.length >= 2;

async function handle(request: StormRequest) {
	if (request.type === 'connect') {
		const startedAt = Date.now();
		for (const [i, token] of request.tokens.entries()) tracked.push(open(request.url, request.name, token, `Storm ${i}`));
		await until(() => tracked.every((t) => t.client.provider.isSynced), request.timeoutMs);
		armed = true;
		reply({ type: 'connected', synced: tracked.filter((t) => t.client.provider.isSynced).length, ms: Date.now() - startedAt });
	} else if (request.type === 'outage') {
		await until(() => tracked.every(retried), request.timeoutMs);
		reply({ type: 'outage', retried: tracked.filter(retried).length });
	} else if (request.type === 'resync') {
		await until(() => tracked.every((t) => t.resyncedAt !== null), request.timeoutMs);
		const done = tracked.filter((t) => t.resyncedAt !== null);
		reply({
			type: 'resynced',
			synced: done.length,
			resyncedAt: done.map((t) => t.resyncedAt!),
			// The wait between the first failed attempt (server still down) and the next one.
			firstRetryGapsMs: tracked.filter(retried).map((t) => t.attempts[1] - t.attempts[0])
		});
	} else {
		for (const t of tracked) t.client.destroy();
		process.exit(0);
	}
}

process.on('message', (request: StormRequest) => {
	handle(request).catch((error: unknown) => reply({ type: 'error', message: String(error) }));
});
// Only now can a request be received: the test waits for this before it sends any.
reply({ type: 'ready' });
