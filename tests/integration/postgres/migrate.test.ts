// migratePostgres against a real PostgreSQL 15: once per step, nothing on a second run, each step
// whole or not at all, and several instances starting at once apply each step exactly once.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { LATEST_POSTGRES_MIGRATION, MIGRATION_LOCK, migratePostgres } from '../../../server/persistence/postgres/migrate.ts';
import { POSTGRES_MIGRATIONS } from '../../../server/persistence/postgres/migrations.ts';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from '../../helpers/infra/postgres.ts';

const ALL_IDS = POSTGRES_MIGRATIONS.map((m) => m.id);
let server: PostgresServer;

beforeAll(async () => {
	server = await startPostgres();
});

afterAll(async () => {
	await server?.destroy();
});

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await use(client);
	} finally {
		await client.end();
	}
}

const recorded = (url: string) =>
	withClient(url, async (c) => (await c.query<{ id: number; name: string; applied_at: string }>('SELECT id, name, applied_at FROM schema_migrations ORDER BY id')).rows);

/** The whole schema as pg_dump prints it: any change a second run made would show here. */
function schemaDump(url: string): string {
	const dump = execFileSync(path.join(POSTGRES_BIN, 'pg_dump'), ['--schema-only', '--no-owner', '--dbname', url], { encoding: 'utf8' });
	// pg_dump 15.14+ wraps the dump in \restrict KEY ... \unrestrict KEY with a random key per run.
	return dump.replace(/^\\(un)?restrict .*$/gm, '');
}

describe('migratePostgres', () => {
	it('applies every step once on an empty database, through a pool, and records each like SQLite does', async () => {
		const url = await server.createDatabase();
		const pool = new pg.Pool({ connectionString: url, max: 2 });
		try {
			expect(await migratePostgres(pool)).toEqual({ applied: ALL_IDS });
		} finally {
			await pool.end();
		}
		const rows = await recorded(url);
		expect(rows.map(({ id, name }) => ({ id, name }))).toEqual(POSTGRES_MIGRATIONS.map(({ id, name }) => ({ id, name })));
		expect(rows.at(-1)?.id).toBe(LATEST_POSTGRES_MIGRATION);
	});

	it('changes nothing when run again (same schema, same bookkeeping rows)', async () => {
		const url = await server.createDatabase();
		await withClient(url, (c) => migratePostgres(c));
		const before = { schema: schemaDump(url), rows: await recorded(url) };
		expect(await withClient(url, (c) => migratePostgres(c))).toEqual({ applied: [] });
		expect({ schema: schemaDump(url), rows: await recorded(url) }).toEqual(before);
	});

	it('applies each step exactly once when several instances start together', async () => {
		const url = await server.createDatabase();
		// Hold the lock so all three are certainly waiting on it before any of them may start.
		await withClient(url, async (holder) => {
			await holder.query('BEGIN');
			await holder.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
			const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: url, max: 1 }));
			const runs = pools.map((pool) => migratePostgres(pool).finally(() => pool.end()));
			await expect.poll(() => waitingForTheLock(holder), { timeout: 10_000 }).toBe(3);
			await holder.query('COMMIT');
			const applied = (await Promise.all(runs)).flatMap((r) => r.applied);
			expect(applied.sort((a, b) => a - b)).toEqual(ALL_IDS);
		});
		expect((await recorded(url)).map((r) => r.id)).toEqual(ALL_IDS);
	});

	it('applies each step exactly once when two instances race from nothing (no bookkeeping table yet)', async () => {
		const url = await server.createDatabase();
		const [a, b] = await Promise.all([withClient(url, (c) => migratePostgres(c)), withClient(url, (c) => migratePostgres(c))]);
		expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(ALL_IDS);
		expect((await recorded(url)).map((r) => r.id)).toEqual(ALL_IDS);
	});

	it('runs each step in one transaction: a failing step leaves no trace and is tried again next time', async () => {
		const url = await server.createDatabase();
		const broken = { id: 999, name: 'half a step', sql: 'CREATE TABLE half_done (x int); SELECT 1 / 0;' };
		await withClient(url, async (c) => {
			await expect(migratePostgres(c, [...POSTGRES_MIGRATIONS, broken])).rejects.toThrow(/^PostgreSQL migration 999 \(half a step\) failed: division by zero$/);
			expect((await c.query(`SELECT to_regclass('half_done') AS t`)).rows[0].t).toBeNull();
			// The steps before it were committed one by one and stay.
			expect((await c.query('SELECT max(id) AS id FROM schema_migrations')).rows[0].id).toBe(LATEST_POSTGRES_MIGRATION);
			const fixed = { ...broken, sql: 'CREATE TABLE half_done (x int);' };
			expect(await migratePostgres(c, [...POSTGRES_MIGRATIONS, fixed])).toEqual({ applied: [999] });
		});
	});

	it('needs no superuser: the database owner can apply every step (no extension, trusted PL/pgSQL)', async () => {
		const url = await server.createDatabase();
		const database = new URL(url).pathname.slice(1);
		await withClient(server.url, async (admin) => {
			await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'psems_owner') THEN CREATE ROLE psems_owner LOGIN; END IF; END $$`);
			await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} OWNER TO psems_owner`);
		});
		const asOwner = new URL(url);
		asOwner.username = 'psems_owner';
		await withClient(asOwner.toString(), async (c) => {
			expect((await c.query<{ super: boolean }>('SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user')).rows[0].super).toBe(false);
			expect(await migratePostgres(c)).toEqual({ applied: ALL_IDS });
		});
	});

	it('leaves alone a step it does not know (a newer instance migrated first), as SQLite does', async () => {
		const url = await server.createDatabase();
		await withClient(url, async (c) => {
			await migratePostgres(c);
			await c.query(`INSERT INTO schema_migrations (id, name, applied_at) VALUES (1000, 'from a newer release', 0)`);
			expect(await migratePostgres(c)).toEqual({ applied: [] });
		});
	});
});

async function waitingForTheLock(client: pg.Client): Promise<number> {
	const { rows } = await client.query<{ n: number }>(
		`SELECT count(*)::int AS n FROM pg_locks
		 WHERE locktype = 'advisory' AND NOT granted AND classid::bigint = $1 AND objid::bigint = $2 AND objsubid = 2`,
		[...MIGRATION_LOCK]
	);
	return rows[0].n;
}
