// ORIGIN names the public address (behind a TLS proxy or a load balancer). Form posts from that
// origin pass SvelteKit's cross-site check and posts from anywhere else do not, whatever scheme
// and host the request itself arrived with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { freePort } from '../helpers/fault-fixture.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';

const dataDirs: string[] = [];
const servers: BuiltServer[] = [];

async function serve(origin: (port: number) => string): Promise<BuiltServer> {
	const dir = tempDataDir();
	dataDirs.push(dir);
	const port = await freePort();
	const server = await startBuiltServer({ DATA_DIR: dir, ORIGIN: origin(port) }, port);
	servers.push(server);
	return server;
}

/** A sign-in attempt with a wrong password, as the browser's enhanced form posts it. */
function signIn(server: BuiltServer, origin: string, host?: string) {
	return fetch(`${server.base}/login`, {
		method: 'POST',
		headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true', ...(host ? { host } : {}) },
		body: new URLSearchParams({ email: 'nobody@example.org', password: 'not the password' })
	});
}

let plain: BuiltServer;
let proxied: BuiltServer;

beforeAll(async () => {
	plain = await serve((port) => `http://127.0.0.1:${port}`);
	proxied = await serve(() => 'https://review.example.org');
});

afterAll(async () => {
	for (const server of servers) await server.stop();
	for (const dir of dataDirs) removeDir(dir);
});

describe('the public origin (ORIGIN)', () => {
	it('accepts a form post from that origin over plain http, and refuses another origin', async () => {
		expect((await signIn(plain, plain.base)).status).not.toBe(403);
		expect((await signIn(plain, 'http://evil.example')).status).toBe(403);
	});

	it('behind a TLS proxy, accepts the public https origin whatever Host the proxy sends', async () => {
		expect((await signIn(proxied, 'https://review.example.org', `127.0.0.1:${proxied.port}`)).status).not.toBe(403);
		expect((await signIn(proxied, proxied.base)).status).toBe(403);
	});

	it('marks the session cookie Secure under https', async () => {
		const response = await fetch(`${proxied.base}/setup`, {
			method: 'POST',
			headers: { origin: 'https://review.example.org', accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: new URLSearchParams({ name: 'Fran Facilitator', email: 'fran@example.org', password: 'correct horse battery' })
		});
		expect(response.status).toBe(200);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('psems_session='));
		expect(cookie).toMatch(/;\s*Secure/i);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
	});
});
