// Freezing versions of the evaluation record on real temporary SQLite (issue 4).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGridCell, setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { readIndependentScore, setIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { canonicalJson, sha256Hex } from '../../src/lib/shared/record/canonical-json.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { snapshotChainHash } from '../../server/records/hashes.ts';
import { encodeStateVectorBase64 } from '../../server/records/state-vectors.ts';
import { readStored } from '../../server/collab/document-store.ts';
import { UNSYNCED_MESSAGE } from '../../server/records/freeze.ts';
import { createRecordsFixture, independentScore, value, type RecordsFixture } from './records-fixture.ts';

// Self 4 against independent 2 differs by 2: a freeze needs the reason (issue 5, item 4).
const independent = (score: number) => independentScore(score, { differenceRationale: 'The self-assessment counted the written plan as practice.' });

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

describe('freezing the evaluation record', () => {
	it('chains version 2 to version 1, each hash computed from its stored record', async () => {
		f.edit(({ workspace, reviewer }) => {
			setSelfScore(workspace, 'A1', 4);
			setIndependentScore(reviewer, 'A1', independent(2));
		});
		const v1 = value(await f.freeze('First pass'));
		f.clock.advance(60_000);
		f.edit(({ reviewer }) => setIndependentScore(reviewer, 'A1', independent(3)));
		const v2 = value(await f.freeze('After the closing session'));

		expect(v1).toMatchObject({ version: 1, previousChainHash: null, frozenByName: 'Fran Facilitator', frozenAt: '2026-11-25T00:00:00.000Z' });
		expect(v2).toMatchObject({ version: 2, previousChainHash: v1.chainHash, frozenAt: '2026-11-25T00:01:00.000Z' });
		for (const v of [v1, v2]) {
			const stored = value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, v.version));
			expect(sha256Hex(stored.recordJson)).toBe(v.contentHash);
			expect(canonicalJson(stored.record)).toBe(stored.recordJson);
			expect(snapshotChainHash({ ...v, frozenBy: f.facilitator.id })).toBe(v.chainHash);
		}
		const [r1, r2] = await Promise.all([1, 2].map(async (n) => value(await f.services.records.getVersion(f.accountableManager.id, f.reviewId, n)).record));
		expect(r1.elements[0]).toMatchObject({ code: 'A1', selfScore: 4, independentScore: 2 });
		expect(r2.elements[0]).toMatchObject({ code: 'A1', selfScore: 4, independentScore: 3 });
		expect(r2.participants.map((p) => p.role)).toEqual(['accountable_manager', 'facilitator', 'security_manager', 'department_head']);
		expect(await f.services.records.verifyReview(f.reviewId)).toMatchObject({ ok: true, checked: { snapshots: 2 } });
	});

	it('keeps the Yjs state of both documents, so a version can be reopened exactly', async () => {
		f.edit(({ workspace, reviewer }) => {
			setSelfScore(workspace, 'B1', 1);
			setIndependentScore(reviewer, 'B1', independent(1));
		});
		value(await f.freeze());
		const row = await f.services.repos.snapshots.get(f.reviewId, 1);
		const reopened = { workspace: new Y.Doc(), reviewer: new Y.Doc() };
		Y.applyUpdate(reopened.workspace, row!.workspaceState);
		Y.applyUpdate(reopened.reviewer, row!.reviewerState);
		expect(readGridCell(reopened.workspace, 'B1').selfScore).toBe(1);
		expect(readIndependentScore(reopened.reviewer, 'B1').score).toBe(1);
	});

	it('lists versions oldest first, with the later freeze marking the earlier one superseded', async () => {
		value(await f.freeze('One'));
		value(await f.freeze('Two'));
		const versions = value(await f.services.records.listVersions(f.departmentHead.id, f.reviewId));
		expect(versions.map((v) => [v.version, v.label, v.superseded, v.status])).toEqual([
			[1, 'One', true, 'superseded'],
			[2, 'Two', false, 'frozen']
		]);
	});

	it('does not let a department head freeze, and hides the review from non-participants', async () => {
		const refused = await f.services.records.freeze(f.departmentHead, f.reviewId, { label: 'Mine', note: '' });
		expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const stranger = { id: crypto.randomUUID(), email: 'x@example.test', name: 'Stranger', isAdmin: true, mayCreateReviews: true };
		expect(await f.services.records.freeze(stranger, f.reviewId, { label: 'x', note: '' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await f.services.records.listVersions(stranger.id, f.reviewId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await f.services.repos.snapshots.count()).toBe(0);
	});

	it('asks for a label and bounds the note', async () => {
		expect(await f.services.records.freeze(f.facilitator, f.reviewId, { label: '  ', note: '' })).toMatchObject({ ok: false, error: { field: 'label' } });
		expect(await f.services.records.freeze(f.facilitator, f.reviewId, { label: 'x', note: 'n'.repeat(5000) })).toMatchObject({ ok: false, error: { field: 'note' } });
	});

	it("refuses while the client's state vector shows changes the server lacks, and freezes once they arrived", async () => {
		f.edit(({ workspace }) => setSelfScore(workspace, 'A1', 2));
		const name = workspaceDocumentName(f.reviewId);
		const client = readStored(f.services.store.tx.documents, name);
		const reviewerVector = encodeStateVectorBase64(new Y.Doc());
		setSelfScore(client, 'A2', 5); // a local edit the server has not received

		const refused = await f.services.records.freeze(f.facilitator, f.reviewId, {
			label: 'Too early',
			note: '',
			client: { workspace: encodeStateVectorBase64(client), reviewer: reviewerVector }
		});
		expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: UNSYNCED_MESSAGE } });
		expect(await f.services.repos.snapshots.count()).toBe(0);

		await f.services.repos.documents.appendUpdate(name, Y.encodeStateAsUpdate(client), f.clock.now());
		const frozen = await f.services.records.freeze(f.facilitator, f.reviewId, {
			label: 'Now',
			note: '',
			client: { workspace: encodeStateVectorBase64(client), reviewer: reviewerVector }
		});
		expect(value(frozen).version).toBe(1);
		expect(value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, 1)).record.elements[1]).toMatchObject({ code: 'A2', selfScore: 5 });
	});

	it('refuses an unreadable client state vector', async () => {
		const refused = await f.services.records.freeze(f.facilitator, f.reviewId, { label: 'x', note: '', client: { workspace: '%%%', reviewer: '' } });
		expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
	});

	it('records the freeze in the hash-chained audit log', async () => {
		const v1 = value(await f.freeze('Audited'));
		const entries = (await f.services.audit.entries(f.reviewId)).filter((e) => e.action === 'freeze');
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ actorId: f.facilitator.id, actorName: 'Fran Facilitator', details: { version: 1, label: 'Audited', contentHash: v1.contentHash, chainHash: v1.chainHash } });
	});
});
