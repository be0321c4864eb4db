// Freezing while the workshop is live: the running server's open documents are what gets frozen,
// including an edit acknowledged a moment before, and the workshop goes on afterwards.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useTestServer } from '../helpers/use-test-server.ts';
import { acknowledged, eventually, synced, type TestClient } from '../helpers/provider.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readGridCell, setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { setIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { encodeStateVectorBase64 } from '../../server/records/state-vectors.ts';
import { UNSYNCED_MESSAGE } from '../../server/records/freeze.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';
import { value } from './records-fixture.ts';

const t = useTestServer();

function setup() {
	const { facilitator: created, reviewId } = t.review();
	const facilitator: SessionUser = { id: created.id, email: created.email, name: 'Fran Facilitator', isAdmin: true, mayCreateReviews: true };
	const open = (name: string) => t.connect({ name, token: created.token });
	return { facilitator, reviewId, workspace: open(workspaceDocumentName(reviewId)), reviewer: open(reviewerDocumentName(reviewId)) };
}

const vectors = (a: TestClient, b: TestClient) => ({ workspace: encodeStateVectorBase64(a.doc), reviewer: encodeStateVectorBase64(b.doc) });

describe('freezing with the workshop live', () => {
	it('captures the latest acknowledged edit of both open documents', async () => {
		const { facilitator, reviewId, workspace, reviewer } = setup();
		await Promise.all([synced(workspace), synced(reviewer)]);
		setSelfScore(workspace.doc, 'A1', 2);
		setIndependentScore(reviewer.doc, 'A1', { score: 1, target: null, targetRationale: '', confidence: 'medium', rationale: 'No owner', priorityOverride: null, overrideReason: '', differenceRationale: 'The port counted a draft policy.' });
		await Promise.all([acknowledged(workspace), acknowledged(reviewer)]);
		setSelfScore(workspace.doc, 'A1', 3);
		await acknowledged(workspace);

		expect(t.server.services.documentStore.liveDocument(workspaceDocumentName(reviewId))).not.toBeNull();
		value(await t.server.services.records.freeze(facilitator, reviewId, { label: 'Live', note: 'During the workshop', client: vectors(workspace, reviewer) }));
		const frozen = value(await t.server.services.records.getVersion(facilitator.id, reviewId, 1));
		expect(frozen.record.elements[0]).toMatchObject({ code: 'A1', selfScore: 3, independentScore: 1, rationale: 'No owner' });

		// The workshop goes on; a later freeze makes version 2 with the newer edit.
		setSelfScore(workspace.doc, 'A1', 4);
		await acknowledged(workspace);
		const v2 = value(await t.server.services.records.freeze(facilitator, reviewId, { label: 'Later', note: '', client: vectors(workspace, reviewer) }));
		expect(v2.version).toBe(2);
		expect(value(await t.server.services.records.getVersion(facilitator.id, reviewId, 2)).record.elements[0].selfScore).toBe(4);
		expect(readGridCell(workspace.doc, 'A1').selfScore).toBe(4);
		expect((await t.server.services.records.verifyReview(reviewId)).ok).toBe(true);
	});

	it("refuses while the facilitator's client holds an edit the server has not received", async () => {
		const { facilitator, reviewId, workspace, reviewer } = setup();
		await Promise.all([synced(workspace), synced(reviewer)]);
		// An edit made while the socket is down stays local: the server's state vector lags behind.
		workspace.socket.disconnect();
		await eventually(() => workspace.socket.status === 'disconnected', 'the socket is down');
		setSelfScore(workspace.doc, 'B2', 4);
		expect(workspace.provider.hasUnsyncedChanges).toBe(true);

		const refused = await t.server.services.records.freeze(facilitator, reviewId, { label: 'Too soon', note: '', client: vectors(workspace, reviewer) });
		expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: UNSYNCED_MESSAGE } });

		void workspace.socket.connect();
		await acknowledged(workspace);
		const live = t.server.services.documentStore.liveDocument(workspaceDocumentName(reviewId));
		await eventually(() => live !== null && readGridCell(live, 'B2').selfScore === 4, 'the server has the edit');
		value(await t.server.services.records.freeze(facilitator, reviewId, { label: 'Now', note: '', client: vectors(workspace, reviewer) }));
		expect(value(await t.server.services.records.getVersion(facilitator.id, reviewId, 1)).record.elements.find((e) => e.code === 'B2')?.selfScore).toBe(4);
	});

	it('reads a document nobody has open from storage', async () => {
		const created = t.server.createUser({ name: 'Solo Facilitator', isAdmin: true });
		const reviewId = t.server.createReview(created.id);
		const doc = new Y.Doc();
		setSelfScore(doc, 'C1', 2);
		await t.server.services.repos.documents.appendUpdate(workspaceDocumentName(reviewId), Y.encodeStateAsUpdate(doc), Date.now());
		expect(t.server.services.documentStore.liveDocument(workspaceDocumentName(reviewId))).toBeNull();
		const facilitator = { id: created.id, email: created.email, name: 'Solo Facilitator', isAdmin: true, mayCreateReviews: true };
		value(await t.server.services.records.freeze(facilitator, reviewId, { label: 'Offline', note: '' }));
		expect(value(await t.server.services.records.getVersion(created.id, reviewId, 1)).record.elements.find((e) => e.code === 'C1')?.selfScore).toBe(2);
	});
});
