// Progress over time (issue 15, part 4): a port's signed reviews side by side, read from signed
// records only, for members of each review.
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { setJourney } from '../../src/lib/shared/documents/facilitation.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readStored } from '../../server/collab/document-store.ts';
import { addParticipant, createReviewAs, FRAMEWORK_REF, insertUser } from '../helpers/services.ts';
import { createRecordsFixture, independentScore, PASSWORD, value, type RecordsFixture } from './records-fixture.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';

const scored = (score: number, target: number | null = null) => independentScore(score, { target });

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

function editReview(reviewId: string, change: (docs: { workspace: Y.Doc; reviewer: Y.Doc }) => void): void {
	const names = { workspace: workspaceDocumentName(reviewId), reviewer: reviewerDocumentName(reviewId) };
	const docs = { workspace: readStored(f.services.store.tx.documents, names.workspace), reviewer: readStored(f.services.store.tx.documents, names.reviewer) };
	const before = { workspace: Y.encodeStateVector(docs.workspace), reviewer: Y.encodeStateVector(docs.reviewer) };
	change(docs);
	for (const kind of ['workspace', 'reviewer'] as const) f.services.documentStore.append(names[kind], Y.encodeStateAsUpdate(docs[kind], before[kind]));
}

async function freezeAndSign(reviewId: string, signer: SessionUser): Promise<number> {
	const frozen = value(await f.services.records.freeze(f.facilitator, reviewId, { label: 'Agreed', note: '' }));
	value(await f.services.records.sign(signer, reviewId, frozen.version, { meaning: 'approved', password: PASSWORD }));
	return frozen.version;
}

const actionInput = (title: string) => ({
	title,
	linkedElements: ['A1'],
	owner: 'Dee Head',
	dueDate: '2027-03-01',
	priority: 'P2' as const,
	status: 'agreed' as const,
	successMeasure: '',
	expectedLevelAfter: 3
});

describe('progress over time for a port', () => {
	it('says there is nothing yet until a version is signed, and ignores frozen but unsigned versions', async () => {
		value(await f.freeze());
		const progress = value(await f.services.progress.forReview(f.departmentHead.id, f.reviewId));
		expect(progress.port).toEqual({ name: 'Port of Testhaven', country: 'Nowhere' });
		expect(progress.reviews).toEqual([]);
		expect(progress.gapClosed).toBeNull();
	});

	it('puts two signed reviews of the port side by side, with levels, the gap closed and verified actions', async () => {
		let firstActionIds: string[] = [];
		f.edit(({ workspace, reviewer }) => {
			setIndependentScore(reviewer, 'A1', scored(1, 4));
			setIndependentScore(reviewer, 'B1', scored(2, 4));
			firstActionIds = ['Appoint a security manager', 'Write the threat register'].map((t) =>
				value(createAction(workspace, actionInput(t), { id: f.facilitator.id }, () => true, f.clock.now()))
			);
		});
		f.clock.advance(1_000);
		await freezeAndSign(f.reviewId, f.accountableManager);
		// One of the two actions reported done by its owner and verified closed by the facilitator.
		value(await f.services.followup.update(f.departmentHead, f.reviewId, firstActionIds[0], { status: 'done_awaiting_verification', note: 'Appointed in March.' }));
		value(await f.services.followup.verify(f.facilitator, f.reviewId, firstActionIds[0], { level: 3 }));
		value(await f.services.followup.update(f.departmentHead, f.reviewId, firstActionIds[1], { status: 'done_awaiting_verification', note: 'Drafted.' }));

		// A year on: the next review of the same port (spelled with other spaces and case).
		f.clock.advance(365 * 24 * 3600 * 1000);
		const next = await f.services.reviews.create(f.facilitator, {
			title: 'Port of Testhaven review 2027',
			portName: '  port of  Testhaven ',
			portCountry: 'nowhere',
			kind: 'independent_review',
			scheduledOn: '2027-12-01',
			framework: FRAMEWORK_REF
		});
		const secondId = value(next).id;
		addParticipant(f.services, secondId, f.accountableManager, 'accountable_manager');
		addParticipant(f.services, secondId, f.departmentHead, 'department_head', 'Operations');
		editReview(secondId, ({ reviewer }) => {
			setIndependentScore(reviewer, 'A1', scored(3, 4));
			setIndependentScore(reviewer, 'B1', scored(1, 4));
			value(setJourney(reviewer, { labels: { register: 'Commit', self_assessment: 'Self-help', independent_review: 'Review', certification: 'Certified' }, current: 'certification' }));
		});
		await freezeAndSign(secondId, f.accountableManager);

		const progress = value(await f.services.progress.forReview(f.departmentHead.id, secondId));
		expect(progress.reviews.map((r) => [r.title, r.version, r.actionsVerified, r.actionsPlanned])).toEqual([
			['Port of Testhaven GAP review', 1, 1, 2],
			['Port of Testhaven review 2027', 1, 0, 0]
		]);
		expect(progress.reviews[0].verified).toEqual([
			{ actionId: firstActionIds[0], title: 'Appoint a security manager', linkedElements: ['A1'], levelReached: 3, verifiedAt: expect.any(String), verifiedByName: 'Fran Facilitator' }
		]);
		expect(progress.reviews.map((r) => r.journey)).toEqual([
			{ stage: 'independent_review', label: 'Independent review' },
			{ stage: 'certification', label: 'Certified' }
		]);
		const a1 = progress.elements.find((e) => e.code === 'A1');
		const b1 = progress.elements.find((e) => e.code === 'B1');
		expect(a1?.levels.map((l) => l.level)).toEqual([1, 3]);
		expect(a1?.gapClosed).toBe(2);
		expect(b1?.levels.map((l) => l.level)).toEqual([2, 1]);
		expect(b1?.gapClosed).toBe(-1);
		expect(progress.elements.find((e) => e.code === 'C1')?.levels.map((l) => l.level)).toEqual([null, null]);
		// Gaps 3+2 then 1+3: one level closed overall.
		expect(progress.reviews.map((r) => r.totalGap)).toEqual([5, 4]);
		expect(progress.gapClosed).toBe(1);
		// The same page from the first review shows the same port.
		expect(value(await f.services.progress.forReview(f.departmentHead.id, f.reviewId)).reviews).toHaveLength(2);
	});

	it('shows only the reviews the person takes part in, and refuses non-members as not found', async () => {
		f.edit(({ reviewer }) => void setIndependentScore(reviewer, 'A1', scored(2)));
		await freezeAndSign(f.reviewId, f.accountableManager);
		const other = createReviewAs(f.services, f.facilitator, 'Port of Testhaven again');
		const newcomer = insertUser(f.services, { name: 'Nia Newcomer' });
		addParticipant(f.services, other.id, newcomer, 'department_head', 'Security');
		addParticipant(f.services, other.id, f.accountableManager, 'accountable_manager');
		editReview(other.id, ({ reviewer }) => void setIndependentScore(reviewer, 'A1', scored(3)));
		await freezeAndSign(other.id, f.accountableManager);

		expect(value(await f.services.progress.forReview(newcomer.id, other.id)).reviews.map((r) => r.title)).toEqual(['Port of Testhaven again']);
		expect(value(await f.services.progress.forReview(f.accountableManager.id, other.id)).reviews).toHaveLength(2);
		expect(await f.services.progress.forReview(newcomer.id, f.reviewId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await f.services.progress.forReview(newcomer.id, 'no-such-review')).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});

	it('reads the newest approved version, not a later draft', async () => {
		f.edit(({ reviewer }) => void setIndependentScore(reviewer, 'A1', scored(2)));
		await freezeAndSign(f.reviewId, f.accountableManager);
		f.edit(({ reviewer }) => void setIndependentScore(reviewer, 'A1', scored(5)));
		value(await f.freeze('Draft after the workshop'));
		const [review] = value(await f.services.progress.forReview(f.facilitator.id, f.reviewId)).reviews;
		expect(review.version).toBe(1);
		expect(value(await f.services.progress.forReview(f.facilitator.id, f.reviewId)).elements[0].levels[0].level).toBe(2);
	});
});
