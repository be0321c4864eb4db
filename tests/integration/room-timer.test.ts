// The room timer runs on the server: a facilitator's command reaches every connected client with
// the server's times, and a command from anyone else is refused without changing the timer.
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/use-test-server.ts';
import { eventually, synced } from '../helpers/provider.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import { readFacilitation } from '../../src/lib/shared/documents/facilitation.ts';
import { runTimerCommand } from '../../server/facilitation/room-timer.ts';

const t = useTestServer();
let clock = 1_700_000_000_000;

function deps() {
	return { reviews: t.server.services.reviews, documentStore: t.server.services.documentStore, logger: t.server.services.logger, now: () => clock };
}

async function setUp() {
	const { facilitator, reviewId } = t.review();
	const head = t.participant(reviewId, 'Harbour Head', 'department_head', 'Marine operations');
	const outsider = t.server.createUser({ name: 'Olly Outsider' });
	const client = t.connect({ name: reviewerDocumentName(reviewId), token: head.token });
	await synced(client);
	return { facilitator, head, outsider, reviewId, client };
}

describe('the room timer on the server', () => {
	it('starts and pauses a countdown that every connected client sees in server time', async () => {
		const { facilitator, reviewId, client } = await setUp();

		const started = await runTimerCommand(deps(), facilitator.id, reviewId, { type: 'start', durationMs: 300_000 });
		expect(started).toEqual({ ok: true, value: { status: 'running', durationMs: 300_000, startedAt: clock, endsAt: clock + 300_000 } });
		await eventually(() => readFacilitation(client.doc).timer.status === 'running', 'the staff client sees the running timer');
		expect(readFacilitation(client.doc).timer).toEqual(started.ok ? started.value : null);

		clock += 60_000;
		await runTimerCommand(deps(), facilitator.id, reviewId, { type: 'pause' });
		await eventually(() => readFacilitation(client.doc).timer.status === 'paused', 'the staff client sees the pause');
		expect(readFacilitation(client.doc).timer).toEqual({ status: 'paused', durationMs: 300_000, remainingMs: 240_000 });
	});

	it('refuses a department head and a non-member, and the timer stays as it was', async () => {
		const { facilitator, head, outsider, reviewId, client } = await setUp();
		await runTimerCommand(deps(), facilitator.id, reviewId, { type: 'start', durationMs: 120_000 });
		await eventually(() => readFacilitation(client.doc).timer.status === 'running', 'the timer runs');
		const before = readFacilitation(client.doc).timer;

		const byHead = await runTimerCommand(deps(), head.id, reviewId, { type: 'reset' });
		expect(byHead).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only a facilitator can run the room timer.' } });
		const byOutsider = await runTimerCommand(deps(), outsider.id, reviewId, { type: 'pause' });
		expect(byOutsider.ok ? null : byOutsider.error.code).toBe('not_found');

		// A later facilitator write proves the refused ones did not slip in before it.
		await t.server.services.documentStore.write(reviewerDocumentName(reviewId), (doc) => doc.getMap('probe').set('after', true));
		await eventually(() => client.doc.getMap('probe').get('after') === true, 'the probe arrives');
		expect(readFacilitation(client.doc).timer).toEqual(before);
	});

	it('answers a pause of a timer that is not running with a conflict and writes nothing', async () => {
		const { facilitator, reviewId, client } = await setUp();
		const paused = await runTimerCommand(deps(), facilitator.id, reviewId, { type: 'pause' });
		expect(paused.ok ? null : paused.error.code).toBe('conflict');
		expect(client.doc.getMap('facilitation').size).toBe(0);
	});
});
