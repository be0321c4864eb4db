// The audit chain records who signed in and every change to who takes part in a review.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeRoleForm, InviteForm, LoginForm } from '../../src/lib/shared/forms.ts';
import { createRecordsFixture, PASSWORD, value, type RecordsFixture } from './records-fixture.ts';

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

describe('the audit chain', () => {
	it('records a successful sign-in but not a failed one', async () => {
		const email = (await f.services.repos.users.findById(f.accountableManager.id))!.email;
		await f.services.accounts.signIn(LoginForm.parse({ email, password: 'wrong password here' }), '192.0.2.1');
		value(await f.services.accounts.signIn(LoginForm.parse({ email, password: PASSWORD }), '192.0.2.1'));
		const entries = await f.services.repos.auditLog.all();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ seq: 1, action: 'sign_in', actorId: f.accountableManager.id, actorName: 'Alex Accountable', reviewId: null, previousHash: null });
		expect(JSON.parse(entries[0].details)).toEqual({ ip: '192.0.2.1' });
	});

	it('records an accepted invitation, a role change and a removal, each linked to the one before', async () => {
		const invited = value(
			await f.services.participants.invite(f.facilitator, f.reviewId, InviteForm.parse({ name: 'Obi Observer', email: 'obi@example.test', role: 'observer', department: '' }))
		);
		const obi = { id: crypto.randomUUID(), email: 'obi@example.test', name: 'Obi Observer', isAdmin: false, mayCreateReviews: false };
		await f.services.repos.users.insert({ ...obi, passwordHash: 'x', createdAt: 0 });
		value(await f.services.participants.acceptAsSignedIn(invited.token, obi));
		value(await f.services.participants.changeRole(f.facilitator, f.reviewId, ChangeRoleForm.parse({ userId: obi.id, role: 'department_head', department: 'Marine' })));
		value(await f.services.participants.remove(f.facilitator, f.reviewId, obi.id));

		const entries = await f.services.audit.entries(f.reviewId);
		expect(entries.map((e) => [e.action, e.actorName])).toEqual([
			['invite_accepted', 'Obi Observer'],
			['role_changed', 'Fran Facilitator'],
			['participant_removed', 'Fran Facilitator']
		]);
		expect(entries[1].details).toEqual({ userId: obi.id, from: 'observer', to: 'department_head', department: 'Marine' });
		expect(entries[1].previousHash).toBe(entries[0].hash);
		expect(entries[2].previousHash).toBe(entries[1].hash);
		expect(await f.services.records.verifyAll()).toMatchObject({ ok: true, checked: { auditEntries: 3 } });
	});

	it('writes entries a caller appends, such as an export', async () => {
		value(await f.freeze());
		const entry = await f.services.audit.append({ actorId: f.departmentHead.id, action: 'export', reviewId: f.reviewId, details: { version: 1, kind: 'pdf' } });
		expect(entry).toMatchObject({ seq: 2, action: 'export', actorName: 'Dee Head' });
		expect((await f.services.records.verifyAll()).ok).toBe(true);
	});

	it('exports through the records service, which checks the role and audits each download', async () => {
		value(await f.freeze());
		const observer = { id: crypto.randomUUID(), email: 'olu@example.test', name: 'Olu Observer', isAdmin: false, mayCreateReviews: false };
		await f.services.repos.users.insert({ ...observer, passwordHash: 'x', createdAt: 0 });
		await f.services.repos.reviews.addParticipant(f.reviewId, observer.id, 'observer', null, 0);

		const file = value(await f.services.records.exportVersion(f.departmentHead.id, f.reviewId, 1, 'grid.csv'));
		expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8', filename: 'psems-record-port-of-testhaven-v1-grid.csv' });
		expect(await f.services.records.exportVersion(observer.id, f.reviewId, 1, 'json')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await f.services.records.exportVersion(f.departmentHead.id, f.reviewId, 1, 'docx')).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await f.services.records.exportVersion(f.departmentHead.id, f.reviewId, 9, 'json')).toMatchObject({ ok: false, error: { code: 'not_found' } });

		const exports = (await f.services.audit.entries(f.reviewId)).filter((e) => e.action === 'export');
		expect(exports.map((e) => [e.actorName, e.details])).toEqual([['Dee Head', { version: 1, format: 'grid.csv' }]]);
	});
});
