// Reads the schema of each engine into one comparable shape: what the parity test compares and
// what "migrating twice changes nothing" snapshots. SQLite is read from a fresh database made by
// the real migrate(), so a new SQLite step shows up here without anyone touching this file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { migrate } from '../../../server/persistence/migrations.ts';

export type Column = { table: string; name: string; type: string; notNull: boolean; default: string | null; identity: boolean; nocase: boolean };
/** `name` is null for the index a UNIQUE constraint makes (SQLite's sqlite_autoindex_*): compared by columns. */
export type Index = { table: string; name: string | null; unique: boolean; columns: string[]; predicate: string | null };
export type ForeignKey = string; // "table(cols) -> ref(cols) on delete X"
export type Trigger = { table: string; name: string; event: 'UPDATE' | 'DELETE' | 'TRUNCATE'; message: string };
export type Shape = {
	migrations: Array<{ id: number; name: string }>;
	tables: string[];
	columns: Column[];
	primaryKeys: Record<string, string[]>;
	/** Every index but the primary key's. */
	indexes: Index[];
	foreignKeys: ForeignKey[];
	checks: Record<string, number>;
	triggers: Trigger[];
};

const byName = <T extends { table: string; name: string | null }>(a: T, b: T) =>
	`${a.table}.${a.name ?? ''}`.localeCompare(`${b.table}.${b.name ?? ''}`);

/** A fresh SQLite database migrated by the product's migrate(), read and deleted. */
export function sqliteShape(): Shape {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psems-parity-'));
	const db = new Database(path.join(dir, 'psems.sqlite'));
	try {
		migrate(db);
		return readSqlite(db);
	} finally {
		db.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function readSqlite(db: Database.Database): Shape {
	const all = <T>(sql: string) => db.prepare(sql).all() as T[];
	const tableRows = all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
	const shape: Shape = {
		migrations: all<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id'),
		tables: tableRows.map((t) => t.name),
		columns: [],
		primaryKeys: {},
		indexes: [],
		foreignKeys: [],
		checks: {},
		triggers: []
	};
	for (const { name: table, sql } of tableRows) {
		const definitions = columnDefinitions(sql);
		const info = all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(`PRAGMA table_info(${table})`);
		for (const c of info) {
			const definition = definitions.get(c.name) ?? '';
			shape.columns.push({
				table,
				name: c.name,
				type: c.type.toUpperCase(),
				// SQLite lets a non-INTEGER primary key hold NULL; no code relies on that quirk.
				notNull: c.notnull === 1 || c.pk > 0,
				default: c.dflt_value,
				identity: /\bAUTOINCREMENT\b/i.test(definition),
				nocase: /\bCOLLATE\s+NOCASE\b/i.test(definition)
			});
		}
		shape.primaryKeys[table] = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
		for (const index of all<{ name: string; unique: number; origin: string; partial: number }>(`PRAGMA index_list(${table})`)) {
			if (index.origin === 'pk') continue;
			const columns = all<{ seqno: number; name: string }>(`PRAGMA index_info(${index.name})`).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
			const created = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(index.name) as { sql: string | null };
			const where = created.sql?.match(/\bWHERE\s+(.+)$/is)?.[1] ?? null;
			shape.indexes.push({ table, name: index.origin === 'c' ? index.name : null, unique: index.unique === 1, columns, predicate: where && normalizeExpression(where) });
		}
		const keys = new Map<number, { table: string; from: string[]; to: string[]; onDelete: string }>();
		for (const fk of all<{ id: number; seq: number; table: string; from: string; to: string; on_delete: string }>(`PRAGMA foreign_key_list(${table})`)) {
			const key = keys.get(fk.id) ?? { table: fk.table, from: [], to: [], onDelete: fk.on_delete };
			key.from[fk.seq] = fk.from;
			key.to[fk.seq] = fk.to;
			keys.set(fk.id, key);
		}
		for (const k of keys.values()) shape.foreignKeys.push(`${table}(${k.from}) -> ${k.table}(${k.to}) on delete ${k.onDelete.toLowerCase()}`);
		shape.checks[table] = (withoutComments(sql).match(/\bCHECK\s*\(/gi) ?? []).length;
	}
	for (const t of all<{ name: string; tbl_name: string; sql: string }>("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")) {
		const event = t.sql.match(/\b(?:BEFORE|AFTER|INSTEAD OF)\s+(UPDATE|DELETE|INSERT)\b/i)?.[1].toUpperCase();
		const message = t.sql.match(/RAISE\s*\(\s*ABORT\s*,\s*'((?:[^']|'')*)'\s*\)/i)?.[1].replaceAll("''", "'");
		if (!message || (event !== 'UPDATE' && event !== 'DELETE')) throw new Error(`trigger ${t.name}: not a refusal this test knows how to compare:\n${t.sql}`);
		shape.triggers.push({ table: t.tbl_name, name: t.name, event, message });
	}
	shape.columns.sort(byName);
	shape.indexes.sort(byName);
	shape.foreignKeys.sort();
	shape.triggers.sort(byName);
	return shape;
}

/** The current schema of a PostgreSQL database, as the product's migrations left it. */
export async function postgresShape(client: pg.ClientBase): Promise<Shape> {
	const rows = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
	const here = `n.nspname = current_schema()`;
	const tables = await rows<{ name: string }>(
		`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`
	);
	const columns = await rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string; collation_name: string | null }>(
		`SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, collation_name
		 FROM information_schema.columns WHERE table_schema = current_schema()`
	);
	const indexes = await rows<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[]; predicate: string | null }>(
		`SELECT c.relname AS table, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
		        pg_get_expr(i.indpred, i.indrelid) AS predicate,
		        array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
		              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
		 FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
		 JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${here}`
	);
	// Index names a UNIQUE constraint created (SQLite's sqlite_autoindex_*): compared by columns only.
	const constraintIndexes = new Set(
		(await rows<{ name: string }>(`SELECT ci.relname AS name FROM pg_constraint k JOIN pg_class ci ON ci.oid = k.conindid JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'u' AND ${here}`)).map((r) => r.name)
	);
	const constraints = await rows<{ table: string; type: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null; on_delete: string }>(
		`SELECT c.relname AS table, k.contype AS type, k.confdeltype AS on_delete, rc.relname AS ref_table,
		        array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY x(attnum, ord) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum ORDER BY x.ord) AS columns,
		        array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY x(attnum, ord) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum ORDER BY x.ord) AS ref_columns
		 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class rc ON rc.oid = k.confrelid
		 JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${here}`
	);
	const triggers = await rows<{ table: string; name: string; type: number; args: string }>(
		`SELECT c.relname AS table, t.tgname AS name, t.tgtype AS type, encode(t.tgargs, 'escape') AS args
		 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE NOT t.tgisinternal AND ${here}`
	);
	const onDelete: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
	const shape: Shape = {
		migrations: await rows<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id'),
		tables: tables.map((t) => t.name),
		columns: columns
			.map((c) => ({
				table: c.table_name,
				name: c.column_name,
				type: c.data_type,
				notNull: c.is_nullable === 'NO',
				default: c.column_default,
				identity: c.is_identity === 'YES',
				nocase: c.collation_name === 'nocase'
			}))
			.sort(byName),
		primaryKeys: Object.fromEntries(tables.map((t) => [t.name, constraints.find((k) => k.table === t.name && k.type === 'p')?.columns ?? []])),
		indexes: indexes
			.filter((i) => !i.primary)
			.map((i) => ({ table: i.table, name: constraintIndexes.has(i.name) ? null : i.name, unique: i.unique, columns: i.columns, predicate: i.predicate && normalizeExpression(i.predicate) }))
			.sort(byName),
		foreignKeys: constraints
			.filter((k) => k.type === 'f')
			.map((k) => `${k.table}(${k.columns}) -> ${k.ref_table}(${k.ref_columns}) on delete ${onDelete[k.on_delete]}`)
			.sort(),
		checks: Object.fromEntries(tables.map((t) => [t.name, constraints.filter((k) => k.table === t.name && k.type === 'c').length])),
		triggers: triggers
			.map((t) => ({
				table: t.table,
				name: t.name,
				// tgtype bits: 8 DELETE, 16 UPDATE, 32 TRUNCATE.
				event: (t.type & 32 ? 'TRUNCATE' : t.type & 16 ? 'UPDATE' : 'DELETE') as Trigger['event'],
				message: t.args.split('\\000')[0]
			}))
			.sort(byName)
	};
	return shape;
}

function withoutComments(sql: string): string {
	return sql.replace(/--[^\n]*/g, '');
}

/** Column name -> its definition, from a CREATE TABLE (SQLite keeps ALTER-added columns in it). */
function columnDefinitions(createSql: string): Map<string, string> {
	const sql = withoutComments(createSql);
	const body = sql.slice(sql.indexOf('(') + 1, sql.lastIndexOf(')'));
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < body.length; i++) {
		if (body[i] === '(') depth++;
		else if (body[i] === ')') depth--;
		else if (body[i] === ',' && depth === 0) {
			parts.push(body.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(body.slice(start));
	return new Map(parts.map((p) => p.trim()).map((p) => [p.split(/\s+/)[0].replaceAll('"', ''), p]));
}

/** "(status = 'open'::text)" and "status = 'open'" compare equal. */
function normalizeExpression(expression: string): string {
	return expression.replace(/::[a-z ]+/gi, '').replace(/[()]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
