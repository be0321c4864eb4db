// The next review from the last (issue 15, part 3): a review started from the signed record of an
// earlier review of the same port takes over its participants (invited again), its open plan
// actions and its evidence files (by reference), and shows its scores as "last review" without
// copying them into the new scores.
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setIndependentScore, readIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { createAction, readPlan } from '../../src/lib/shared/documents/plan.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readStored } from '../../server/collab/document-store.ts';
import { FRAMEWORK_REF, insertUser } from '../helpers/services.ts';
import { PDF_BYTES } from '../helpers/evidence.ts';
import { createRecordsFixture, independentScore, PASSWORD, value, type RecordsFixture } from './records-fixture.ts';

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

const scored = (score: number, rationale: string) => independentScore(score, { rationale });

const action = (title: string, status: 'agreed' | 'cancelled' | 'in_progress' | 'risk_accepted') => ({
	title,
	linkedElements: ['A1'],
	owner: 'Dee Head',
	dueDate: '2027-03-01',
	priority: 'P2' as const,
	status,
	successMeasure: 'Seen in the logs',
	expectedLevelAfter: 3
});

const nextInput = (overrides: Partial<{ portName: string; portCountry: string; framework: string }> = {}) => ({
	title: 'Port of Testhaven review 2027',
	portName: ' port of  testhaven',
	portCountry: 'NOWHERE',
	kind: 'independent_review' as const,
	scheduledOn: '2027-12-01',
	framework: FRAMEWORK_REF,
	...overrides
});

async function attach(targetKind: 'element' | 'action', targetId: string, name: string) {
	return value(
		await f.services.evidence.upload(f.facilitator, f.reviewId, { targetKind, targetId, name, confidential: false, declaredBytes: null }, Readable.from([Buffer.from(PDF_BYTES)]))
	);
}

/** The first review: scored, four actions (one open, one in progress, one cancelled, one verified since), evidence, signed. */
async function signedFirstReview() {
	const ids: Record<string, string> = {};
	f.edit(({ workspace, reviewer }) => {
		value(setIndependentScore(reviewer, 'A1', scored(2, 'Duty logs kept for the main gate only')));
		value(setIndependentScore(reviewer, 'B1', scored(4, 'Threat register reviewed monthly')));
		for (const [key, title, status] of [
			['open', 'Extend the duty logs to every gate', 'agreed'],
			['progress', 'Train the night shift', 'in_progress'],
			['cancelled', 'Buy a second scanner', 'cancelled'],
			['verified', 'Appoint a deputy security manager', 'agreed']
		] as const) {
			ids[key] = value(createAction(workspace, action(title, status), { id: f.facilitator.id }, () => true, f.clock.now()));
		}
	});
	const elementFile = await attach('element', 'A1', 'gate-log.pdf');
	const actionFile = await attach('action', ids.open, 'gate-plan.pdf');
	const frozen = value(await f.freeze());
	value(await f.services.records.sign(f.accountableManager, f.reviewId, frozen.version, { meaning: 'approved', password: PASSWORD }));
	// After sign-off the deputy was appointed and the facilitator verified it closed.
	value(await f.services.followup.update(f.departmentHead, f.reviewId, ids.verified, { status: 'done_awaiting_verification', note: 'Appointed.' }));
	value(await f.services.followup.verify(f.facilitator, f.reviewId, ids.verified, { level: 3 }));
	return { ids, version: frozen.version, elementFile, actionFile };
}

describe('starting the next review from a signed record', () => {
	it('invites the participants again, carries open actions and evidence by reference, and shows the last scores without copying them', async () => {
		const first = await signedFirstReview();
		f.clock.advance(365 * 24 * 3600 * 1000);
		const started = value(await f.services.nextReview.startFrom(f.facilitator, f.reviewId, nextInput()));
		const next = started.review;
		expect(next.previousReviewId).toBe(f.reviewId);
		expect(next.previousVersion).toBe(first.version);
		expect(await f.services.repos.reviews.findById(next.id)).toMatchObject({ previousReviewId: f.reviewId, previousVersion: first.version, frameworkVersion: '1.0' });

		// The creator is the facilitator; everyone else of the signed record is invited with the same role and department.
		expect((await f.services.repos.reviews.participants(next.id)).map((p) => [p.name, p.role])).toEqual([['Fran Facilitator', 'facilitator']]);
		const pending = (await f.services.participants.pending(next.id)).map((i) => [i.name, i.role, i.department]);
		expect(pending.sort()).toEqual(
			[
				['Alex Accountable', 'accountable_manager', null],
				['Dee Head', 'department_head', 'Operations'],
				['Sam Security', 'security_manager', null]
			].sort()
		);
		const mails = (await f.services.repos.mailOutbox.recent()).filter((m) => m.kind === 'invitation');
		expect(mails.map((m) => m.toName).sort()).toEqual(['Alex Accountable', 'Dee Head', 'Sam Security']);

		// Open actions (agreed, in progress) are carried with their source; cancelled and verified ones are not.
		const plan = readPlan(readStored(f.services.store.tx.documents, workspaceDocumentName(next.id)));
		expect(plan.map((a) => [a.title, a.status]).sort()).toEqual([
			['Extend the duty logs to every gate', 'agreed'],
			['Train the night shift', 'in_progress']
		]);
		expect(plan.every((a) => a.source.includes('Port of Testhaven GAP review') && a.source.includes(`version ${first.version}`))).toBe(true);
		expect(started.actionsCarried).toBe(2);

		// Evidence: new rows of the new review naming the same bytes and the row they came from.
		const carried = await f.services.repos.evidenceFiles.forReview(next.id);
		expect(carried.map((c) => [c.name, c.targetKind, c.targetId, c.sha256, c.carriedFrom]).sort()).toEqual(
			[
				['gate-log.pdf', 'element', 'A1', first.elementFile.sha256, first.elementFile.id],
				['gate-plan.pdf', 'action', first.ids.open, first.actionFile.sha256, first.actionFile.id]
			].sort()
		);
		expect(carried.every((c) => c.id !== c.carriedFrom)).toBe(true);

		// Last review's scores are readable for the grid; the new reviewer document has none.
		const last = await f.services.nextReview.lastReview(f.facilitator.id, next.id);
		expect(last).toMatchObject({ reviewId: f.reviewId, version: first.version, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(last?.elements.A1).toEqual({ independentScore: 2, rationale: 'Duty logs kept for the main gate only' });
		expect(last?.elements.B1.independentScore).toBe(4);
		const reviewer = readStored(f.services.store.tx.documents, reviewerDocumentName(next.id));
		expect(['A1', 'B1'].map((code) => readIndependentScore(reviewer, code).score)).toEqual([null, null]);
		expect(await f.services.nextReview.lastReview(f.facilitator.id, f.reviewId)).toBeNull();

		// One audit entry says where it came from.
		const audit = (await f.services.repos.auditLog.all()).filter((e) => e.action === 'review_started_from');
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0].details)).toMatchObject({ sourceReviewId: f.reviewId, sourceVersion: first.version, invited: 3, evidenceCarried: 2 });

		// The new review is listed as a starting point once it is signed, not before.
		expect((await f.services.nextReview.startingPoints(f.facilitator)).map((p) => p.reviewId)).toEqual([f.reviewId]);
	});

	it('refuses someone who is not a member of the source, and creates nothing', async () => {
		await signedFirstReview();
		const outsider = insertUser(f.services, { name: 'Otto Outsider', mayCreateReviews: true });
		const before = (await f.services.repos.reviews.all()).length;
		expect(await f.services.nextReview.startFrom(outsider, f.reviewId, nextInput())).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await f.services.nextReview.startingPoints(outsider)).toEqual([]);
		expect(await f.services.repos.reviews.all()).toHaveLength(before);
	});

	it('refuses a source without a signed version', async () => {
		value(await f.freeze());
		const before = (await f.services.repos.reviews.all()).length;
		expect(await f.services.nextReview.startFrom(f.facilitator, f.reviewId, nextInput())).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'source' } });
		expect(await f.services.nextReview.startingPoints(f.facilitator)).toEqual([]);
		expect(await f.services.repos.reviews.all()).toHaveLength(before);
	});

	it('refuses a different port', async () => {
		await signedFirstReview();
		const before = (await f.services.repos.reviews.all()).length;
		const refused = await f.services.nextReview.startFrom(f.facilitator, f.reviewId, nextInput({ portName: 'Port of Elsewhere' }));
		expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'portName' } });
		expect(await f.services.repos.reviews.all()).toHaveLength(before);
	});

	it('refuses a framework that is not the source version or a newer one with the same elements', async () => {
		await signedFirstReview();
		expect(await f.services.nextReview.startFrom(f.facilitator, f.reviewId, nextInput({ framework: 'psems-gap@0.1' }))).toMatchObject({ ok: false, error: { field: 'framework' } });
	});
});
