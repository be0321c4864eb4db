// Pause: the server is frozen with SIGSTOP for 20 s (a VM stall, a laptop lid, a debugger) and
// resumed with SIGCONT. Clients use the app's timing (the server's heartbeat, the provider's
// messageReconnectTimeout = CLIENT_SILENCE_TIMEOUT_MS, the app's reconnect backoff): each must
// show offline during the pause (the provider's status, which ReviewSession shows as
// "offline"), keep editing locally, and converge after the resume with nothing lost.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_SILENCE_TIMEOUT_MS, RECONNECT_BACKOFF } from '../../src/lib/shared/collab-timing.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { spawnServer } from '../helpers/child-process.ts';
import { prepareReview } from '../helpers/fault-fixture.ts';
import { acknowledged, connectClient, eventually, type TestClient } from '../helpers/provider.ts';
import { removeDir } from '../helpers/server.ts';

const PAUSE_MS = Number(process.env.FAULT_PAUSE_MS ?? 20_000);
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('server paused with SIGSTOP', () => {
	it(`shows clients offline during a ${PAUSE_MS / 1000} s pause, keeps their edits and converges after SIGCONT`, async () => {
		const fixture = prepareReview(4);
		cleanups.push(() => removeDir(fixture.dataDir));
		const server = await spawnServer(fixture.dataDir);
		cleanups.push(async () => {
			server.child.kill('SIGCONT');
			server.child.kill('SIGKILL');
			await server.exited;
		});
		const name = workspaceDocumentName(fixture.reviewId);
		const offlineAt: Array<number | null> = fixture.tokens.map(() => null);
		const clients: TestClient[] = fixture.tokens.map((token, i) => {
			const client = connectClient({
				url: server.wsUrl,
				name,
				token,
				socket: { ...RECONNECT_BACKOFF, messageReconnectTimeout: CLIENT_SILENCE_TIMEOUT_MS }
			});
			client.socket.on('status', ({ status }: { status: string }) => {
				if (status === 'disconnected' && offlineAt[i] === null) offlineAt[i] = Date.now();
			});
			return client;
		});
		cleanups.push(() => clients.forEach((c) => c.destroy()));
		await Promise.all(clients.map((c) => acknowledged(c, 10_000)));
		clients.forEach((c, i) => c.doc.getArray<string>('edits').push([`before-${i}`]));
		await Promise.all(clients.map((c) => acknowledged(c)));

		const stoppedAt = Date.now();
		server.child.kill('SIGSTOP');
		let n = 0;
		const typing = setInterval(() => clients.forEach((c, i) => c.doc.getArray<string>('edits').push([`paused-${i}-${n++}`])), 250);
		// The fault itself lasts PAUSE_MS: this is its duration, not a wait for something to happen.
		await new Promise((r) => setTimeout(r, PAUSE_MS));
		clearInterval(typing);
		const offlineAfterMs = offlineAt.map((at) => (at === null ? null : at - stoppedAt));
		const resumedAt = Date.now();
		server.child.kill('SIGCONT');

		const written = clients.length + n;
		await eventually(
			() => clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges && c.doc.getArray('edits').length === written),
			`all clients converged on ${written} edits after SIGCONT`,
			15_000
		);
		const convergeMs = Date.now() - resumedAt;
		// A newcomer reads the same edits from the server: the paused-time edits were stored.
		const reader = connectClient({ url: server.wsUrl, name, token: fixture.tokens[0] });
		cleanups.push(() => reader.destroy());
		await eventually(() => reader.provider.isSynced && reader.doc.getArray('edits').length === written, 'newcomer sees every edit', 10_000);
		const health = await fetch(`${server.url}/healthz`);

		console.log(`faults/pause: stopped ${PAUSE_MS} ms; offline shown after [${offlineAfterMs.join(', ')}] ms; ${n} edits while paused; converged ${convergeMs} ms after SIGCONT`);
		expect(offlineAfterMs.every((ms) => ms !== null && ms < PAUSE_MS)).toBe(true);
		expect(convergeMs).toBeLessThan(10_000);
		expect(health.status).toBe(200);
	});
});
