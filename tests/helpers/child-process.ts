import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type ChildServer = {
	child: ChildProcess;
	port: number;
	url: string;
	wsUrl: string;
	exited: Promise<{ code: number | null; signal: string | null }>;
	/** Every stderr line (the JSON log), only when started with `captureLog`. */
	log: string[];
	/** When the child printed its port: the server is listening. */
	listeningAt: number;
};

/** Starts tests/helpers/child-server.ts with the given DATA_DIR and waits for its port. */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, opts: { captureLog?: boolean } = {}): Promise<ChildServer> {
	const child = spawn(process.execPath, [path.join(ROOT, 'tests/helpers/child-server.ts')], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: dataDir, PORT: env.PORT ?? '0', ...env },
		stdio: ['ignore', 'pipe', opts.captureLog ? 'pipe' : 'inherit']
	});
	const log: string[] = [];
	if (opts.captureLog) readline.createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
	const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	const lines = readline.createInterface({ input: child.stdout! });
	const port = await new Promise<number>((resolve, reject) => {
		// Generous: on a loaded CI machine a cold start of node with type stripping can take many seconds.
		const timer = setTimeout(() => reject(new Error('child server did not start within 60 s')), 60_000);
		lines.once('line', (line) => {
			clearTimeout(timer);
			resolve((JSON.parse(line) as { port: number }).port);
		});
		void exited.then(({ code }) => reject(new Error(`child server exited early with ${code}`)));
	});
	return { child, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/collab`, exited, log, listeningAt: Date.now() };
}

/** JSON log lines of a captured child log with the given event name. */
export function logEvents(log: string[], event: string): Array<Record<string, unknown>> {
	return log.flatMap((line) => {
		try {
			const parsed = JSON.parse(line) as Record<string, unknown>;
			return parsed.event === event ? [parsed] : [];
		} catch {
			return [];
		}
	});
}
