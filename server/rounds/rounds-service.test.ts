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

describe('round service', () => {
	it('writes rounds into the reviewer document even when nobody has it open', async () => {
		const { fran, dee, sam, reviewId } = workshop();
		const opened = await services.rounds.open(fran, reviewId, 'A1');
		if (!opened.ok) throw new Error(opened.error.message);
		await services.rounds.vote(dee, reviewId, opened.value.id, { score: 2, comment: '' });
		await services.rounds.vote(sam, reviewId, opened.value.id, { score: 4, comment: '' });
		await services.rounds.reveal(fran, reviewId, opened.value.id);
		const doc = readStored(services.repos.documents, reviewerDocumentName(reviewId));
		expect(readRounds(doc)).toMatchObject([{ number: 1, status: 'revealed', result: { count: 2, min: 2, median: 3, max: 4 } }]);
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
		expect(services.repos.rounds.countAllVotes()).toBe(0);
	});
});
