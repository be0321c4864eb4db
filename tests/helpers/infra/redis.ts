// A throwaway Redis 7 (Debian's redis-server) on a free 127.0.0.1 port, without persistence: in
// the product Redis carries pub/sub and counters, never anything durable, so a restart here
// starts empty, as it would after a real Redis failover. Stop and start again keep the port, so
// clients (ioredis reconnects by itself) find it where they left it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { LOOPBACK, freeLoopbackPort } from './ports.ts';
import { makeServiceDir, portWasTaken, removeServiceDir, spawnService, waitForReady, type ServiceProcess } from './processes.ts';

export const REDIS_SERVER = '/usr/bin/redis-server';

export type RedisOptions = {
	/** Extra `--name value` arguments, e.g. ['--maxmemory', '64mb']. */
	args?: string[];
	startTimeoutMs?: number;
};

export type RedisServer = {
	host: typeof LOOPBACK;
	port: number;
	/** redis://127.0.0.1:PORT */
	url: string;
	dir: string;
	logFile: string;
	isRunning(): boolean;
	/** The server's pid (also its process group id) while running. */
	pid(): number | undefined;
	/** 'graceful' (SIGTERM): Redis closes clients and exits; 'kill' (SIGKILL): gone at once, as in a crash. */
	stop(options?: { mode?: 'graceful' | 'kill' }): Promise<void>;
	/** Starts again, empty, on the same port. */
	start(): Promise<void>;
	logTail(lines?: number): string;
	destroy(): Promise<void>;
};

export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
	if (!fs.existsSync(REDIS_SERVER)) {
		throw new Error(`Redis is not installed (${REDIS_SERVER} missing): apt-get install redis-server (./run test does this as root)`);
	}
	const dir = makeServiceDir('redis');
	const logFile = path.join(dir, 'redis.log');
	const timeoutMs = options.startTimeoutMs ?? 10_000;
	let port = 0;
	let proc: ServiceProcess | undefined;
	const launch = async () => {
		proc = spawnService({
			name: 'redis-server',
			command: REDIS_SERVER,
			args: [
				'--port', String(port),
				'--bind', LOOPBACK,
				'--save', '',
				'--appendonly', 'no',
				'--dir', dir,
				'--daemonize', 'no',
				'--logfile', '',
				...(options.args ?? [])
			],
			logFile,
			cwd: dir
		});
		await waitForReady(proc, () => answersPing(port), { timeoutMs });
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
		await proc?.stop('SIGKILL');
		removeServiceDir(dir);
		throw error;
	}
	const isRunning = () => proc !== undefined && proc.exitStatus() === null;
	return {
		host: LOOPBACK,
		port,
		url: `redis://${LOOPBACK}:${port}`,
		dir,
		logFile,
		isRunning,
		pid: () => (isRunning() ? proc?.pid : undefined),
		async stop({ mode = 'graceful' } = {}) {
			await proc?.stop(mode === 'graceful' ? 'SIGTERM' : 'SIGKILL');
		},
		async start() {
			if (isRunning()) throw new Error('redis-server is already running');
			await launch();
		},
		logTail: (lines) => proc?.logTail(lines) ?? '',
		async destroy() {
			await proc?.stop('SIGKILL');
			removeServiceDir(dir);
		}
	};
}

/** One RESP PING on a fresh connection: true on "+PONG" (not while Redis is still loading). */
function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: LOOPBACK, port });
		let reply = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1_000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('latin1');
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}
