// Opens the one SQLite connection of the process. better-sqlite3 is synchronous, which is what
// lets the durable update log append before Hocuspocus acknowledges an update (DESIGN.md §5).
// Everything else reaches it through the Store (store.ts), whose surface is asynchronous.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

/** A startup failure with a message meant for the operator and a distinct exit code. */
export class StartupError extends Error {
	readonly exitCode: number;
	constructor(message: string, exitCode: number) {
		super(message);
		this.name = 'StartupError';
		this.exitCode = exitCode;
	}
}

export const EXIT_DATA_DIR_NOT_WRITABLE = 73; // EX_CANTCREAT
export const EXIT_NOT_A_DATABASE = 65; // EX_DATAERR

export function openDatabase(file: string): Db {
	const dir = path.dirname(file);
	try {
		fs.mkdirSync(dir, { recursive: true });
		fs.accessSync(dir, fs.constants.W_OK);
	} catch (cause) {
		throw new StartupError(
			`Data directory ${dir} is not writable (${(cause as NodeJS.ErrnoException).code ?? 'error'}). ` +
				'Set DATA_DIR to a directory this user can write to.',
			EXIT_DATA_DIR_NOT_WRITABLE
		);
	}
	let db: Db | null = null;
	try {
		db = new Database(file);
		// WAL: readers never block the writer; NORMAL is durable against process crashes
		// (kill -9), which is the failure the update log must survive.
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		db.pragma('foreign_keys = ON');
		db.pragma('busy_timeout = 5000');
		migrate(db);
	} catch (cause) {
		if (db?.open) db.close();
		const code = (cause as { code?: string }).code;
		if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
			throw new StartupError(
				`${file} is not a PSeMS database (SQLite says: ${(cause as Error).message}). ` +
					'Move it away or point DATA_DIR elsewhere.',
				EXIT_NOT_A_DATABASE
			);
		}
		if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
			throw new StartupError(`Cannot open ${file} for writing: ${(cause as Error).message}`, EXIT_DATA_DIR_NOT_WRITABLE);
		}
		throw cause;
	}
	return db;
}
