// Every process the benchmark starts: the server under test (ours or bare) and the client
// workers. Each is registered so that a finished run, a failure or Ctrl-C stops all of them,
// by their own pid, and nothing keeps listening afterwards.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { BENCH_DIR, ROOT } from './config.ts';
import { rpcClient, type Rpc } from './rpc.ts';
import type { ServerRequest, ServerStats, WorkerRequest } from './protocol.ts';
import { sleep } from './stats.ts';

const running = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
	await Promise.all([...running].map((child) => stop(child, 3_000)));
}

/** Stops everything on Ctrl-C or SIGTERM, runs `cleanup`, then exits with the conventional code. */
export function stopAllOnSignals(cleanup: () => void = () => {}): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			process.stderr.write(`\n${signal}: stopping ${running.size} child process(es)\n`);
			void stopAll().finally(() => {
				cleanup();
				process.exit(130);
			});
		});
	}
}

export type ServerKind = 'ours' | 'bare';

/**
 * The environment `npm start` gives our server (package.json). A fixed glibc mmap threshold
 * makes every large buffer (a 5 MB document read from SQLite, a sync step with the whole state)
 * go back to the system when freed; with glibc's default sliding threshold those buffers land
 * in the heap after the first free and stay resident: +35 MB RSS per open large review.
 */
const SHIPPED_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * BENCH_PROFILE=1 writes a V8 CPU profile of every server process into tests/bench/tmp/profiles
 * (open it in Chrome DevTools, or summarise it with `node tests/bench/profile-summary.ts <file>`):
 * how the missed targets were traced to their cost.
 */
function profileArgs(kind: ServerKind): string[] {
	if (process.env.BENCH_PROFILE !== '1') return [];
	return ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, 'tmp', 'profiles')}`, `--cpu-prof-name=${kind}-${Date.now()}.cpuprofile`];
}

export type BenchServer = {
	kind: ServerKind;
	pid: number;
	port: number;
	url: string;
	wsUrl: string;
	stats(opts?: Omit<ServerRequest, 'type'>): Promise<ServerStats>;
	stop(): Promise<void>;
};

export async function startServer(kind: ServerKind, env: Record<string, string>): Promise<BenchServer> {
	const script = path.join(BENCH_DIR, 'servers', `${kind}.ts`);
	const child = track(
		spawn(process.execPath, ['--expose-gc', ...profileArgs(kind), script], {
			cwd: ROOT,
			env: { ...process.env, PORT: '0', ...(kind === 'ours' ? SHIPPED_ENV : {}), ...env },
			stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
			serialization: 'advanced'
		})
	);
	const lines = readline.createInterface({ input: child.stdout! });
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 20 s`)), 20_000);
		child.once('exit', (code) => reject(new Error(`${kind} server exited early with ${code}`)));
		lines.on('line', (line) => {
			try {
				const parsed = JSON.parse(line) as { port?: number };
				if (typeof parsed.port === 'number') {
					clearTimeout(timer);
					resolve(parsed.port);
				}
			} catch {
				process.stderr.write(`[${kind} server] ${line}\n`);
			}
		});
	});
	const rpc = rpcClient<ServerRequest>(child, `${kind} server`);
	return {
		kind,
		pid: child.pid!,
		port,
		url: `http://127.0.0.1:${port}`,
		// Our server serves collaboration on /collab; bare Hocuspocus on any path.
		wsUrl: kind === 'ours' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
		stats: (opts = {}) => rpc.request<ServerStats>({ type: 'stats', ...opts }, 30_000),
		stop: () => stop(child)
	};
}

export type Worker = Rpc<WorkerRequest> & { pid: number; stop(): Promise<void> };

export function startWorkers(count: number): Worker[] {
	const script = path.join(BENCH_DIR, 'clients', 'worker.ts');
	return Array.from({ length: count }, (_, i) => {
		const child = track(fork(script, [], { cwd: ROOT, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
		const rpc = rpcClient<WorkerRequest>(child, `client worker ${i}`);
		return { ...rpc, pid: child.pid!, stop: () => stop(child) };
	});
}

/** Stops the given processes, leaving a moment for sockets to close. */
export async function stopProcesses(...items: Array<{ stop(): Promise<void> } | null | undefined>): Promise<void> {
	await Promise.all(items.map((item) => item?.stop()));
	await sleep(200);
}
