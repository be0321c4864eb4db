// Service processes for tests: each in its own process group with its log in a file, a readiness
// wait with a deadline that quotes the log, and no orphans however the test process ends.
//
// How orphans are prevented: every service is spawned `detached` (its own process group, so one
// signal to -pid reaches the service and every child it forks, e.g. PostgreSQL's backends) and is
// registered with a reaper: one small node process per test process, itself detached, reading
// commands on a pipe from us. When the pipe closes (the test process exited, crashed, or was
// SIGKILLed: the kernel closes its end either way) the reaper sends each group that is still
// registered its stop signal, SIGKILLs what is left after 5 s, and removes the registered temp
// directories. A service stopped normally is unregistered first, so the reaper leaves it alone.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export type ServiceProcess = {
	name: string;
	pid: number;
	logFile: string;
	/** Resolves when the process group leader exits. */
	exited: Promise<ExitStatus>;
	/** Null while running. */
	exitStatus(): ExitStatus | null;
	/** The last lines of the service's log (stdout and stderr). */
	logTail(lines?: number): string;
	/** Sends `signal` to the whole group, waits for the exit, SIGKILLs the group after `timeoutMs`. */
	stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<ExitStatus>;
};

export type ServiceSpawn = {
	/** Used in error messages: "redis-server exited before it was ready". */
	name: string;
	command: string;
	args: string[];
	logFile: string;
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** Run as this user and group (only when the test runs as root, e.g. PostgreSQL as `postgres`). */
	uid?: number;
	gid?: number;
	/** What the reaper sends the group if the test process dies first (SIGKILL follows after 5 s). */
	reaperSignal?: NodeJS.Signals;
};

const REAPER_SOURCE = String.raw`
const fs = require('node:fs');
const groups = new Map();
const dirs = new Set();
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
	buffered += chunk;
	let nl;
	while ((nl = buffered.indexOf('\n')) >= 0) {
		const [verb, arg, signal] = buffered.slice(0, nl).split('\t');
		buffered = buffered.slice(nl + 1);
		if (verb === 'watch') groups.set(Number(arg), signal);
		else if (verb === 'unwatch') groups.delete(Number(arg));
		else if (verb === 'dir') dirs.add(arg);
		else if (verb === 'undir') dirs.delete(arg);
	}
});
const alive = (pgid) => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
let reaping = false;
function reap() {
	if (reaping) return;
	reaping = true;
	for (const [pgid, signal] of groups) { try { process.kill(-pgid, signal); } catch {} }
	const deadline = Date.now() + 5000;
	const timer = setInterval(() => {
		const left = [...groups.keys()].filter(alive);
		if (left.length > 0 && Date.now() < deadline) return;
		clearInterval(timer);
		for (const pgid of left) { try { process.kill(-pgid, 'SIGKILL'); } catch {} }
		for (const dir of dirs) { try { fs.rmSync(dir, { recursive: true, force: true }); } catch {} }
		process.exit(0);
	}, 50);
}
process.stdin.on('end', reap);
process.stdin.on('close', reap);
`;

let reaper: ChildProcess | undefined;

function tellReaper(...fields: string[]): void {
	if (!reaper) {
		reaper = spawn(process.execPath, ['-e', REAPER_SOURCE], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
		// Neither the reaper nor its pipe may keep the test process alive: it is meant to outlive us.
		reaper.unref();
		(reaper.stdin as net.Socket).unref();
	}
	reaper.stdin!.write(fields.join('\t') + '\n');
}

/**
 * A fresh directory for one service's data and log, removed by the reaper if the test process
 * dies before `removeServiceDir`. Root-owned (mode 0700) until a helper hands it to a service user.
 */
export function makeServiceDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `psems-${prefix}-`));
	tellReaper('dir', dir);
	return dir;
}

export function removeServiceDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
	tellReaper('undir', dir);
}

export function spawnService(spec: ServiceSpawn): ServiceProcess {
	const log = fs.openSync(spec.logFile, 'a');
	// The log is a file, not a pipe to us: a service never blocks on (or dies of) a full or closed pipe.
	const child = spawn(spec.command, spec.args, {
		cwd: spec.cwd,
		env: spec.env ?? process.env,
		uid: spec.uid,
		gid: spec.gid,
		detached: true,
		stdio: ['ignore', log, log]
	});
	fs.closeSync(log);
	let status: ExitStatus | null = null;
	const exited = new Promise<ExitStatus>((resolve) => {
		child.once('exit', (code, signal) => resolve((status = { code, signal })));
		child.once('error', (error) => {
			fs.appendFileSync(spec.logFile, `\n[spawn] ${error.message}\n`);
			resolve((status = { code: 127, signal: null }));
		});
	});
	const pid = child.pid;
	if (pid === undefined) {
		// spawn failed synchronously (e.g. ENOENT): the 'error' event above reports it.
		return failedService(spec, exited, () => status);
	}
	// The reaper's stop signal for this group if we die; unregistered once it exited by itself.
	tellReaper('watch', String(pid), spec.reaperSignal ?? 'SIGKILL');
	void exited.then(() => tellReaper('unwatch', String(pid)));
	return {
		name: spec.name,
		pid,
		logFile: spec.logFile,
		exited,
		exitStatus: () => status,
		logTail: (lines) => readLogTail(spec.logFile, lines),
		async stop(signal, timeoutMs = 15_000) {
			if (status) return status;
			signalGroup(pid, signal);
			const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), timeoutMs);
			const result = await exited;
			clearTimeout(timer);
			// Children that outlive the leader (none of our services leave any) go with it.
			signalGroup(pid, 'SIGKILL');
			return result;
		}
	};
}

function failedService(spec: ServiceSpawn, exited: Promise<ExitStatus>, status: () => ExitStatus | null): ServiceProcess {
	return {
		name: spec.name,
		pid: -1,
		logFile: spec.logFile,
		exited,
		exitStatus: status,
		logTail: (lines) => readLogTail(spec.logFile, lines),
		stop: () => exited
	};
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// ESRCH: the group is gone already.
	}
}

export function readLogTail(file: string, lines = 30): string {
	try {
		const text = fs.readFileSync(file, 'utf8').trimEnd();
		return text.split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/**
 * Polls `isReady` every `intervalMs` until it answers true. Fails with the service's log tail when
 * the process exits first or `timeoutMs` passes, so a CI log says why (a port taken, a bad flag).
 */
export async function waitForReady(
	service: ServiceProcess,
	isReady: () => Promise<boolean> | boolean,
	{ timeoutMs = 20_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {}
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const exit = service.exitStatus();
		if (exit) {
			throw new ServiceStartError(
				service,
				`${service.name} exited (${exit.signal ?? `code ${exit.code}`}) before it was ready`
			);
		}
		if (await Promise.resolve().then(isReady).catch(() => false)) return;
		if (Date.now() > deadline) {
			throw new ServiceStartError(service, `${service.name} was not ready within ${timeoutMs} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

export class ServiceStartError extends Error {
	readonly logTail: string;
	constructor(service: ServiceProcess, message: string) {
		const logTail = service.logTail();
		super(`${message}; last lines of ${service.logFile}:\n${logTail}`);
		this.name = 'ServiceStartError';
		this.logTail = logTail;
	}
}

/** True when a start failed because another process took the port between our pick and its bind. */
export function portWasTaken(error: unknown): boolean {
	return error instanceof ServiceStartError && /address already in use|EADDRINUSE|could not bind/i.test(error.logTail);
}
