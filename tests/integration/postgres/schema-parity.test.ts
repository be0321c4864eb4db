// PostgreSQL's schema is SQLite's, step for step: a SQLite migration added without its PostgreSQL
// twin (or the reverse, or a column of another name, type or nullability) fails here. Every
// deliberate difference is listed below, with why, so a new one has to be argued for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres } from '../../../server/persistence/postgres/migrate.ts';
import { POSTGRES_MIGRATIONS } from '../../../server/persistence/postgres/migrations.ts';
import { startPostgres, type PostgresServer } from '../../helpers/infra/postgres.ts';
import { postgresShape, sqliteShape, type Column, type Shape } from './schema-shape.ts';

/** 0/1 flags every repository reads as booleans (row.x === 1): BOOLEAN on PostgreSQL. */
const BOOLEAN_COLUMNS = new Set(['users.is_admin', 'users.may_create_reviews', 'mail_outbox.secret', 'evidence_files.confidential']);
/** SQLite CHECKs that PostgreSQL's BOOLEAN type makes redundant: CHECK (confidential IN (0, 1)). */
const CHECKS_REPLACED_BY_TYPE: Record<string, number> = { evidence_files: 1 };

let server: PostgresServer;
let sqlite: Shape;
let postgres: Shape;

beforeAll(async () => {
	sqlite = sqliteShape();
	server = await startPostgres();
	const client = new pg.Client({ connectionString: await server.createDatabase() });
	await client.connect();
	try {
		await migratePostgres(client);
		postgres = await postgresShape(client);
	} finally {
		await client.end();
	}
});

afterAll(async () => {
	await server?.destroy();
});

const key = (c: { table: string; name: string }) => `${c.table}.${c.name}`;

/** The PostgreSQL types a SQLite column of this declared type may have. */
function compatibleTypes(c: Column): string[] {
	if (BOOLEAN_COLUMNS.has(key(c))) return ['boolean'];
	switch (c.type) {
		// Milliseconds since 1970 overflow int4: every *_at integer is BIGINT.
		case 'INTEGER':
			return c.name.endsWith('_at') ? ['bigint'] : ['integer', 'bigint'];
		case 'TEXT':
			return ['text'];
		case 'BLOB':
			return ['bytea'];
		default:
			throw new Error(`${key(c)}: SQLite type ${c.type} has no PostgreSQL mapping in this test yet`);
	}
}

/** SQLite's default as PostgreSQL spells it once casts are dropped ('en'::text -> 'en'). */
function expectedDefault(c: Column): string | null {
	if (c.default === null) return null;
	if (BOOLEAN_COLUMNS.has(key(c))) return { '0': 'false', '1': 'true' }[c.default] ?? `not a 0/1 default: ${c.default}`;
	return c.default;
}
const withoutCast = (value: string | null) => value?.replace(/::[a-z ]+$/i, '') ?? null;

describe('the PostgreSQL schema mirrors the SQLite one', () => {
	it('has the same migrations, with the same ids and names, all applied', () => {
		expect(POSTGRES_MIGRATIONS.map(({ id, name }) => ({ id, name }))).toEqual(sqlite.migrations);
		expect(postgres.migrations).toEqual(sqlite.migrations);
	});

	it('has the same tables', () => {
		expect(postgres.tables).toEqual(sqlite.tables);
	});

	it('has every column, by the same name, with a compatible type, nullability, default and collation', () => {
		expect(postgres.columns.map(key)).toEqual(sqlite.columns.map(key));
		const found = new Map(postgres.columns.map((c) => [key(c), c]));
		const mismatches = sqlite.columns.flatMap((s) => {
			const p = found.get(key(s))!;
			const problems = [
				!compatibleTypes(s).includes(p.type) && `type ${p.type} (SQLite ${s.type}: expected ${compatibleTypes(s).join(' or ')})`,
				p.notNull !== s.notNull && `NOT NULL ${p.notNull} (SQLite ${s.notNull})`,
				// AUTOINCREMENT is an identity column there; its default is the sequence, not a value.
				p.identity !== s.identity && `identity ${p.identity} (SQLite AUTOINCREMENT ${s.identity})`,
				withoutCast(p.default) !== expectedDefault(s) && `default ${p.default} (SQLite ${s.default})`,
				p.nocase !== s.nocase && `COLLATE nocase ${p.nocase} (SQLite ${s.nocase})`
			].filter(Boolean);
			return problems.length ? [`${key(s)}: ${problems.join('; ')}`] : [];
		});
		expect(mismatches).toEqual([]);
	});

	it('has the same primary keys', () => {
		expect(postgres.primaryKeys).toEqual(sqlite.primaryKeys);
	});

	it('has the same indexes (named ones by name) and unique constraints, partial ones with the same condition', () => {
		expect(postgres.indexes).toEqual(sqlite.indexes);
	});

	it('has the same foreign keys, with the same ON DELETE', () => {
		expect(postgres.foreignKeys).toEqual(sqlite.foreignKeys);
	});

	it('has as many CHECK constraints per table, less those a BOOLEAN column makes redundant', () => {
		const expected = Object.fromEntries(Object.entries(sqlite.checks).map(([table, n]) => [table, n - (CHECKS_REPLACED_BY_TYPE[table] ?? 0)]));
		expect(postgres.checks).toEqual(expected);
	});

	it("has each of SQLite's refusal triggers, same name and message, plus a TRUNCATE refusal per table", () => {
		const truncates = [...new Set(sqlite.triggers.map((t) => t.table))].map((table) => ({
			table,
			name: `${table}_no_truncate`,
			event: 'TRUNCATE',
			// SQLite has no TRUNCATE: the refusal says what DELETE's says.
			message: sqlite.triggers.find((t) => t.table === table && t.event === 'DELETE')!.message
		}));
		const expected = [...sqlite.triggers, ...truncates].sort((a, b) => `${a.table}.${a.name}`.localeCompare(`${b.table}.${b.name}`));
		expect(postgres.triggers).toEqual(expected);
	});
});
