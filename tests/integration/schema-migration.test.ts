// A review whose documents were written by schema version 1 (the committed fixture): the server
// migrates them when it opens them, before any client syncs, stores the migration like any edit,
// and a freeze reads them in the current shape.
import { describe, expect, it } from 'vitest';
import fixture from '../../src/lib/shared/documents/fixtures/schema-v1.json' with { type: 'json' };
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readInterview } from '../../src/lib/shared/documents/interview.ts';
import { schemaVersionOf } from '../../src/lib/shared/documents/schema/version.ts';
import { readStored } from '../../server/collab/document-store.ts';
import { synced } from '../helpers/provider.ts';
import { useTestServer } from '../helpers/use-test-server.ts';

const t = useTestServer();

function storeV1(reviewId: string) {
	const { documents } = t.server.services.repos;
	documents.compact(workspaceDocumentName(reviewId), Buffer.from(fixture.workspace, 'base64'), 0, Date.now());
	documents.compact(reviewerDocumentName(reviewId), Buffer.from(fixture.reviewer, 'base64'), 0, Date.now());
}

describe('documents written by schema version 1', () => {
	it('reach every client migrated, in the interview order they had', async () => {
		const { facilitator, reviewId } = t.review();
		storeV1(reviewId);
		const client = t.connect({ name: workspaceDocumentName(reviewId), token: facilitator.token });
		await synced(client);
		expect(schemaVersionOf(client.doc)).toBe(2);
		expect(readInterview(client.doc).map((e) => e.id)).toEqual(fixture.record.interview.map((e) => e.id));
	});

	it('are stored migrated, so the next load has nothing to do', async () => {
		const { facilitator, reviewId } = t.review();
		storeV1(reviewId);
		const client = t.connect({ name: workspaceDocumentName(reviewId), token: facilitator.token });
		await synced(client);
		client.destroy();
		const stored = readStored(t.server.services.store.tx.documents, workspaceDocumentName(reviewId));
		expect(schemaVersionOf(stored)).toBe(2);
		expect(stored.getArray('interviewOrder').length).toBe(0);
	});

	it('freeze with nobody connected to the record their content always froze to', async () => {
		const { facilitator, reviewId } = t.review();
		storeV1(reviewId);
		const user = { id: facilitator.id, email: facilitator.email, name: 'Facilitator', isAdmin: true, mayCreateReviews: true };
		const frozen = await t.server.services.records.freeze(user, reviewId, { label: 'From the old format', note: '' });
		if (!frozen.ok) throw new Error(frozen.error.message);
		const got = await t.server.services.records.getVersion(facilitator.id, reviewId, 1);
		if (!got.ok) throw new Error(got.error.message);
		const { review: _frozenReview, participants: _frozenParticipants, ...content } = got.value.record;
		const { review: _fixtureReview, participants: _fixtureParticipants, ...expected } = fixture.record;
		expect(content).toEqual(expected);
		// A freeze reads; it leaves the stored documents as they were.
		expect(schemaVersionOf(readStored(t.server.services.store.tx.documents, workspaceDocumentName(reviewId)))).toBe(1);
	});
});
