// A freeze refuses while a self-score and an independent score two or more levels apart have no
// difference rationale (issue 5, item 4), and the record carries the rationale once given.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSelfScore, setSelfScoreImport } from '../../src/lib/shared/documents/grid.ts';
import { setDifferenceRationale, setIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { createRecordsFixture, independentScore, value, type RecordsFixture } from './records-fixture.ts';

const independent = (score: number) => independentScore(score);

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

describe('difference rationales before a freeze', () => {
	it('refuses the freeze naming each element that differs by 2 or more without a rationale, and stores nothing', async () => {
		f.edit(({ workspace, reviewer }) => {
			setSelfScore(workspace, 'A1', 4);
			setIndependentScore(reviewer, 'A1', independent(1));
			setSelfScore(workspace, 'B1', 1);
			setIndependentScore(reviewer, 'B1', independent(3));
			setSelfScore(workspace, 'C1', 3);
			setIndependentScore(reviewer, 'C1', independent(2)); // differs by 1: no rationale needed
		});

		const refused = await f.freeze();
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.error).toMatchObject({ code: 'conflict', field: 'differenceRationale' });
		expect(refused.error.message).toContain('2 elements differ by 2 or more');
		expect(refused.error.message).toContain('A1 Accountable manager');
		expect(refused.error.message).toMatch(/B1 [A-Z]/);
		expect(refused.error.message).not.toContain('C1');
		expect(value(await f.services.records.listVersions(f.facilitator.id, f.reviewId))).toEqual([]);
		expect(value(await f.services.records.pendingDifferences(f.facilitator.id, f.reviewId)).map((p) => [p.code, p.selfScore, p.independentScore])).toEqual([
			['A1', 4, 1],
			['B1', 1, 3]
		]);
	});

	it('allows the freeze once every marked difference has a rationale, and the record carries it per element', async () => {
		f.edit(({ workspace, reviewer }) => {
			setSelfScore(workspace, 'A1', 4);
			setIndependentScore(reviewer, 'A1', { ...independent(1), differenceRationale: 'The self-assessment counted a draft policy as adopted.' });
			setSelfScore(workspace, 'B1', 1);
			setIndependentScore(reviewer, 'B1', independent(3));
		});
		expect((await f.freeze()).ok).toBe(false);
		f.edit(({ reviewer }) => setDifferenceRationale(reviewer, 'B1', 'The port did not count the terminal operators\u2019 assessments.'));
		expect(value(await f.services.records.pendingDifferences(f.facilitator.id, f.reviewId))).toEqual([]);

		const v1 = value(await f.freeze());
		const { record } = value(await f.services.records.getVersion(f.accountableManager.id, f.reviewId, v1.version));
		const byCode = new Map(record.elements.map((e) => [e.code, e]));
		expect(byCode.get('A1')).toMatchObject({ selfScore: 4, independentScore: 1, differenceRationale: 'The self-assessment counted a draft policy as adopted.' });
		expect(byCode.get('B1')?.differenceRationale).toBe('The port did not count the terminal operators\u2019 assessments.');
		expect(byCode.get('C1')?.differenceRationale).toBe('');
		expect((await f.services.records.verifyReview(f.reviewId)).ok).toBe(true);
	});

	it('records where imported self-scores came from', async () => {
		f.edit(({ workspace }) =>
			setSelfScoreImport(workspace, {
				sourceReviewId: 'r-self',
				sourceTitle: 'Self-help 2026',
				sourceVersion: 2,
				sourceHash: 'ab'.repeat(32),
				importedAt: Date.UTC(2026, 10, 25, 9),
				importedByName: 'Fran Facilitator',
				scores: { A1: 4 }
			})
		);
		const v1 = value(await f.freeze());
		const { record } = value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, v1.version));
		expect(record.selfScoreSource).toEqual({
			reviewId: 'r-self',
			title: 'Self-help 2026',
			version: 2,
			hash: 'ab'.repeat(32),
			importedAt: '2026-11-25T09:00:00.000Z',
			importedBy: 'Fran Facilitator'
		});
	});

	it('does not tell a non-member which elements are pending', async () => {
		const stranger = { id: 'nobody', name: 'Nobody', email: 'nobody@example.test', isAdmin: false };
		expect(await f.services.records.pendingDifferences(stranger.id, f.reviewId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});
});
