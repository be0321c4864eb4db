// A test process killed with SIGKILL (no exit handlers run) leaves no service running and no
// temp dir behind: the reaper in tests/helpers/infra/processes.ts sees its pipe close and cleans up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { acceptsConnections } from '../../helpers/infra/ports.ts';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
	const startedAt = Date.now();
	while (!(await check())) {
		if (Date.now() - startedAt > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return Date.now() - startedAt;
}

describe('services of a test process that dies', () => {
	it('are stopped and their temp dirs removed when the test process is SIGKILLed', async () => {
		const child = spawn(process.execPath, [path.join(import.meta.dirname, 'orphan-child.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
		const line = await new Promise<string>((resolve, reject) => {
			readline.createInterface({ input: child.stdout! }).once('line', resolve);
			child.once('exit', (code) => reject(new Error(`orphan-child exited with ${code} before starting its services`)));
		});
		const { pids, dirs, ports } = JSON.parse(line) as { pids: number[]; dirs: string[]; ports: number[] };
		expect(pids.every(isAlive)).toBe(true);
		expect(dirs.every((dir) => fs.existsSync(dir))).toBe(true);

		child.kill('SIGKILL');
		const ms = await eventually(async () => !pids.some(isAlive) && !dirs.some((dir) => fs.existsSync(dir)), 10_000);
		for (const port of ports) expect(await acceptsConnections(port)).toBe(false);
		console.log(`infra/no-orphans: postgres and redis gone ${ms} ms after the SIGKILL`);
	});
});
