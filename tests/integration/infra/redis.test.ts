// The Redis helper against the real redis-server, through ioredis 5.6 (the client that
// @hocuspocus/extension-redis 4.7 uses): what a client observes across stops and restarts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedis, type RedisServer } from '../../helpers/infra/redis.ts';
import { acceptsConnections } from '../../helpers/infra/ports.ts';

let server: RedisServer;
const clients: Redis[] = [];
const timings: Record<string, number> = {};

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
	const startedAt = performance.now();
	try {
		return await run();
	} finally {
		timings[label] = Math.round(performance.now() - startedAt);
	}
}

function connect(): Redis {
	// Fast, bounded reconnects so a restart is noticed within a test's time.
	const client = new Redis(server.url, { retryStrategy: (times) => Math.min(times * 50, 200), maxRetriesPerRequest: 2 });
	client.on('error', () => {}); // connection errors while the server is stopped are expected
	clients.push(client);
	return client;
}

function nextEvent(client: Redis, event: 'ready' | 'close'): Promise<void> {
	return new Promise((resolve) => client.once(event, () => resolve()));
}

beforeAll(async () => {
	server = await timed('start', () => startRedis());
});

afterEach(() => {
	for (const client of clients.splice(0)) client.disconnect();
});

afterAll(async () => {
	await server?.destroy();
	console.log('infra/redis ms:', JSON.stringify(timings));
});

describe('a test Redis server', () => {
	it('answers on 127.0.0.1 with persistence off', async () => {
		expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
		const client = connect();
		expect(await client.set('greeting', 'hello')).toBe('OK');
		expect(await client.get('greeting')).toBe('hello');
		expect(await client.config('GET', 'save')).toEqual(['save', '']);
		expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
		expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
		expect((await client.info('server')).match(/redis_version:(\d+)/)?.[1]).toBe('7');
	});

	it('delivers pub/sub messages between connections', async () => {
		const subscriber = connect();
		const publisher = connect();
		const received = new Promise<[string, string]>((resolve) => subscriber.on('message', (channel, message) => resolve([channel, message])));
		await subscriber.subscribe('review:1');
		expect(await publisher.publish('review:1', 'update')).toBe(1);
		expect(await received).toEqual(['review:1', 'update']);
	});

	it('comes back empty on the same port after a graceful stop, and clients reconnect by themselves', async () => {
		const client = connect();
		await client.set('survives', 'no');
		const closed = nextEvent(client, 'close');
		await timed('stop (graceful)', () => server.stop());
		await closed;
		expect(server.isRunning()).toBe(false);
		expect(await acceptsConnections(server.port)).toBe(false);

		const ready = nextEvent(client, 'ready');
		await timed('start again', () => server.start());
		await ready;
		expect(await client.get('survives')).toBeNull();
		expect(await client.set('after', 'restart')).toBe('OK');
	});

	it('comes back after a kill, and subscribers are subscribed again by ioredis', async () => {
		const subscriber = connect();
		const publisher = connect();
		await subscriber.subscribe('events');
		await timed('stop (kill)', () => server.stop({ mode: 'kill' }));
		await expect(publisher.publish('events', 'while down')).rejects.toThrow();

		const resubscribed = nextEvent(subscriber, 'ready');
		await server.start();
		await resubscribed;
		const received = new Promise<string>((resolve) => subscriber.on('message', (_channel, message) => resolve(message)));
		// ioredis resubscribes on 'ready'; publish until the subscription is back in place.
		let delivered = 0;
		for (let i = 0; i < 50 && delivered === 0; i++) {
			delivered = await publisher.publish('events', 'after restart');
			if (delivered === 0) await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(delivered).toBe(1);
		expect(await received).toBe('after restart');
	});
});
