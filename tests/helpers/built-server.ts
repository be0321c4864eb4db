// The production entry point (server/index.ts with the SvelteKit build), as `npm start` runs it,
// in a child process: Vitest's own module loader would recompile the built .svelte.js files.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './fault-fixture.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUILD_MISSING = 'The SvelteKit build is missing (build/handler.js): run `npm run build` first (`npm test` does).';

export type BuiltServer = { base: string; port: number; process: ChildProcess; stop(): Promise<void> };

export function buildExists(): boolean {
	return fs.existsSync(path.join(ROOT, 'build', 'handler.js'));
}

/** Starts the built server on a free port and resolves once /healthz answers (deadline 20 s). */
export async function startBuiltServer(env: Record<string, string>, port?: number): Promise<BuiltServer> {
	if (!buildExists()) throw new Error(BUILD_MISSING);
	const listenOn = port ?? (await freePort());
	const base = `http://127.0.0.1:${listenOn}`;
	const child = spawn(process.execPath, [path.join(ROOT, 'server/index.ts')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(listenOn), HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	// The child says nothing when it is ready (LOG_LEVEL=error), so readiness is polled, with a deadline.
	const until = Date.now() + 20_000;
	while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
		if (child.exitCode !== null) throw new Error(`the built server exited with ${child.exitCode}`);
		if (Date.now() > until) throw new Error('the built server did not answer /healthz within 20 s');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		base,
		port: listenOn,
		process: child,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	};
}
