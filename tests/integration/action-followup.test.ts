// Follow-up of signed plan actions (issue 15, part 2) on real services and a real SQLite file:
// the owner reports, the facilitator or security manager verifies with a level or sends back with
// a reason, every change is audited, refusals change nothing, and the signed record stays as signed.
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { createRecordsFixture, PASSWORD, value, type RecordsFixture } from './records-fixture.ts';
import { addParticipant, insertUser } from '../helpers/services.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';
import { PDF_BYTES } from '../helpers/evidence.ts';

let f: RecordsFixture;
let observer: SessionUser;
let otherHead: SessionUser;
let fenceId: string;
let cctvId: string;

/** Two actions, one owned by the department head (by name), one by the security manager (by email). */
beforeEach(async () => {
	f = await createRecordsFixture();
	observer = insertUser(f.services, { name: 'Olu Observer' });
	addParticipant(f.services, f.reviewId, observer, 'observer');
	otherHead = insertUser(f.services, { name: 'Ivan IT' });
	addParticipant(f.services, f.reviewId, otherHead, 'department_head', 'IT and OT');
	const smEmail = (await f.services.repos.users.findById(f.securityManager.id))!.email;
	f.edit(({ workspace }) => {
		const add = (title: string, owner: string, dueDate: string) =>
			value(createAction(
				workspace,
				{ title, linkedElements: ['A2'], owner, dueDate, priority: 'P1', status: 'agreed', successMeasure: 'Drill passed', expectedLevelAfter: 3 },
				{ id: f.facilitator.id },
				() => true,
				f.clock.now()
			));
		fenceId = add('Fence the north quay', 'dee head', '2026-11-20');
		cctvId = add('Replace the gate CCTV', smEmail, '2027-03-01');
	});
	value(await f.freeze());
	value(await f.services.records.sign(f.accountableManager, f.reviewId, 1, { meaning: 'approved', password: PASSWORD }));
});
afterEach(() => f.services.cleanup());

const followup = () => f.services.followup;
const rows = () => (f.services.db.prepare('SELECT * FROM action_followups ORDER BY action_id').all() as unknown[]);
const followupAudit = async () => (await f.services.audit.entries(f.reviewId)).filter((e) => e.action.startsWith('action_'));
const recordJson = async () => value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, 1)).recordJson;

async function attachPdf(by: SessionUser, actionId: string, name = 'fence-handover.pdf') {
	return value(await f.services.evidence.upload(by, f.reviewId, { targetKind: 'action', targetId: actionId, name, confidential: false, declaredBytes: null }, Readable.from([PDF_BYTES])));
}

describe('following up signed actions', () => {
	it("shows each owner their own actions, matched by name or email, with the overdue one marked", async () => {
		const mine = await followup().mine(f.departmentHead);
		expect(mine.map((a) => [a.title, a.status, a.overdue, a.canUpdate])).toEqual([['Fence the north quay', 'not_started', true, true]]);
		expect((await followup().mine(f.securityManager)).map((a) => [a.title, a.overdue])).toEqual([['Replace the gate CCTV', false]]);
		expect(await followup().mine(otherHead)).toEqual([]);
		// The overdue view: the accountable manager and the security manager see it, a department head does not.
		expect((await followup().overdue(f.accountableManager)).map((a) => a.title)).toEqual(['Fence the north quay']);
		expect((await followup().overdue(f.securityManager)).map((a) => a.title)).toEqual(['Fence the north quay']);
		expect(await followup().overdue(f.departmentHead)).toEqual([]);
	});

	it('lets the owner report progress and a note, audited, without touching the signed record', async () => {
		const before = await recordJson();
		f.clock.advance(60_000);
		const updated = value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'in_progress', note: 'Posts ordered; contractor starts Monday.' }));
		expect(updated).toMatchObject({ status: 'in_progress', progressNote: 'Posts ordered; contractor starts Monday.', updatedByName: 'Dee Head', overdue: true });
		expect((await followup().mine(f.departmentHead))[0]).toMatchObject({ status: 'in_progress', progressNote: 'Posts ordered; contractor starts Monday.' });
		expect(await followupAudit()).toMatchObject([
			{ action: 'action_followup', actorId: f.departmentHead.id, details: { actionId: fenceId, version: 1, from: 'not_started', status: 'in_progress', note: 'Posts ordered; contractor starts Monday.' } }
		]);
		expect(await recordJson()).toBe(before);
		expect((await f.services.records.verifyAll()).ok).toBe(true);
	});

	it('refuses a department head who is not the owner, an observer and a signed-out visitor, and changes nothing', async () => {
		expect(await followup().update(otherHead, f.reviewId, fenceId, { status: 'in_progress', note: 'Not mine' })).toMatchObject({
			ok: false,
			error: { code: 'forbidden', message: 'Only the owner of this action (dee head) can report on it.' }
		});
		expect(await followup().update(observer, f.reviewId, fenceId, { status: 'in_progress', note: '' })).toMatchObject({
			ok: false,
			error: { code: 'forbidden', message: 'Your role in this review cannot report on actions.' }
		});
		expect(await followup().update(null, f.reviewId, fenceId, { status: 'in_progress', note: '' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
		const outsider = insertUser(f.services, { name: 'Dee Head' });
		expect(await followup().update(outsider, f.reviewId, fenceId, { status: 'in_progress', note: '' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(rows()).toEqual([]);
		expect(await followupAudit()).toEqual([]);
	});

	it('changes nothing on bad input, and says what is wrong in a sentence', async () => {
		expect(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'verified', note: '' })).toMatchObject({
			ok: false,
			error: { code: 'invalid_input', field: 'status', message: 'Choose a status: not started, in progress or done.' }
		});
		expect(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'in_progress', note: 'x'.repeat(4001) })).toMatchObject({
			ok: false,
			error: { code: 'invalid_input', field: 'note' }
		});
		expect(await followup().update(f.departmentHead, f.reviewId, 'no-such-action', { status: 'in_progress' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
		value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'done_awaiting_verification', note: 'Fence up.' }));
		const done = rows();
		for (const level of ['', '6', '-1', '2.5', 'three', null]) {
			expect(await followup().verify(f.facilitator, f.reviewId, fenceId, { level })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'level' } });
		}
		expect(rows()).toEqual(done);
		expect(await followupAudit()).toHaveLength(1);
	});

	it('sends a done action with its evidence to the verifiers, and the facilitator verifies it with the level reached', async () => {
		const file = await attachPdf(f.departmentHead, fenceId);
		f.clock.advance(1_000);
		const done = value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'done_awaiting_verification', note: 'Fence installed and inspected.' }));
		expect(done).toMatchObject({ status: 'done_awaiting_verification', evidence: [{ id: file.id, name: 'fence-handover.pdf' }] });
		// Mail to the facilitator and the security manager, not to the owner.
		const mails = (await f.services.repos.mailOutbox.recent()).filter((m) => m.kind === 'verification_request');
		expect(mails.map((m) => m.toName).sort()).toEqual(['Fran Facilitator', 'Sam Security']);
		expect(mails[0].subject).toBe('Action done, awaiting your verification: Fence the north quay');

		const page = value(await followup().forReview(f.facilitator, f.reviewId));
		expect(page.actions.find((a) => a.actionId === fenceId)).toMatchObject({ canVerify: true, status: 'done_awaiting_verification' });
		// A department head cannot verify, and cannot even open the review's follow-up.
		expect(await followup().verify(otherHead, f.reviewId, fenceId, { level: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await followup().verify(f.accountableManager, f.reviewId, fenceId, { level: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		// The role is refused before anything is looked up: no probing for action ids.
		expect(await followup().verify(otherHead, f.reviewId, 'no-such-action', { level: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await followup().forReview(f.departmentHead, f.reviewId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

		f.clock.advance(1_000);
		const verified = value(await followup().verify(f.facilitator, f.reviewId, fenceId, { level: '3' }));
		expect(verified).toMatchObject({ status: 'verified', levelReached: 3, verifiedByName: 'Fran Facilitator', overdue: false, canUpdate: false });
		expect(await followup().overdue(f.accountableManager)).toEqual([]);
		// Verified is final: the owner cannot change it, nor can it be verified twice.
		expect(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'in_progress' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(await followup().verify(f.securityManager, f.reviewId, fenceId, { level: 4 })).toMatchObject({ ok: false, error: { code: 'conflict' } });

		expect((await followupAudit()).map((e) => [e.action, e.actorId, e.details.levelReached ?? null])).toEqual([
			['action_followup', f.departmentHead.id, null],
			['action_verified', f.facilitator.id, 3]
		]);
		expect((await followupAudit())[0].details.evidence).toEqual([file.id]);
		const history = value(await followup().forReview(f.accountableManager, f.reviewId)).history[fenceId];
		expect(history.map((h) => h.text)).toEqual(['Done, awaiting verification: Fence installed and inspected.', 'Verified at level 3']);
		expect((await f.services.audit.verifyChain()).problems).toEqual([]);
	});

	it('needs a reason to send an action back, and the owner sees it and can report again', async () => {
		value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'done_awaiting_verification', note: 'Done.' }));
		for (const reason of ['', '   ', undefined]) {
			expect(await followup().sendBack(f.securityManager, f.reviewId, fenceId, { reason })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
		}
		expect((await followup().mine(f.departmentHead))[0].status).toBe('done_awaiting_verification');
		const back = value(await followup().sendBack(f.securityManager, f.reviewId, fenceId, { reason: 'No photo of the east section.' }));
		expect(back).toMatchObject({ status: 'sent_back', sendBackReason: 'No photo of the east section.', sentBackByName: 'Sam Security' });
		expect((await followup().mine(f.departmentHead))[0]).toMatchObject({ status: 'sent_back', sendBackReason: 'No photo of the east section.', canUpdate: true });
		expect(await followup().verify(f.facilitator, f.reviewId, fenceId, { level: 3 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
		value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'done_awaiting_verification', note: 'East section photographed.' }));
		expect((await followupAudit()).map((e) => e.action)).toEqual(['action_followup', 'action_sent_back', 'action_followup']);
		expect((await followupAudit())[1].details).toMatchObject({ actionId: fenceId, reason: 'No photo of the east section.' });
	});

	it('does not let the person who reported an action done verify it', async () => {
		value(await followup().update(f.securityManager, f.reviewId, cctvId, { status: 'done_awaiting_verification', note: 'Cameras replaced.' }));
		expect(await followup().verify(f.securityManager, f.reviewId, cctvId, { level: 4 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(value(await followup().verify(f.facilitator, f.reviewId, cctvId, { level: 4 })).levelReached).toBe(4);
	});

	it('follows nothing before the record is signed', async () => {
		const fresh = await createRecordsFixture();
		try {
			value(await fresh.freeze());
			expect(await fresh.services.followup.mine(fresh.departmentHead)).toEqual([]);
			expect(value(await fresh.services.followup.forReview(fresh.facilitator, fresh.reviewId))).toMatchObject({ version: null, actions: [] });
		} finally {
			fresh.services.cleanup();
		}
	});

	it('leaves verified and done actions out of the daily digest', async () => {
		f.clock.set(Date.UTC(2026, 10, 25, 7));
		value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'done_awaiting_verification', note: '' }));
		expect(await f.services.digest.run()).toBe(0);
	});

	it('lists an overdue action in the digest while it is still open', async () => {
		f.clock.set(Date.UTC(2026, 10, 25, 7));
		value(await followup().update(f.departmentHead, f.reviewId, fenceId, { status: 'in_progress', note: '' }));
		expect(await f.services.digest.run()).toBe(1);
		const digest = (await f.services.repos.mailOutbox.recent()).find((m) => m.kind === 'due_digest')!;
		expect(digest.textBody).toContain('Fence the north quay');
		expect(digest.textBody).toContain('/actions');
	});
});
