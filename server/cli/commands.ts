// The operator's commands behind `psems`. Each returns an exit code and writes through the given
// streams, so tests can run them in-process as well as through the bin.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.ts';
import { openDatabase, StartupError, type Db } from '../persistence/database.ts';
import { createStore } from '../persistence/store.ts';
import { createAuditService } from '../records/audit.ts';
import { verifyRecords } from '../records/verify.ts';
import type { VerifyReport } from '../records/contract.ts';
import { blobStoreFor } from '../evidence/blob-stores.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import { verifyEvidenceFiles } from '../evidence/verify-evidence.ts';
import { usersCommand } from './users.ts';

// sysexits.h codes where one fits: usage 64, no input 66, internal error 70, cannot create 73.
export const EXIT = { ok: 0, problems: 1, usage: 64, noInput: 66, software: 70, cantCreate: 73 } as const;

export type Io = { env: Record<string, string | undefined>; out: (line: string) => void; err: (line: string) => void };

export const HELP = `psems: operator commands for the PSeMS Review Workshop

Usage:
  psems verify          Recompute every record hash, both hash chains and every signature link, and
                        re-hash every evidence file a frozen record lists (DATA_DIR/evidence, or the
                        bucket when EVIDENCE_STORE=s3: give it the server's S3_ variables).
                        Exits 0 when intact; otherwise names each altered, missing or reordered row or file.
  psems backup <file>   Write a consistent copy of the database to <file> (safe while the server runs),
                        then check the copy.
  psems users <command> list | create | make-admin | deactivate | reset-link (psems users help)
  psems help            Show this help.

The database is DATA_DIR/psems.sqlite, as for the server (DATA_DIR defaults to ./data).`;

/** Verification over any open connection (the live database or a backup copy). */
export function verifyDatabase(db: Db): Promise<VerifyReport> {
	const store = createStore(db);
	const audit = createAuditService({ store });
	// One transaction: every row read from the same committed state.
	return store.transaction((tx) => verifyRecords({ snapshots: tx.snapshots, signatures: tx.signatures, audit: audit.inTransaction(tx) }));
}

/** The records' check and the evidence files' check in one report. */
export async function verifyWithEvidence(db: Db, blobs: Pick<BlobStore, 'digest'>): Promise<VerifyReport> {
	const report = await verifyDatabase(db);
	const evidence = await verifyEvidenceFiles(createStore(db).tx.snapshots, blobs);
	const problems = [...report.problems, ...evidence.problems];
	return { ok: problems.length === 0, checked: { ...report.checked, evidenceFiles: evidence.checked }, problems };
}

function counts(report: VerifyReport): string {
	const { snapshots, signatures, auditEntries, evidenceFiles } = report.checked;
	const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
	const files = evidenceFiles === undefined ? '' : `, ${n(evidenceFiles, 'evidence file', 'evidence files')}`;
	return `${n(snapshots, 'snapshot', 'snapshots')}, ${n(signatures, 'signature', 'signatures')}, ${n(auditEntries, 'audit entry', 'audit entries')}${files}`;
}

function printReport(io: Io, report: VerifyReport, file: string): number {
	if (report.ok) {
		io.out(`psems verify: intact (${counts(report)} checked in ${file})`);
		return EXIT.ok;
	}
	for (const p of report.problems) io.err(`${p.table} row ${p.rowId}: ${p.message}`);
	io.err(`psems verify: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found (${counts(report)} checked in ${file})`);
	return EXIT.problems;
}

function existingDatabase(io: Io): string | null {
	const file = loadConfig(io.env).databaseFile;
	if (fs.existsSync(file)) return file;
	io.err(`psems: no database at ${file}. Set DATA_DIR to the server's data directory.`);
	return null;
}

export async function verifyCommand(io: Io): Promise<number> {
	const file = existingDatabase(io);
	if (!file) return EXIT.noInput;
	const db = openDatabase(file);
	try {
		return printReport(io, await verifyWithEvidence(db, blobStoreFor(loadConfig(io.env))), file);
	} finally {
		db.close();
	}
}

export async function backupCommand(io: Io, target: string | undefined): Promise<number> {
	if (!target) {
		io.err('psems backup: name the file to write, e.g. `psems backup /backups/psems-2026-11-25.sqlite`.');
		return EXIT.usage;
	}
	const file = existingDatabase(io);
	if (!file) return EXIT.noInput;
	const destination = path.resolve(target);
	if (fs.existsSync(destination)) {
		io.err(`psems backup: ${destination} exists already; choose a new file name.`);
		return EXIT.cantCreate;
	}
	fs.mkdirSync(path.dirname(destination), { recursive: true });
	const db = openDatabase(file);
	try {
		// SQLite's online backup: a consistent snapshot page by page, while the server keeps writing.
		await db.backup(destination);
	} finally {
		db.close();
	}
	// A backup should be one self-contained file, so take the copy out of WAL mode, then check it.
	const copy = new Database(destination, { fileMustExist: true });
	try {
		copy.pragma('journal_mode = DELETE');
		const integrity = copy.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') {
			io.err(`psems backup: the copy at ${destination} failed SQLite's integrity check: ${String(integrity)}`);
			return EXIT.problems;
		}
		const report = await verifyDatabase(copy);
		if (!report.ok) {
			for (const p of report.problems) io.err(`${p.table} row ${p.rowId}: ${p.message}`);
			io.err(`psems backup: wrote ${destination}, but its records do not verify (the source has the same problems; run psems verify).`);
			return EXIT.problems;
		}
		const kib = Math.ceil(fs.statSync(destination).size / 1024);
		io.out(`psems backup: wrote ${destination} (${kib} KiB); the copy is intact (${counts(report)}).`);
		return EXIT.ok;
	} finally {
		copy.close();
	}
}

export async function run(args: string[], io: Io): Promise<number> {
	const [command, ...rest] = args;
	try {
		switch (command) {
			case 'verify':
				return await verifyCommand(io);
			case 'backup':
				return await backupCommand(io, rest[0]);
			case 'users':
				if (!existingDatabase(io) && rest[0] !== 'help' && rest[0] !== undefined) return EXIT.noInput;
				return usersCommand(io, rest);
			case 'help':
			case '--help':
			case '-h':
				io.out(HELP);
				return EXIT.ok;
			default:
				io.err(command ? `psems: unknown command "${command}".\n\n${HELP}` : HELP);
				return EXIT.usage;
		}
	} catch (error) {
		if (error instanceof StartupError) {
			io.err(`psems: ${error.message}`);
			return error.exitCode;
		}
		io.err(`psems: ${error instanceof Error ? error.message : String(error)}`);
		return EXIT.software;
	}
}
