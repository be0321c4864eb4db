// Importing a self-assessment's self-scores into an independent review, on temporary services
// (no collaboration server: the write lands in storage as one more log entry).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addParticipant, createReviewAs, createTestClock, createTestServices, FRAMEWORK_REF, insertUser, type TestServices } from '../../tests/helpers/services.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readGridCell, readSelfScoreImport, setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { readStored } from '../collab/document-store.ts';

let services: TestServices;
let facilitator: SessionUser;
let clock: ReturnType<typeof createTestClock>;

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
	return result.value;
}

async function selfAssessment(owner: SessionUser, title: string, portName = 'Port of Testhaven'): Promise<string> {
	return value(
		await services.reviews.create(owner, { title, portName, portCountry: 'Nowhere', kind: 'self_assessment', scheduledOn: '2026-10-01', framework: FRAMEWORK_REF })
	).id;
}

const workspaceOf = (reviewId: string) => readStored(services.store.tx.documents, workspaceDocumentName(reviewId));

async function selfScores(reviewId: string, scores: Record<string, number>) {
	await services.documentStore.write(workspaceDocumentName(reviewId), (doc) => {
		for (const [code, score] of Object.entries(scores)) setSelfScore(doc, code, score);
	});
}

beforeEach(() => {
	clock = createTestClock(Date.UTC(2026, 10, 25, 9));
	services = createTestServices({ now: clock.now });
	facilitator = insertUser(services, { name: 'Fran Facilitator', isAdmin: true });
});
afterEach(() => services.cleanup());

describe('importing self-scores from a self-assessment review', () => {
	it('lists the self-assessments the facilitator can view, the same port first, with their latest frozen version', async () => {
		const target = createReviewAs(services, facilitator).id;
		const other = await selfAssessment(facilitator, 'Elsewhere self-help 2026', 'Port of Elsewhere');
		const same = await selfAssessment(facilitator, 'Testhaven self-help 2026');
		await selfScores(same, { A1: 4 });
		value(await services.records.freeze(facilitator, same, { label: 'Port agreed', note: '' }));
		const stranger = insertUser(services, { name: 'Other Facilitator', isAdmin: true });
		await selfAssessment(stranger, 'Not shared with Fran');

		const sources = value(await services.selfScoreImport.sources(facilitator, target));
		expect(sources.map((s) => [s.title, s.samePort])).toEqual([
			['Testhaven self-help 2026', true],
			['Elsewhere self-help 2026', false]
		]);
		expect(sources[0].latest).toMatchObject({ version: 1 });
		expect(sources[0].latest?.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(sources.find((s) => s.reviewId === other)?.latest).toBeNull();
	});

	it('imports from the latest frozen version, not later live edits, and records where the scores came from', async () => {
		const target = createReviewAs(services, facilitator).id;
		const source = await selfAssessment(facilitator, 'Testhaven self-help 2026');
		await selfScores(source, { A1: 4, A2: 3, B1: 2 });
		value(await services.records.freeze(facilitator, source, { label: 'v1', note: '' }));
		await selfScores(source, { A1: 1 });
		const v2 = value(await services.records.freeze(facilitator, source, { label: 'Port agreed', note: '' }));
		await selfScores(source, { A1: 5 }); // after the freeze: not what the port agreed

		const preview = value(await services.selfScoreImport.preview(facilitator, target, source));
		expect(preview.source).toMatchObject({ version: 2, hash: v2.contentHash, title: 'Testhaven self-help 2026' });
		expect(preview.counts).toMatchObject({ fill: 3, same: 0, differs: 0 });

		const outcome = value(await services.selfScoreImport.importScores(facilitator, target, source, { replaceExisting: false, expectedVersion: 2 }));
		expect(outcome).toMatchObject({ filled: 3, replaced: 0, kept: 0 });
		const doc = workspaceOf(target);
		expect(['A1', 'A2', 'B1', 'B2'].map((code) => readGridCell(doc, code).selfScore)).toEqual([1, 3, 2, null]);
		expect(readSelfScoreImport(doc)).toEqual({
			sourceReviewId: source,
			sourceTitle: 'Testhaven self-help 2026',
			sourceVersion: 2,
			sourceHash: v2.contentHash,
			importedAt: Date.UTC(2026, 10, 25, 9),
			importedByName: 'Fran Facilitator',
			scores: { A1: 1, A2: 3, B1: 2 }
		});
		const audit = (await services.audit.entries(target)).at(-1);
		expect(audit).toMatchObject({ action: 'import_self_scores', details: { sourceVersion: 2, sourceHash: v2.contentHash, filled: 3 } });
	});

	it('imports from the live documents when the self-assessment was never frozen, marking it "live"', async () => {
		const target = createReviewAs(services, facilitator).id;
		const source = await selfAssessment(facilitator, 'Draft self-help');
		await selfScores(source, { C1: 3 });
		const outcome = value(await services.selfScoreImport.importScores(facilitator, target, source, { replaceExisting: false }));
		expect(outcome.source).toMatchObject({ version: null, hash: null });
		expect(readSelfScoreImport(workspaceOf(target))).toMatchObject({ sourceVersion: null, sourceHash: null, scores: { C1: 3 } });
	});

	it('keeps self-scores already entered by hand unless replacing them is asked for', async () => {
		const target = createReviewAs(services, facilitator).id;
		const source = await selfAssessment(facilitator, 'Testhaven self-help 2026');
		await selfScores(source, { A1: 4, A2: 3, A3: 2 });
		await selfScores(target, { A1: 2, A2: 3 });

		const preview = value(await services.selfScoreImport.preview(facilitator, target, source));
		expect(preview.rows.filter((r) => r.outcome !== 'none').map((r) => [r.code, r.outcome])).toEqual([
			['A1', 'differs'],
			['A2', 'same'],
			['A3', 'fill']
		]);
		const kept = value(await services.selfScoreImport.importScores(facilitator, target, source, { replaceExisting: false }));
		expect(kept).toMatchObject({ filled: 1, kept: 1, replaced: 0, unchanged: 1 });
		expect(readGridCell(workspaceOf(target), 'A1').selfScore).toBe(2);

		const replaced = value(await services.selfScoreImport.importScores(facilitator, target, source, { replaceExisting: true }));
		expect(replaced).toMatchObject({ filled: 0, replaced: 1, kept: 0 });
		expect(readGridCell(workspaceOf(target), 'A1').selfScore).toBe(4);
	});

	it('refuses when the source was frozen again after the preview', async () => {
		const target = createReviewAs(services, facilitator).id;
		const source = await selfAssessment(facilitator, 'Testhaven self-help 2026');
		await selfScores(source, { A1: 4 });
		value(await services.records.freeze(facilitator, source, { label: 'v1', note: '' }));
		const refused = await services.selfScoreImport.importScores(facilitator, target, source, { replaceExisting: false, expectedVersion: null });
		expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(readGridCell(workspaceOf(target), 'A1').selfScore).toBeNull();
	});

	it('refuses a facilitator who cannot view the source review, as if it did not exist', async () => {
		const target = createReviewAs(services, facilitator).id;
		const stranger = insertUser(services, { name: 'Other Facilitator', isAdmin: true });
		const hidden = await selfAssessment(stranger, 'Not shared with Fran');
		await selfScores(hidden, { A1: 4 });

		expect(await services.selfScoreImport.preview(facilitator, target, hidden)).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await services.selfScoreImport.importScores(facilitator, target, hidden, { replaceExisting: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(readGridCell(workspaceOf(target), 'A1').selfScore).toBeNull();
		expect(readSelfScoreImport(workspaceOf(target))).toBeNull();
	});

	it('refuses a department head of the independent review, even one who can view the source', async () => {
		const target = createReviewAs(services, facilitator).id;
		const source = await selfAssessment(facilitator, 'Testhaven self-help 2026');
		await selfScores(source, { A1: 4 });
		const head = insertUser(services, { name: 'Dee Head' });
		addParticipant(services, target, head, 'department_head', 'Operations');
		addParticipant(services, source, head, 'department_head', 'Operations');

		expect(await services.selfScoreImport.sources(head, target)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await services.selfScoreImport.importScores(head, target, source, { replaceExisting: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(readGridCell(workspaceOf(target), 'A1').selfScore).toBeNull();
	});

	it('refuses a source that is not a self-assessment, and an import into a self-assessment', async () => {
		const target = createReviewAs(services, facilitator).id;
		const otherIndependent = createReviewAs(services, facilitator, 'Last year').id;
		const source = await selfAssessment(facilitator, 'Testhaven self-help 2026');
		expect(await services.selfScoreImport.preview(facilitator, target, otherIndependent)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'source' } });
		expect(await services.selfScoreImport.preview(facilitator, source, target)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
		expect(await services.selfScoreImport.importScores(facilitator, target, source, { replaceExisting: false })).toMatchObject({
			ok: false,
			error: { message: 'Testhaven self-help 2026 has no self-scores to import.' }
		});
	});
});
