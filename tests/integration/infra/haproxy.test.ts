// The HAProxy helper in front of two real backend processes: what a client of the load balancer
// observes when requests are spread, a backend dies and comes back, and WebSockets pass through.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startLoadBalancer, type LoadBalancer } from '../../helpers/infra/haproxy.ts';
import { acceptsConnections, freeLoopbackPort } from '../../helpers/infra/ports.ts';
import { makeServiceDir, removeServiceDir, spawnService, waitForReady, type ServiceProcess } from '../../helpers/infra/processes.ts';

const BACKEND = path.join(import.meta.dirname, 'http-backend.ts');
let lb: LoadBalancer;
let logDir: string;
const backends: Array<{ name: string; port: number; proc?: ServiceProcess }> = [];
const timings: Record<string, number> = {};

async function startBackend(index: number): Promise<void> {
	const backend = backends[index];
	const proc = spawnService({
		name: backend.name,
		command: process.execPath,
		args: [BACKEND],
		env: { ...process.env, PORT: String(backend.port), NAME: backend.name },
		logFile: path.join(logDir, `${backend.name}.log`)
	});
	await waitForReady(proc, () => acceptsConnections(backend.port));
	backend.proc = proc;
}

async function whoAnswers(): Promise<string> {
	const response = await fetch(`${lb.url}/reviews`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { backend: string }).backend;
}

function openSocket(url: string): Promise<{ ws: WebSocket; backend: string }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url);
		ws.once('error', reject);
		ws.once('open', () => ws.send('hello'));
		ws.once('message', (data) => resolve({ ws, backend: (JSON.parse(data.toString()) as { backend: string; echo: string }).backend }));
	});
}

beforeAll(async () => {
	logDir = makeServiceDir('backends');
	for (const name of ['one', 'two']) backends.push({ name, port: await freeLoopbackPort() });
	await Promise.all(backends.map((_, i) => startBackend(i)));
	const startedAt = performance.now();
	lb = await startLoadBalancer({ backends: backends.map(({ port }) => ({ port })) });
	timings.start = Math.round(performance.now() - startedAt);
});

beforeEach(async () => {
	// Every test starts with both backends running and in rotation.
	for (const [i, backend] of backends.entries()) if (!backend.proc || backend.proc.exitStatus()) await startBackend(i);
	await lb.waitForServer('app1', 'UP');
	await lb.waitForServer('app2', 'UP');
});

afterAll(async () => {
	const startedAt = performance.now();
	await lb?.stop();
	timings.stop = Math.round(performance.now() - startedAt);
	await Promise.all(backends.map((b) => b.proc?.stop('SIGTERM')));
	removeServiceDir(logDir);
	console.log('infra/haproxy ms:', JSON.stringify(timings));
});

describe('a test load balancer (HAProxy)', () => {
	it('alternates requests between the backends (round-robin)', async () => {
		const answered: string[] = [];
		for (let i = 0; i < 6; i++) answered.push(await whoAnswers());
		expect(new Set(answered)).toEqual(new Set(['one', 'two']));
		for (let i = 1; i < answered.length; i++) expect(answered[i]).not.toBe(answered[i - 1]);
	});

	it('keeps answering through the other backend when one is killed, and takes it back when it returns', async () => {
		await backends[0].proc!.stop('SIGKILL');
		const killedAt = Date.now();
		// Before the health check notices, requests to the dead backend are redispatched.
		const answered: string[] = [];
		for (let i = 0; i < 20; i++) answered.push(await whoAnswers());
		expect(answered).toEqual(Array(20).fill('two'));
		await lb.waitForServer('app1', 'DOWN', 2_000);
		timings['killed backend out of rotation'] = Date.now() - killedAt;
		expect(timings['killed backend out of rotation']).toBeLessThan(1_500);
		expect((await lb.servers()).app1.check).toMatch(/^L4CON/);

		await startBackend(0);
		timings['restarted backend back in rotation'] = await lb.waitForServer('app1', 'UP', 2_000);
		const after = [await whoAnswers(), await whoAnswers()];
		expect(new Set(after)).toEqual(new Set(['one', 'two']));
	});

	it('passes WebSocket upgrades through to a backend, spreading sockets over both', async () => {
		const first = await openSocket(`${lb.wsUrl}/collab`);
		const second = await openSocket(`${lb.wsUrl}/collab`);
		expect(new Set([first.backend, second.backend])).toEqual(new Set(['one', 'two']));
		const echoed = new Promise<string>((resolve) => first.ws.once('message', (data) => resolve(data.toString())));
		first.ws.send('edit 1');
		expect(JSON.parse(await echoed)).toEqual({ backend: first.backend, echo: 'edit 1' });
		first.ws.close();
		second.ws.close();
	});

	it('closes a WebSocket whose backend dies, and a reconnect lands on the surviving backend', async () => {
		const { ws, backend } = await openSocket(`${lb.wsUrl}/collab`);
		const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
		await backends.find((b) => b.name === backend)!.proc!.stop('SIGKILL');
		expect(await closed).toBe(1006);
		const again = await openSocket(`${lb.wsUrl}/collab`);
		expect(again.backend).not.toBe(backend);
		again.ws.close();
	});
});
