// Immutability and verification: the database refuses changes to frozen rows, and whatever gets
// past it (a dropped trigger, an edited file) is found by verify, which names the row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import { createRecordsFixture, PASSWORD, value, type RecordsFixture } from './records-fixture.ts';

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

const idOf = async (version: number) => (await f.services.repos.snapshots.get(f.reviewId, version))!.id;
const run = (sql: string, ...params: unknown[]) => f.services.db.prepare(sql).run(...params);
const dropTriggers = (table: 'snapshots' | 'signatures' | 'audit_log') =>
	f.services.db.exec(`DROP TRIGGER ${table}_no_update; DROP TRIGGER ${table}_no_delete;`);

async function threeVersionsOneSigned() {
	for (const [i, label] of ['One', 'Two', 'Three'].entries()) {
		f.edit(({ workspace }) => setSelfScore(workspace, 'A1', i + 1));
		value(await f.freeze(label));
		f.clock.advance(1_000);
	}
	value(await f.services.records.sign(f.accountableManager, f.reviewId, 3, { meaning: 'approved', password: PASSWORD }));
	expect(await f.services.records.verifyAll()).toMatchObject({ ok: true, problems: [] });
}

describe('append-only tables', () => {
	it('refuses UPDATE and DELETE on snapshot, signature and audit rows', async () => {
		value(await f.freeze());
		value(await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD }));
		expect(() => run("UPDATE snapshots SET label = 'changed'")).toThrow(/append-only/);
		expect(() => run('DELETE FROM snapshots')).toThrow(/append-only/);
		expect(() => run("UPDATE signatures SET printed_name = 'Someone Else'")).toThrow(/append-only/);
		expect(() => run('DELETE FROM signatures')).toThrow(/append-only/);
		expect(() => run("UPDATE audit_log SET actor_name = 'Nobody'")).toThrow(/append-only/);
		expect(() => run('DELETE FROM audit_log')).toThrow(/append-only/);
		expect((await f.services.repos.snapshots.get(f.reviewId, 1))?.label).toBe('Agreed at the closing session');
		expect(await f.services.repos.signatures.count()).toBe(1);
	});
});

describe('verify', () => {
	it('reports intact data with counts of what it checked', async () => {
		await threeVersionsOneSigned();
		const report = await f.services.records.verifyAll();
		expect(report.checked).toEqual({ snapshots: 3, signatures: 1, auditEntries: 4 });
	});

	it('fails and names the row when one byte of a stored record changes', async () => {
		await threeVersionsOneSigned();
		dropTriggers('snapshots');
		const json = (await f.services.repos.snapshots.get(f.reviewId, 2))!.recordJson;
		const at = json.indexOf('Testhaven');
		run('UPDATE snapshots SET record_json = ? WHERE id = ?', `${json.slice(0, at)}B${json.slice(at + 1)}`, await idOf(2));

		const report = await f.services.records.verifyAll();
		expect(report.ok).toBe(false);
		expect(report.problems).toEqual([
			expect.objectContaining({ table: 'snapshots', rowId: await idOf(2), message: expect.stringMatching(/version 2: content hash does not match/) })
		]);
		expect((await f.services.records.verifyReview(f.reviewId)).ok).toBe(false);
	});

	it('fails when a stored record is replaced together with its content hash', async () => {
		await threeVersionsOneSigned();
		dropTriggers('snapshots');
		const row = (await f.services.repos.snapshots.get(f.reviewId, 1))!;
		const forged = canonicalJson({ ...JSON.parse(row.recordJson), problems: ['forged'] });
		const { contentHashOf } = await import('../../server/records/hashes.ts');
		run('UPDATE snapshots SET record_json = ?, content_hash = ? WHERE id = ?', forged, contentHashOf(forged), row.id);
		const messages = (await f.services.records.verifyAll()).problems.filter((p) => p.rowId === row.id).map((p) => p.message);
		expect(messages.join('\n')).toMatch(/chain hash does not match/);
		expect(messages.join('\n')).toMatch(/differs from its freeze entry .* contentHash/);
	});

	it('fails when a version in the middle is deleted, naming the next version and the orphaned audit entry', async () => {
		await threeVersionsOneSigned();
		const deleted = await idOf(2);
		dropTriggers('snapshots');
		run('DELETE FROM snapshots WHERE id = ?', deleted);

		const { problems } = await f.services.records.verifyAll();
		expect(problems).toContainEqual(expect.objectContaining({ table: 'snapshots', rowId: await idOf(3), message: expect.stringMatching(/expected version 2/) }));
		expect(problems).toContainEqual(
			expect.objectContaining({ table: 'audit_log', message: expect.stringMatching(/freeze of version 2 .* snapshot row is missing/) })
		);
	});

	it('fails when the latest version is deleted', async () => {
		value(await f.freeze('One'));
		value(await f.freeze('Two'));
		dropTriggers('snapshots');
		run('DELETE FROM snapshots WHERE version = 2');
		const { ok, problems } = await f.services.records.verifyAll();
		expect(ok).toBe(false);
		expect(problems[0].message).toMatch(/freeze of version 2/);
	});

	it('fails when two versions swap places', async () => {
		await threeVersionsOneSigned();
		const [first, second] = [await idOf(1), await idOf(2)];
		dropTriggers('snapshots');
		run('UPDATE snapshots SET version = 99 WHERE id = ?', first);
		run('UPDATE snapshots SET version = 1 WHERE id = ?', second);
		run('UPDATE snapshots SET version = 2 WHERE id = ?', first);

		const rows = (await f.services.records.verifyAll()).problems.filter((p) => p.table === 'snapshots').map((p) => p.rowId);
		expect(rows).toContain(first);
		expect(rows).toContain(second);
	});

	it('fails when two audit entries swap places, naming both', async () => {
		await threeVersionsOneSigned();
		dropTriggers('audit_log');
		run('UPDATE audit_log SET seq = 99 WHERE seq = 2');
		run('UPDATE audit_log SET seq = 2 WHERE seq = 3');
		run('UPDATE audit_log SET seq = 3 WHERE seq = 99');
		const rows = (await f.services.records.verifyAll()).problems.filter((p) => p.table === 'audit_log').map((p) => p.rowId);
		expect(rows).toEqual(expect.arrayContaining(['2', '3']));
	});

	it('fails when an audit entry is deleted', async () => {
		await threeVersionsOneSigned();
		dropTriggers('audit_log');
		run('DELETE FROM audit_log WHERE seq = 1');
		const { problems } = await f.services.records.verifyAll();
		expect(problems).toContainEqual(expect.objectContaining({ table: 'audit_log', rowId: '2', message: expect.stringMatching(/missing or out of order/) }));
		expect(problems).toContainEqual(expect.objectContaining({ table: 'snapshots', rowId: await idOf(1), message: expect.stringMatching(/no freeze entry/) }));
	});

	it('fails when a signature is altered, moved to another version or deleted', async () => {
		await threeVersionsOneSigned();
		const signatureId = (await f.services.repos.signatures.all())[0].id;
		dropTriggers('signatures');
		run("UPDATE signatures SET printed_name = 'Someone Else' WHERE id = ?", signatureId);
		expect((await f.services.records.verifyAll()).problems).toEqual([
			expect.objectContaining({ table: 'signatures', rowId: signatureId, message: expect.stringMatching(/differs from its audit entry .* printedName/) })
		]);

		run("UPDATE signatures SET printed_name = 'Alex Accountable', version = 2 WHERE id = ?", signatureId);
		const moved = (await f.services.records.verifyAll()).problems.map((p) => p.message).join('\n');
		expect(moved).toMatch(/record hash does not match/);
		expect(moved).toMatch(/different snapshot row/);

		run('DELETE FROM signatures WHERE id = ?', signatureId);
		expect((await f.services.records.verifyAll()).problems).toEqual([
			expect.objectContaining({ table: 'audit_log', message: expect.stringMatching(/signature row is missing/) })
		]);
	});
});

describe('checking a JSON export', () => {
	async function exportOf(version: number) {
		const v = value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, version));
		return {
			format: 'psems-evaluation-record-export/1',
			reviewId: v.reviewId,
			version: v.version,
			contentHash: v.contentHash,
			chainHash: v.chainHash,
			frozenAt: v.frozenAt,
			frozenBy: v.frozenByName,
			record: v.record,
			signatures: v.signatures
		};
	}

	it('confirms an unchanged export, whatever its key order or whitespace', async () => {
		await threeVersionsOneSigned();
		const text = JSON.stringify(await exportOf(3), null, 2);
		expect(value(await f.services.records.verifyExport(text))).toMatchObject({ reviewId: f.reviewId, version: 3, matches: true });
	});

	it('rejects an export whose record was edited, or which claims another version', async () => {
		await threeVersionsOneSigned();
		const edited = await exportOf(2);
		edited.record.elements[0].selfScore = 5;
		expect(value(await f.services.records.verifyExport(JSON.stringify(edited)))).toMatchObject({ matches: false, message: expect.stringMatching(/changed after export/) });

		const relabelled = { ...(await exportOf(2)), version: 1 };
		expect(value(await f.services.records.verifyExport(JSON.stringify(relabelled)))).toMatchObject({ matches: false, message: expect.stringMatching(/differs from version 1/) });

		const forgedSignature = await exportOf(3);
		forgedSignature.signatures[0] = { ...forgedSignature.signatures[0], printedName: 'Someone Else' };
		expect(value(await f.services.records.verifyExport(JSON.stringify(forgedSignature)))).toMatchObject({ matches: false });
	});

	it('refuses a file that is not an export', async () => {
		expect(await f.services.records.verifyExport('not json')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
		expect(await f.services.records.verifyExport('{"format":"something else"}')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
	});
});
