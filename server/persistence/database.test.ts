import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { EXIT_DATA_DIR_NOT_WRITABLE, EXIT_NOT_A_DATABASE, openDatabase, StartupError, type Db } from './database.ts';
import { LATEST_MIGRATION, MIGRATION_IDS } from './migrations.ts';

describe('openDatabase', () => {
	let dir: string;
	const opened: Db[] = [];

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psems-db-'));
	});

	afterEach(() => {
		for (const db of opened.splice(0)) if (db.open) db.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	function open(file = path.join(dir, 'psems.sqlite')): Db {
		const db = openDatabase(file);
		opened.push(db);
		return db;
	}

	function startupErrorOf(fn: () => unknown): StartupError {
		try {
			fn();
		} catch (error) {
			expect(error).toBeInstanceOf(StartupError);
			return error as StartupError;
		}
		throw new Error('expected a StartupError, but nothing was thrown');
	}

	const tables = (db: Db) =>
		(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map(
			(r) => r.name
		);

	it('creates a fresh database with every migration applied', () => {
		const db = open(path.join(dir, 'nested', 'data', 'psems.sqlite'));
		const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as Array<{ id: number }>;
		expect(applied.map((r) => r.id)).toEqual([...MIGRATION_IDS]);
		expect(applied.at(-1)?.id).toBe(LATEST_MIGRATION);
		expect(tables(db)).toEqual(
			expect.arrayContaining(['users', 'sessions', 'reviews', 'participants', 'invitations', 'login_attempts', 'documents', 'update_log'])
		);
	});

	it('turns on WAL journaling and foreign keys', () => {
		const db = open();
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it('enforces foreign keys, so a session cannot point at a missing user', () => {
		const db = open();
		expect(() =>
			db.prepare('INSERT INTO sessions (id, secret_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(
				's1',
				Buffer.alloc(32),
				'no-such-user',
				0,
				0
			)
		).toThrow(/FOREIGN KEY/);
	});

	it('reopens an existing database without re-running migrations or losing rows', () => {
		const file = path.join(dir, 'psems.sqlite');
		const first = open(file);
		first
			.prepare('INSERT INTO users (id, email, name, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)')
			.run('u1', 'ana@example.test', 'Ana', 'hash', 1, 1);
		const before = first.prepare('SELECT * FROM schema_migrations ORDER BY id').all();
		first.close();

		const second = open(file);
		expect(second.prepare('SELECT * FROM schema_migrations ORDER BY id').all()).toEqual(before);
		expect(second.prepare('SELECT email FROM users').all()).toEqual([{ email: 'ana@example.test' }]);
	});

	it('refuses a data directory that cannot be created, naming DATA_DIR, with exit code 73', () => {
		// Tests may run as root, where permission bits do not stop writes; a path under a regular
		// file cannot be created by anyone.
		const blocker = path.join(dir, 'afile');
		fs.writeFileSync(blocker, 'not a directory');
		const error = startupErrorOf(() => openDatabase(path.join(blocker, 'psems.sqlite')));
		expect(error.exitCode).toBe(EXIT_DATA_DIR_NOT_WRITABLE);
		expect(EXIT_DATA_DIR_NOT_WRITABLE).toBe(73);
		expect(error.message).toContain(blocker);
		expect(error.message).toContain('DATA_DIR');
	});

	it('refuses a file that is not a database with exit code 65 and leaves it untouched', () => {
		const file = path.join(dir, 'psems.sqlite');
		const text = 'These are meeting notes, not a database.\n'.repeat(200);
		fs.writeFileSync(file, text);
		const error = startupErrorOf(() => openDatabase(file));
		expect(error.exitCode).toBe(EXIT_NOT_A_DATABASE);
		expect(EXIT_NOT_A_DATABASE).toBe(65);
		expect(error.message).toContain(file);
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
	});
});
