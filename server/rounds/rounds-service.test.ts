import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addParticipant, createReviewAs, createTestServices, insertUser, type TestServices } from '../../tests/helpers/services.ts';
import { readStored } from '../collab/document-store.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import { readRounds } from '../../src/lib/shared/documents/rounds.ts';

let services: TestServices;
afterEach(() => services.cleanup());

function workshop() {
	services = createTestServices();
	const fran = insertUser(services, { name: 'Fran', isAdmin: true });
	const review = createReviewAs(services, fran);
	const dee = insertUser(services, { name: 'Dee' });
	const sam = insertUser(services, { name: 'Sam' });
	addParticipant(services, review.id, dee, 'department_head');
	addParticipant(services, review.id, sam, 'department_head');
	return { fran, dee, sam, reviewId: review.id };
}

/** Every byte SQLite keeps on disk for this database, after folding the WAL into the file. */
function bytesOnDisk(): string {
	services.db.pragma('wal_checkpoint(TRUNCATE)');
	const file = services.config.databaseFile;
	return [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
}

/** Round 1 for A1, with Dee's 2 and Sam's 4 in it. */
async function votedRound() {
	const { fran, dee, sam, reviewId } = workshop();
	const round = await services.rounds.open(fran, reviewId, 'A1');
	if (!round.ok) throw new Error(round.error.message);
	await services.rounds.vote(dee, reviewId, round.value.id, { score: 2, comment: '' });
	await services.rounds.vote(sam, reviewId, round.value.id, { score: 4, comment: '' });
	return { fran, reviewId, opened: round };
}

describe('round service', () => {
	it('writes rounds into the reviewer document even when nobody has it open', async () => {
		const { fran, reviewId, opened } = await votedRound();
		await services.rounds.reveal(fran, reviewId, opened.value.id);
		const doc = readStored(services.store.tx.documents, reviewerDocumentName(reviewId));
		expect(readRounds(doc)).toMatchObject([{ number: 1, status: 'revealed', result: { count: 2, min: 2, median: 3, max: 4 } }]);
	});

	it('deletes the votes before the spread reaches the document; when that write fails, revealing again shows the room the stored result', async () => {
		const { fran, reviewId, opened } = await votedRound();
		const roundsInDocument = () => readRounds(readStored(services.store.tx.documents, reviewerDocumentName(reviewId)));

		// The disk refuses the reviewer-document update that carries the spread (the document
		// store appends through the synchronous statements, as the durable log does).
		const documents = services.store.tx.documents;
		const append = documents.appendUpdate;
		documents.appendUpdate = () => {
			throw new Error('disk full');
		};
		const failed = await services.rounds.reveal(fran, reviewId, opened.value.id);
		documents.appendUpdate = append;

		expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('Reveal again to show it.') } });
		expect(await services.repos.rounds.votes(opened.value.id)).toEqual([]);
		expect((await services.repos.rounds.find(reviewId, opened.value.id))?.status).toBe('revealed');
		expect((await services.audit.entries(reviewId)).filter((e) => e.action === 'reveal')).toHaveLength(1);
		expect(roundsInDocument()).toMatchObject([{ status: 'open', result: null }]);

		const again = await services.rounds.reveal(fran, reviewId, opened.value.id);
		expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(roundsInDocument()).toMatchObject([{ status: 'revealed', result: { count: 2, min: 2, median: 3, max: 4 } }]);
		expect((await services.audit.entries(reviewId)).filter((e) => e.action === 'reveal')).toHaveLength(1);
	});

	it('leaves no trace of a replaced or cancelled comment in the database file', async () => {
		const { fran, dee, sam, reviewId } = workshop();
		const first = await services.rounds.open(fran, reviewId, 'A1');
		if (!first.ok) throw new Error(first.error.message);
		await services.rounds.vote(dee, reviewId, first.value.id, { score: 1, comment: 'REPLACED-dee-first-thoughts' });
		await services.rounds.vote(dee, reviewId, first.value.id, { score: 2, comment: 'kept after the reveal' });
		await services.rounds.vote(sam, reviewId, first.value.id, { score: 3, comment: '' });
		expect(bytesOnDisk()).not.toContain('REPLACED-dee-first-thoughts');
		await services.rounds.reveal(fran, reviewId, first.value.id);

		const second = await services.rounds.open(fran, reviewId, 'A1');
		if (!second.ok) throw new Error(second.error.message);
		await services.rounds.vote(sam, reviewId, second.value.id, { score: 5, comment: 'CANCELLED-sam-never-seen' });
		expect(bytesOnDisk()).toContain('CANCELLED-sam-never-seen');
		await services.rounds.cancel(fran, reviewId, second.value.id);
		expect(bytesOnDisk()).not.toContain('CANCELLED-sam-never-seen');
		expect(await services.repos.rounds.countAllVotes()).toBe(0);
	});
});
