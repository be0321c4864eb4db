// Applies POSTGRES_MIGRATIONS, safe when several instances start at once against one database.
//
// Each step runs in its own transaction that first takes a transaction-level advisory lock and
// only then reads schema_migrations: a second instance waits on the lock, then sees the step
// recorded and skips it. A transaction-level lock (not a session one) is released by COMMIT,
// ROLLBACK or a dropped connection, so a crashed migrator never leaves it held, and it works
// through a transaction-pooling proxy. The bookkeeping table is the one SQLite uses.
import type pg from 'pg';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './migrations.ts';

/**
 * The advisory lock key (two-int4 form, a key space apart from single-bigint keys such as
 * per-document locks). 0x7053_454d is "pSEM"; 1 = schema migrations. Other app-wide locks take
 * the next numbers under the same first key.
 */
export const MIGRATION_LOCK: readonly [number, number] = [0x7053_454d, 1];

export const LATEST_POSTGRES_MIGRATION = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.id));

export type MigrateResult = { applied: number[] };

/** A pool (one client is borrowed for the run) or a connected client (pg.Client, pg.PoolClient). */
export async function migratePostgres(db: pg.Pool | pg.ClientBase, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<MigrateResult> {
	if (!isPool(db)) return run(db, migrations);
	const client = await db.connect();
	let failure: Error | undefined;
	try {
		return await run(client, migrations);
	} catch (error) {
		failure = error as Error;
		throw error;
	} finally {
		// A client whose ROLLBACK failed may be broken: passing the error makes the pool discard it.
		client.release(failure);
	}
}

async function run(client: pg.ClientBase, migrations: readonly PostgresMigration[]): Promise<MigrateResult> {
	const ordered = [...migrations].sort((a, b) => a.id - b.id);
	const applied: number[] = [];
	for (;;) {
		await client.query('BEGIN');
		try {
			await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
			// Under the lock: two concurrent CREATE TABLE IF NOT EXISTS can collide on pg_type. Only
			// when missing: an application role without CREATE (grants.ts) may still run this no-op.
			const { rows } = await client.query<{ found: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS found`);
			if (!rows[0].found) {
				await client.query('CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
			}
			const done = new Set((await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
			// Ids this code does not know (a newer instance migrated first) are left alone, as in
			// SQLite, so an older instance keeps running during a one-at-a-time upgrade.
			const step = ordered.find((m) => !done.has(m.id));
			if (!step) {
				await client.query('COMMIT');
				return { applied };
			}
			try {
				await client.query(step.sql);
			} catch (cause) {
				// The operator needs to know which step; the driver's error (code, position) stays as cause.
				throw new Error(`PostgreSQL migration ${step.id} (${step.name}) failed: ${(cause as Error).message}`, { cause });
			}
			await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [step.id, step.name, Date.now()]);
			await client.query('COMMIT');
			applied.push(step.id);
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		}
	}
}

// Duck-typed rather than instanceof pg.Pool: a caller's pg may be another copy of the package.
function isPool(db: pg.Pool | pg.ClientBase): db is pg.Pool {
	return 'totalCount' in db && 'idleCount' in db;
}
