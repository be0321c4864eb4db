// The PostgreSQL helper against the real server: what a client connecting with `pg` observes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDatabase, dropDatabase, startPostgres, type PostgresServer } from '../../helpers/infra/postgres.ts';
import { acceptsConnections } from '../../helpers/infra/ports.ts';

let server: PostgresServer;
const timings: Record<string, number> = {};

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
	const startedAt = performance.now();
	try {
		return await run();
	} finally {
		timings[label] = Math.round(performance.now() - startedAt);
	}
}

async function query<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query<R>(text, values)).rows;
	} finally {
		await client.end();
	}
}

beforeAll(async () => {
	server = await timed('start (initdb + postgres)', () => startPostgres());
});

afterAll(async () => {
	await server?.destroy();
	console.log('infra/postgres ms:', JSON.stringify(timings));
});

describe('a test PostgreSQL server', () => {
	it('serves PostgreSQL 15 on 127.0.0.1 with durable commits', async () => {
		expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
		const [row] = await query<{ version: string; fsync: string; synchronous_commit: string; listen: string }>(
			server.url,
			`SELECT version(), current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit,
			        current_setting('listen_addresses') AS listen`
		);
		expect(row.version).toMatch(/^PostgreSQL 15\./);
		expect(row).toMatchObject({ fsync: 'on', synchronous_commit: 'on', listen: '127.0.0.1' });
	});

	it('creates a separate empty database per caller, each reachable by its URL', async () => {
		const first = await timed('create database', () => server.createDatabase());
		const second = await createDatabase(server.url, { name: 'infra_second' });
		expect(second).toBe(server.urlFor('infra_second'));
		await query(first, 'CREATE TABLE notes (id int PRIMARY KEY, body text)');
		await query(first, `INSERT INTO notes VALUES (1, 'only in the first')`);
		expect(await query(first, 'SELECT body FROM notes')).toEqual([{ body: 'only in the first' }]);
		await expect(query(second, 'SELECT body FROM notes')).rejects.toThrow(/relation "notes" does not exist/);
		await dropDatabase(second);
		await expect(query(second, 'SELECT 1')).rejects.toThrow(/database "infra_second" does not exist/);
	});

	it('clones a prepared template database', async () => {
		const template = await server.createDatabase({ name: 'infra_template' });
		await query(template, 'CREATE TABLE migrated (version int)');
		await query(template, 'INSERT INTO migrated VALUES (7)');
		const clone = await timed('create database from a template', () => server.createDatabase({ template: 'infra_template' }));
		expect(await query(clone, 'SELECT version FROM migrated')).toEqual([{ version: 7 }]);
	});

	it('keeps committed rows across a fast stop and a start on the same data dir and port', async () => {
		const url = await server.createDatabase();
		await query(url, 'CREATE TABLE edits (n int)');
		await query(url, 'INSERT INTO edits SELECT generate_series(1, 100)');
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		// pg emits 'error' for the server's termination notice and again for the closed socket.
		const lost = new Promise<Error>((resolve) => client.on('error', resolve));

		await timed('stop (fast)', () => server.stop());
		expect(server.isRunning()).toBe(false);
		expect(await acceptsConnections(server.port)).toBe(false);
		// A connected client sees the server go away (the situation fault tests create).
		expect((await lost).message).toMatch(/terminat|shut|Connection/i);
		await client.end().catch(() => {});
		await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

		await timed('start again', () => server.start());
		expect(await query(url, 'SELECT count(*)::int AS n FROM edits')).toEqual([{ n: 100 }]);
	});

	it('recovers every committed row after an immediate (crash-like) stop', async () => {
		const url = await server.createDatabase();
		await query(url, 'CREATE TABLE edits (n int)');
		await query(url, 'INSERT INTO edits SELECT generate_series(1, 1000)');
		await timed('stop (immediate)', () => server.stop({ mode: 'immediate' }));
		await timed('start after crash (recovery)', () => server.start());
		expect(await query(url, 'SELECT count(*)::int AS n FROM edits')).toEqual([{ n: 1000 }]);
		expect(server.logTail(200)).toMatch(/database system was interrupted|automatic recovery|redo/);
	});
});
