// Sign-off of frozen versions: meanings bound to roles, password re-entered, supersession.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { sha256Hex } from '../../src/lib/shared/record/canonical-json.ts';
import { signedDeclarationHashes } from '../../server/records/declaration.ts';
import { createRecordsFixture, PASSWORD, value, type RecordsFixture } from './records-fixture.ts';

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

const signatureRows = () => (f.services.db.prepare('SELECT COUNT(*) AS n FROM signatures').get() as { n: number }).n;

describe('signing a frozen version', () => {
	it('lets the accountable manager approve, which makes the version signed', async () => {
		const v1 = value(await f.freeze());
		f.clock.advance(5_000);
		const signature = value(await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD }));
		const { text, hash } = value(await f.services.records.declaration(f.reviewId, 1, 'approved'));

		expect(signature).toMatchObject({
			version: 1,
			meaning: 'approved',
			printedName: 'Alex Accountable',
			role: 'accountable_manager',
			signerUserId: f.accountableManager.id,
			signedAt: '2026-11-25T00:00:05.000Z',
			recordHash: v1.contentHash,
			declarationHash: hash
		});
		expect(sha256Hex(text)).toBe(hash);
		const [listed] = value(await f.services.records.listVersions(f.departmentHead.id, f.reviewId));
		expect(listed.status).toBe('signed');
		expect(listed.signatures).toEqual([signature]);
		const audit = (await f.services.audit.entries(f.reviewId)).filter((e) => e.action === 'signature');
		expect(audit[0]).toMatchObject({ actorId: f.accountableManager.id, details: { signatureId: signature.id, recordHash: v1.contentHash } });
		expect((await f.services.records.verifyAll()).ok).toBe(true);
	});

	it('lets only the accountable manager approve', async () => {
		value(await f.freeze());
		for (const someone of [f.facilitator, f.securityManager, f.departmentHead]) {
			const refused = await f.services.records.sign(someone, f.reviewId, 1, { meaning: 'approved', password: PASSWORD });
			expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		}
		const attempt = await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'attested', password: PASSWORD });
		expect(attempt).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(signatureRows()).toBe(0);
	});

	it('lets the facilitator attest and the security manager review, neither of which signs the version', async () => {
		value(await f.freeze());
		value(await f.services.records.sign(f.facilitator, f.reviewId, 1, { meaning: 'attested', password: PASSWORD }));
		value(await f.services.records.sign(f.securityManager, f.reviewId, 1, { meaning: 'reviewed', password: PASSWORD }));
		const [listed] = value(await f.services.records.listVersions(f.facilitator.id, f.reviewId));
		expect(listed.status).toBe('frozen');
		expect(listed.signatures.map((s) => [s.meaning, s.role])).toEqual([
			['attested', 'facilitator'],
			['reviewed', 'security_manager']
		]);
	});

	it('leaves no signature row when the password is wrong', async () => {
		value(await f.freeze());
		const refused = await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: 'not my password' });
		expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated', field: 'password' } });
		expect(signatureRows()).toBe(0);
		expect((await f.services.audit.entries(f.reviewId)).some((e) => e.action === 'signature')).toBe(false);
	});

	it('accepts one signature per meaning per person on a version', async () => {
		value(await f.freeze());
		value(await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD }));
		const again = await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD });
		expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(signatureRows()).toBe(1);
	});

	it('shows version 1 superseded with its signature kept after signing it and freezing version 2', async () => {
		value(await f.freeze('First'));
		const signature = value(await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD }));
		value(await f.freeze('Second'));

		const [v1, v2] = value(await f.services.records.listVersions(f.accountableManager.id, f.reviewId));
		expect(v1).toMatchObject({ version: 1, superseded: true, status: 'superseded', signatures: [signature] });
		expect(v2).toMatchObject({ version: 2, superseded: false, status: 'frozen', signatures: [] });
		expect(value(await f.services.records.getVersion(f.accountableManager.id, f.reviewId, 1)).signatures).toEqual([signature]);
		const late = await f.services.records.sign(f.securityManager, f.reviewId, 1, { meaning: 'reviewed', password: PASSWORD });
		expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect((await f.services.records.verifyAll()).ok).toBe(true);
	});

	it('refuses a version that does not exist', async () => {
		const missing = await f.services.records.sign(f.accountableManager, f.reviewId, 3, { meaning: 'approved', password: PASSWORD });
		expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});
});

describe('the declaration', () => {
	it('names the version and hash, and lists the accepted residual risks by title', async () => {
		f.edit(({ workspace }) => {
			const action = (title: string, status: 'risk_accepted' | 'agreed') =>
				value(createAction(
					workspace,
					{ title, linkedElements: ['A1'], owner: 'Ops', dueDate: null, priority: 'P2', status, successMeasure: '', expectedLevelAfter: null },
					{ id: f.facilitator.id },
					() => true,
					f.clock.now()
				));
			action('Fence the north quay', 'agreed');
			action('Live with the old CCTV until 2027', 'risk_accepted');
		});
		const v1 = value(await f.freeze());
		const { text } = value(await f.services.records.declaration(f.reviewId, 1, 'approved'));
		expect(text).toContain(`version 1`);
		expect(text).toContain(v1.contentHash);
		expect(text).toContain('- Live with the old CCTV until 2027 (A1)');
		expect(text).not.toContain('- Fence the north quay');
		expect(text).toContain('improvement plan (2 actions)');
		expect(text).toMatch(/undue pressure/);
		expect(value(await f.services.records.declaration(f.reviewId, 1, 'approved')).text).toBe(text);
		expect(value(await f.services.records.declaration(f.reviewId, 1, 'attested')).text).not.toBe(text);
	});

	it('names no proof (a password or a sign-in at the identity provider), and signatures of the earlier wording still verify', async () => {
		const v1 = value(await f.freeze());
		const { text, hash } = value(await f.services.records.declaration(f.reviewId, 1, 'approved'));
		expect(text).toContain('By signing I declare that:');
		expect(text).not.toMatch(/password/);
		// Signatures made before identity-provider proofs carry the hash of "By signing with my password ...".
		const record = value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, 1)).record;
		const earlier = sha256Hex(text.replace('By signing I declare that:', 'By signing with my password I declare that:'));
		expect(signedDeclarationHashes(record, 1, v1.contentHash, 'approved')).toEqual([earlier, hash]);
		value(await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD }));
		expect((await f.services.repos.signatures.all())[0].declarationHash).toBe(hash);
		expect((await f.services.records.verifyAll()).ok).toBe(true);
	});
});
