// What PostgreSQL itself refuses once migrated: every change to the evaluation record (each of
// SQLite's refusal triggers, with its message, plus TRUNCATE), and with the optional grants the
// application role cannot even try. Also pins what a query layer reads back from PostgreSQL where
// it differs from better-sqlite3 (booleans, int8, case-insensitive email), so it is converted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { restrictAppRole } from '../../../server/persistence/postgres/grants.ts';
import { migratePostgres } from '../../../server/persistence/postgres/migrate.ts';
import { startPostgres, type PostgresServer } from '../../helpers/infra/postgres.ts';
import { sqliteShape, type Trigger } from './schema-shape.ts';

let server: PostgresServer;
let url: string;
let owner: pg.Client;
const sqliteTriggers: Trigger[] = sqliteShape().triggers;

async function connect(connectionString: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString });
	await client.connect();
	return client;
}

/** A database migrated and holding one frozen version: a snapshot, its signature, two audit entries. */
async function recordDatabase(): Promise<string> {
	const database = await server.createDatabase();
	const c = await connect(database);
	try {
		await migratePostgres(c);
		await c.query(`INSERT INTO users (id, email, name, password_hash, is_admin, created_at, password_changed_at) VALUES ('u1', 'ada@example.org', 'Ada', '', TRUE, 1, 1)`);
		await c.query(`INSERT INTO reviews (id, title, port_name, port_country, kind, framework_id, framework_version, created_by, created_at)
			VALUES ('r1', 'Review', 'Port', 'FR', 'self_assessment', 'psems', '1', 'u1', 1)`);
		await insertSnapshot(c, 's1', 1);
		await c.query(`INSERT INTO signatures (id, snapshot_id, review_id, version, meaning, signer_user_id, printed_name, role, signed_at, record_hash, declaration_hash)
			VALUES ('g1', 's1', 'r1', 1, 'attested', 'u1', 'Ada', 'facilitator', '2026-01-01T00:00:00.000Z', 'h', 'd')`);
		await insertAudit(c, 1);
		await insertAudit(c, 2);
	} finally {
		await c.end();
	}
	return database;
}

const insertSnapshot = (c: pg.ClientBase, id: string, version: number) =>
	c.query(
		`INSERT INTO snapshots (id, review_id, version, label, note, frozen_at, frozen_by, frozen_by_name, content_hash, previous_chain_hash, chain_hash, record_json, workspace_state, reviewer_state)
		 VALUES ($1, 'r1', $2, 'v', '', '2026-01-01T00:00:00.000Z', 'u1', 'Ada', 'content', NULL, 'chain', '{}', $3, $3)`,
		[id, version, Buffer.from([1, 2, 3])]
	);
const insertAudit = (c: pg.ClientBase, seq: number) =>
	c.query(`INSERT INTO audit_log (seq, at, actor_id, actor_name, action, review_id, details, previous_hash, hash) VALUES ($1, '2026-01-01T00:00:00.000Z', 'u1', 'Ada', 'freeze', 'r1', '{}', NULL, $2)`, [seq, `h${seq}`]);

/** The error a statement fails with; fails the test if it succeeds. */
async function refusal(client: pg.ClientBase, sql: string): Promise<{ code?: string; message: string }> {
	try {
		await client.query(sql);
	} catch (error) {
		const { code, message } = error as pg.DatabaseError;
		return { code, message };
	}
	throw new Error(`not refused: ${sql}`);
}

const counts = async (c: pg.ClientBase) =>
	(await c.query(`SELECT (SELECT count(*) FROM snapshots)::int AS snapshots, (SELECT count(*) FROM signatures)::int AS signatures, (SELECT count(*) FROM audit_log)::int AS audit_log`)).rows[0];

/** A statement each trigger must stop; it would change every row of the table. */
const ATTEMPT: Record<Trigger['event'], (table: string) => string> = {
	UPDATE: (table) => `UPDATE ${table} SET review_id = 'rewritten'`,
	DELETE: (table) => `DELETE FROM ${table}`,
	// snapshots is referenced by signatures: without CASCADE the foreign key refuses first.
	TRUNCATE: (table) => `TRUNCATE ${table}${table === 'snapshots' ? ' CASCADE' : ''}`
};

beforeAll(async () => {
	server = await startPostgres();
	url = await recordDatabase();
	owner = await connect(url);
});

afterAll(async () => {
	await owner?.end();
	await server?.destroy();
});

describe('the evaluation record is append-only in PostgreSQL', () => {
	it('knows the SQLite triggers it mirrors (snapshots, signatures, audit_log; UPDATE and DELETE)', () => {
		expect(sqliteTriggers.map((t) => `${t.table} ${t.event}`).sort()).toEqual(
			['audit_log DELETE', 'audit_log UPDATE', 'signatures DELETE', 'signatures UPDATE', 'snapshots DELETE', 'snapshots UPDATE']
		);
	});

	it.each(sqliteTriggers.map((t) => [`${t.event} on ${t.table}`, t] as const))('refuses %s with the SQLite message, even for a superuser', async (_, trigger) => {
		const before = await counts(owner);
		expect(await refusal(owner, ATTEMPT[trigger.event](trigger.table))).toEqual({ code: '23001', message: trigger.message });
		expect(await counts(owner)).toEqual(before);
		expect((await owner.query(`SELECT count(*)::int AS n FROM ${trigger.table} WHERE review_id = 'rewritten'`)).rows[0].n).toBe(0);
	});

	it.each(['snapshots', 'signatures', 'audit_log'])('refuses TRUNCATE of %s with the delete message', async (table) => {
		const before = await counts(owner);
		const { code, message } = await refusal(owner, ATTEMPT.TRUNCATE(table));
		expect(code).toBe('23001');
		// TRUNCATE snapshots CASCADE reaches signatures too: either table's refusal stops it whole.
		const allowed = sqliteTriggers.filter((t) => t.event === 'DELETE' && (t.table === table || table === 'snapshots')).map((t) => t.message);
		expect(allowed).toContain(message);
		expect(await counts(owner)).toEqual(before);
	});

	it('still takes new versions, signatures and audit entries', async () => {
		await insertSnapshot(owner, 's2', 2);
		await owner.query(`INSERT INTO signatures (id, snapshot_id, review_id, version, meaning, signer_user_id, printed_name, role, signed_at, record_hash, declaration_hash)
			VALUES ('g2', 's2', 'r1', 2, 'approved', 'u1', 'Ada', 'facilitator', '2026-01-02T00:00:00.000Z', 'h', 'd')`);
		await insertAudit(owner, 3);
		expect(await counts(owner)).toEqual({ snapshots: 2, signatures: 2, audit_log: 3 });
		// A rolled-back insert is not a change to the record: transactions around inserts still work.
		await owner.query('BEGIN');
		await insertAudit(owner, 4);
		await owner.query('ROLLBACK');
		expect((await counts(owner)).audit_log).toBe(3);
	});

	it('with the optional grants, the application role may only read and insert the record, and migrating is a no-op for it', async () => {
		const database = await recordDatabase();
		const admin = await connect(database);
		await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'psems_app') THEN CREATE ROLE psems_app LOGIN; END IF; END $$`);
		await restrictAppRole(admin, 'psems_app');
		await admin.end();
		const appUrl = new URL(database);
		appUrl.username = 'psems_app';
		const app = await connect(appUrl.toString());
		try {
			expect(await migratePostgres(app)).toEqual({ applied: [] });
			await insertAudit(app, 3);
			await app.query(`UPDATE users SET name = 'Ada L.' WHERE id = 'u1'`);
			await app.query(`INSERT INTO update_log (document_name, update_data, created_at) VALUES ('d', '\\x00', 1)`);
			for (const sql of [
				`UPDATE audit_log SET details = '{}'`,
				'DELETE FROM signatures',
				'TRUNCATE snapshots CASCADE',
				`INSERT INTO schema_migrations (id, name, applied_at) VALUES (500, 'x', 0)`
			]) {
				expect((await refusal(app, sql)).code, sql).toBe('42501'); // insufficient_privilege
			}
			// Only the owner may take the triggers away.
			expect((await refusal(app, 'DROP TRIGGER audit_log_no_update ON audit_log')).message).toMatch(/must be owner/);
			expect((await refusal(app, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).message).toMatch(/must be owner/);
		} finally {
			await app.end();
		}
	});
});

describe('what a query layer reads back from PostgreSQL (differs from better-sqlite3)', () => {
	it('stores the 0/1 flags as booleans: binds 1/0 and TRUE work, reads are true/false', async () => {
		await owner.query(
			`INSERT INTO users (id, email, name, password_hash, is_admin, may_create_reviews, created_at, password_changed_at) VALUES ($1, $2, 'Bo', '', $3, $4, 1, 1)`,
			['u2', 'bo@example.org', 0, 1]
		);
		const { rows } = await owner.query(`SELECT is_admin, may_create_reviews FROM users WHERE id = 'u2' AND is_admin = $1 AND may_create_reviews = TRUE`, [0]);
		expect(rows).toEqual([{ is_admin: false, may_create_reviews: true }]);
	});

	it('returns BIGINT (timestamps, seq) as strings unless the pool parses int8, and BYTEA as a Buffer', async () => {
		const { rows } = await owner.query(`SELECT created_at, workspace_state FROM snapshots JOIN users ON users.id = frozen_by WHERE snapshots.id = 's1'`);
		expect(rows[0]).toEqual({ created_at: '1', workspace_state: Buffer.from([1, 2, 3]) });
	});

	it('compares email without case, as COLLATE NOCASE does, and takes the repositories\' ORDER BY ... COLLATE NOCASE as written', async () => {
		expect((await owner.query(`SELECT id FROM users WHERE email = $1`, ['ADA@Example.ORG'])).rows).toEqual([{ id: 'u1' }]);
		expect((await refusal(owner, `INSERT INTO users (id, email, name, password_hash, created_at, password_changed_at) VALUES ('u3', 'Ada@Example.org', 'Ada 2', '', 1, 1)`)).code).toBe('23505');
		const people = await owner.query(`SELECT users.id FROM users ORDER BY users.deactivated_at IS NOT NULL, users.name COLLATE NOCASE`);
		expect(people.rows.map((r) => r.id)).toEqual(['u1', 'u2']);
	});

	it('refuses what the SQLite CHECKs and unique indexes refuse (a score of 6, a second open round)', async () => {
		await owner.query(`INSERT INTO scoring_rounds (id, review_id, element_code, number, status, opened_by, opened_at) VALUES ('k1', 'r1', 'E1', 1, 'open', 'u1', 1)`);
		expect((await refusal(owner, `INSERT INTO scoring_votes (round_id, user_id, score, first_voted_at, voted_at) VALUES ('k1', 'u1', 6, 1, 1)`)).code).toBe('23514');
		expect((await refusal(owner, `INSERT INTO scoring_rounds (id, review_id, element_code, number, status, opened_by, opened_at) VALUES ('k2', 'r1', 'E1', 2, 'open', 'u1', 1)`)).code).toBe('23505');
	});
});
