// `psems users` through the real bin, on a database a server made: the operator's way in when
// nobody can sign in to the web UI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createServices } from '../../server/services.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';
import { insertUser } from '../helpers/services.ts';

const BIN = path.resolve(import.meta.dirname, '../../server/cli/psems.ts');
let dataDir = '';

function psems(...args: string[]) {
	const run = spawnSync(process.execPath, [BIN, 'users', ...args], { env: { ...process.env, DATA_DIR: dataDir, ORIGIN: 'https://review.port.test' }, encoding: 'utf8' });
	return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

beforeAll(() => {
	dataDir = tempDataDir('psems-users-cli-');
	const services = createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test'));
	insertUser(services, { name: 'Only Admin', email: 'only.admin@port.test', isAdmin: true });
	services.close();
});
afterAll(() => removeDir(dataDir));

describe('psems users', () => {
	it('creates an account with a reset link, lists it, makes it an administrator and hands out a new link', () => {
		const created = psems('create', 'ana.harbour@port.test', 'Ana', 'Harbour', '--reviewer');
		expect(created.code).toBe(0);
		expect(created.out).toMatch(/^psems users: created ana\.harbour@port\.test\. Set a password within 30 minutes: https:\/\/review\.port\.test\/reset\/[a-z0-9]+$/);

		expect(psems('make-admin', 'ana.harbour@port.test')).toMatchObject({ code: 0, out: 'psems users: ana.harbour@port.test is an administrator.' });
		const list = psems('list');
		expect(list.out.split('\n')).toEqual(['ana.harbour@port.test\tAna Harbour\tadmin,reviewer\tactive', 'only.admin@port.test\tOnly Admin\tadmin,reviewer\tactive']);
		expect(psems('reset-link', 'ana.harbour@port.test').out).toMatch(/valid 30 minutes: https:\/\/review\.port\.test\/reset\//);
	});

	it('deactivates an account, but never the last active administrator', () => {
		expect(psems('deactivate', 'ana.harbour@port.test')).toMatchObject({ code: 0 });
		const refused = psems('deactivate', 'only.admin@port.test');
		expect(refused.code).toBe(1);
		expect(refused.err).toContain('at least one active administrator');
		expect(psems('list').out).toContain('ana.harbour@port.test\tAna Harbour\tadmin,reviewer\tdeactivated');
	});

	it('says what is wrong with a missing account or bad input', () => {
		expect(psems('reset-link', 'nobody@port.test')).toMatchObject({ code: 66, err: 'psems users: no account for nobody@port.test.' });
		expect(psems('create', 'not-an-email')).toMatchObject({ code: 64 });
		expect(psems('frobnicate').code).toBe(64);
	});
});
