// `psems verify` and `psems backup` as an operator runs them: child processes on a DATA_DIR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loadConfig } from '../../server/config.ts';
import { createServices, type Services } from '../../server/services.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';
import { createReviewAs, insertUser } from '../helpers/services.ts';
import { value } from './records-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const open: Services[] = [];

afterEach(() => {
	for (const services of open.splice(0)) services.close();
	for (const dir of dirs.splice(0)) removeDir(dir);
});

function psems(dataDir: string, ...args: string[]) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'server/cli/psems.ts'), ...args], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
		encoding: 'utf8',
		timeout: 20_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A data directory holding a review with two frozen versions; the services stay open. */
async function dataWithTwoVersions() {
	const dataDir = tempDataDir('psems-cli-');
	dirs.push(dataDir);
	const services = createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test'));
	open.push(services);
	const facilitator = insertUser(services, { name: 'Fran Facilitator', isAdmin: true });
	const reviewId = createReviewAs(services, facilitator).id;
	value(await services.records.freeze(facilitator, reviewId, { label: 'One', note: '' }));
	value(await services.records.freeze(facilitator, reviewId, { label: 'Two', note: '' }));
	return { dataDir, services, reviewId };
}

describe('psems verify', () => {
	it('exits 0 with a one-line summary, then non-zero naming the row after tampering', async () => {
		const { dataDir, services, reviewId } = await dataWithTwoVersions();
		const intact = psems(dataDir, 'verify');
		expect(intact.code).toBe(0);
		expect(intact.stdout.trim()).toMatch(/^psems verify: intact \(2 snapshots, 0 signatures, 2 audit entries, 0 evidence files checked in .*psems\.sqlite\)$/);

		const row = (await services.repos.snapshots.get(reviewId, 1))!;
		services.db.exec('DROP TRIGGER snapshots_no_update');
		services.db.prepare('UPDATE snapshots SET record_json = ? WHERE id = ?').run(row.recordJson.replace('Testhaven', 'Testhavem'), row.id);

		const tampered = psems(dataDir, 'verify');
		expect(tampered.code).toBe(1);
		expect(tampered.stderr).toContain(`snapshots row ${row.id}: review ${reviewId} version 1: content hash does not match`);
		expect(tampered.stderr).toMatch(/psems verify: 1 problem found/);
	});

	it('says where it looked when there is no database', () => {
		const dataDir = tempDataDir('psems-cli-empty-');
		dirs.push(dataDir);
		const result = psems(path.join(dataDir, 'missing'), 'verify');
		expect(result.code).toBe(66);
		expect(result.stderr).toMatch(/no database at .*missing.*psems\.sqlite/);
		expect(fs.existsSync(path.join(dataDir, 'missing'))).toBe(false);
	});

	it('explains its commands', () => {
		expect(psems('/nonexistent', 'help')).toMatchObject({ code: 0, stdout: expect.stringContaining('psems backup <file>') });
		expect(psems('/nonexistent', 'frobnicate')).toMatchObject({ code: 64, stderr: expect.stringContaining('unknown command') });
	});
});

describe('psems backup', () => {
	it('writes a copy, while the database is open, that opens and verifies', async () => {
		const { dataDir, services, reviewId } = await dataWithTwoVersions();
		const copyDir = tempDataDir('psems-cli-copy-');
		dirs.push(copyDir);
		const copy = path.join(copyDir, 'psems.sqlite');

		const result = psems(dataDir, 'backup', copy);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/wrote .*psems\.sqlite .* the copy is intact \(2 snapshots/);

		const db = new Database(copy, { readonly: true });
		const versions = db.prepare('SELECT version FROM snapshots WHERE review_id = ? ORDER BY version').pluck().all(reviewId);
		db.close();
		expect(versions).toEqual([1, 2]);
		expect(psems(copyDir, 'verify')).toMatchObject({ code: 0, stdout: expect.stringContaining('intact (2 snapshots') });

		expect(psems(dataDir, 'backup', copy)).toMatchObject({ code: 73, stderr: expect.stringContaining('exists already') });
		expect(psems(dataDir, 'backup').code).toBe(64);
		expect((await services.records.verifyAll()).ok).toBe(true);
	});
});
