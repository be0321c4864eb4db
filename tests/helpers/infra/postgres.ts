// A throwaway PostgreSQL 15 cluster (Debian's postgresql-15) on a free 127.0.0.1 port, with its
// data, socket and log in one temp dir. Stop and start again on the same data dir and port is
// supported: fault tests stop the database under a running server and bring it back.
//
// initdb and postgres refuse to run as root, so as root both run as the `postgres` system user
// (the spawn's uid/gid: what `runuser -u postgres --` would do, without the extra process) on a
// temp dir handed to that user; as any other user they run as that user.
//
// `postgres` runs in the foreground as our child (not daemonised by pg_ctl) so that its exit is
// seen at once and the reaper in processes.ts can stop it if the test process dies. Readiness is
// what `pg_ctl -w` waits for: the postmaster.pid status line saying "ready".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { LOOPBACK, freeLoopbackPort } from './ports.ts';
import { makeServiceDir, portWasTaken, removeServiceDir, spawnService, waitForReady, type ServiceProcess } from './processes.ts';

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
export const POSTGRES_USER = 'postgres';

/**
 * Durability stays on (fsync, synchronous_commit): the product's promise is that an acknowledged
 * edit is committed, and tests that stop the database mid-run must see real commit behaviour.
 * full_page_writes is off only for speed: it protects against torn pages when the OS or power
 * fails mid-write; our faults kill processes, and a killed postgres leaves its writes whole in the
 * kernel's page cache, so crash recovery never meets a torn page here.
 */
const DEFAULT_SETTINGS: Record<string, string> = {
	fsync: 'on',
	synchronous_commit: 'on',
	full_page_writes: 'off',
	max_connections: '200',
	logging_collector: 'off'
};

export type PostgresOptions = {
	/** Extra or overriding server settings (`-c name=value`). */
	settings?: Record<string, string>;
	startTimeoutMs?: number;
};

export type StopMode = 'fast' | 'immediate';

export type PostgresServer = {
	host: typeof LOOPBACK;
	port: number;
	user: typeof POSTGRES_USER;
	/** The maintenance database: postgres://postgres@127.0.0.1:PORT/postgres */
	url: string;
	dir: string;
	dataDir: string;
	logFile: string;
	isRunning(): boolean;
	/** The server's pid (also its process group id) while running. */
	pid(): number | undefined;
	urlFor(database: string): string;
	/** A new empty database (from template0 unless `template` is given); returns its URL. */
	createDatabase(options?: CreateDatabaseOptions): Promise<string>;
	/**
	 * 'fast' (SIGINT): roll back open transactions, disconnect clients, checkpoint, exit.
	 * 'immediate' (SIGQUIT): exit at once without a checkpoint, as in a crash; the next start
	 * runs crash recovery from the WAL.
	 */
	stop(options?: { mode?: StopMode }): Promise<void>;
	/** Starts again on the same data dir and port after `stop`. */
	start(): Promise<void>;
	logTail(lines?: number): string;
	/** Stops (immediate) and removes the temp dir. */
	destroy(): Promise<void>;
};

export type CreateDatabaseOptions = { name?: string; template?: string };

let databaseCounter = 0;

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
	for (const bin of ['initdb', 'postgres']) {
		if (!fs.existsSync(path.join(POSTGRES_BIN, bin))) {
			throw new Error(`PostgreSQL 15 is not installed (${POSTGRES_BIN}/${bin} missing): apt-get install postgresql-15 (./run test does this as root)`);
		}
	}
	const dir = makeServiceDir('postgres');
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const owner = serviceUser();
	try {
		if (owner) fs.chownSync(dir, owner.uid, owner.gid);
		initCluster(dataDir, logFile, owner);
	} catch (error) {
		removeServiceDir(dir);
		throw error;
	}
	const settings = { ...DEFAULT_SETTINGS, ...options.settings };
	const timeoutMs = options.startTimeoutMs ?? 30_000;

	let port = 0;
	let proc: ServiceProcess | undefined;
	const launch = async () => {
		proc = spawnService({
			name: 'postgres',
			command: path.join(POSTGRES_BIN, 'postgres'),
			args: ['-D', dataDir, '-p', String(port), '-k', dir, '-c', `listen_addresses=${LOOPBACK}`, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
			logFile,
			env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
			uid: owner?.uid,
			gid: owner?.gid,
			// Immediate shutdown lets the postmaster remove its shared memory, unlike SIGKILL.
			reaperSignal: 'SIGQUIT'
		});
		const pidFile = path.join(dataDir, 'postmaster.pid');
		const pid = proc.pid;
		// The pid check skips a stale postmaster.pid left by a killed postgres until ours rewrites it.
		await waitForReady(proc, () => postmasterStatus(pidFile, pid) === 'ready', { timeoutMs });
	};

	try {
		for (let attempt = 1; ; attempt++) {
			port = await freeLoopbackPort();
			try {
				await launch();
				break;
			} catch (error) {
				if (attempt < 3 && portWasTaken(error)) continue;
				throw error;
			}
		}
	} catch (error) {
		await proc?.stop('SIGQUIT');
		removeServiceDir(dir);
		throw error;
	}

	const urlFor = (database: string) => `postgres://${POSTGRES_USER}@${LOOPBACK}:${port}/${encodeURIComponent(database)}`;
	const url = urlFor('postgres');
	const isRunning = () => proc !== undefined && proc.exitStatus() === null;
	return {
		host: LOOPBACK,
		port,
		user: POSTGRES_USER,
		url,
		dir,
		dataDir,
		logFile,
		isRunning,
		pid: () => (isRunning() ? proc?.pid : undefined),
		urlFor,
		createDatabase: (opts) => createDatabase(url, opts),
		async stop({ mode = 'fast' } = {}) {
			await proc?.stop(mode === 'fast' ? 'SIGINT' : 'SIGQUIT', 30_000);
		},
		async start() {
			if (isRunning()) throw new Error('postgres is already running');
			await launch();
		},
		logTail: (lines) => proc?.logTail(lines) ?? '',
		async destroy() {
			await proc?.stop('SIGQUIT');
			removeServiceDir(dir);
		}
	};
}

/**
 * Creates a database on the server at `serverUrl` (any database URL of that server) and returns
 * its URL. Callable from any process that has only the URL, e.g. a test file given the URL by a
 * globalSetup. `template`: clone a prepared database (e.g. one migrated once per run); it must
 * have no open connections while it is copied.
 */
export async function createDatabase(serverUrl: string, { name, template = 'template0' }: CreateDatabaseOptions = {}): Promise<string> {
	const database = name ?? `test_${process.pid}_${++databaseCounter}_${Math.random().toString(36).slice(2, 8)}`;
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`not a plain database name: ${database}`);
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE ${pg.escapeIdentifier(template)}`);
	} finally {
		await client.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

/** Drops the database of `databaseUrl`, closing its connections first. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
	const url = new URL(databaseUrl);
	const database = decodeURIComponent(url.pathname.slice(1));
	url.pathname = '/postgres';
	const client = new pg.Client({ connectionString: url.toString() });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
	} finally {
		await client.end();
	}
}

type Owner = { uid: number; gid: number };

/** The postgres system user when we are root (initdb and postgres refuse root), else nobody to switch to. */
function serviceUser(): Owner | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8' }).trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		throw new Error(`running as root, but there is no "${POSTGRES_USER}" user to run PostgreSQL as (the postgresql-15 package creates it)`);
	}
}

function initCluster(dataDir: string, logFile: string, owner: Owner | undefined): void {
	// --no-sync: initdb's own fsync of a throwaway cluster buys nothing (the server's fsync=on
	// governs every commit the tests make) and costs seconds on a busy disk.
	const args = ['-D', dataDir, '-U', POSTGRES_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'];
	try {
		execFileSync(path.join(POSTGRES_BIN, 'initdb'), args, {
			uid: owner?.uid,
			gid: owner?.gid,
			env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 60_000
		});
	} catch (error) {
		const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
		const output = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`;
		fs.appendFileSync(logFile, output);
		throw new Error(`initdb failed: ${e.message}\n${output.trim().split('\n').slice(-20).join('\n')}`);
	}
}

/** Line 8 of postmaster.pid ("starting", "stopping", "ready", "standby"; PostgreSQL 10+) when line 1 is `pid`. */
function postmasterStatus(pidFile: string, pid: number): string | undefined {
	try {
		const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
		return Number(lines[0]) === pid ? lines[7]?.trim() : undefined;
	} catch {
		return undefined;
	}
}
