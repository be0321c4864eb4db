// Blind scoring against a real server: an observer connected to both documents of the review
// records every update it receives and every HTTP answer it gets, and must never find a vote
// value or comment before the reveal, nor a link between a person and a score after it.
// HTTP goes through the same Request -> Response handler the SvelteKit routes use (the test
// server serves no pages); tests/e2e/blind-scoring.spec.ts proves the real routes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useTestServer } from '../helpers/use-test-server.ts';
import { eventually, synced } from '../helpers/provider.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readRounds, type PublicRound } from '../../src/lib/shared/documents/rounds.ts';
import { handleRoundRequest, type RoundAction } from '../../server/rounds/round-requests.ts';
import { readStored } from '../../server/collab/document-store.ts';

const t = useTestServer();

type Person = { id: string; token: string; name: string };
type Answer = { status: number; text: string; body: Record<string, unknown> };

/** The error of a refused request, in the one JSON error contract ({ error: { code, message, field? } }). */
const errorOf = (answer: Answer) => answer.body.error as { code: string; message: string; field?: string };

function person(name: string): Person {
	return { ...t.server.createUser({ name }), name };
}

/** A workshop: a facilitator, three people who score, an observer, and someone from outside. */
function workshop() {
	const fran = person('Fran Facilitator');
	const reviewId = t.server.createReview(fran.id);
	const dee = person('Dee Department');
	const sam = person('Sam Department');
	const mo = person('Mo Security');
	const olga = person('Olga Observer');
	const stranger = person('Stan Stranger');
	t.server.addParticipant(reviewId, dee.id, 'department_head', 'Marine Operations');
	t.server.addParticipant(reviewId, sam.id, 'department_head', 'IT and OT');
	t.server.addParticipant(reviewId, mo.id, 'security_manager');
	t.server.addParticipant(reviewId, olga.id, 'observer');
	return { reviewId, fran, dee, sam, mo, olga, stranger };
}

const PATHS: Record<RoundAction, (reviewId: string, roundId: string) => [string, string]> = {
	open: (r) => ['POST', `/reviews/${r}/rounds`],
	vote: (r, id) => ['POST', `/reviews/${r}/rounds/${id}/vote`],
	my_vote: (r, id) => ['GET', `/reviews/${r}/rounds/${id}/vote`],
	reveal: (r, id) => ['POST', `/reviews/${r}/rounds/${id}/reveal`],
	cancel: (r, id) => ['POST', `/reviews/${r}/rounds/${id}/cancel`]
};

async function call(
	who: Person,
	reviewId: string,
	action: RoundAction,
	opts: { roundId?: string; body?: unknown; rawBody?: string; origin?: string | null } = {}
): Promise<Answer> {
	const [method, path] = PATHS[action](reviewId, opts.roundId ?? '');
	const headers: Record<string, string> = { cookie: `psems_session=${who.token}`, accept: 'application/json' };
	const origin = opts.origin === undefined ? t.server.url : opts.origin;
	if (origin) headers.origin = origin;
	if (method === 'POST') headers['content-type'] = 'application/json';
	const body = method === 'POST' ? (opts.rawBody ?? JSON.stringify(opts.body ?? {})) : undefined;
	const request = new Request(`${t.server.url}${path}`, { method, headers, body });
	const response = await handleRoundRequest(t.server.services, { id: who.id }, { action, reviewId, roundId: opts.roundId }, request);
	expect(response.headers.get('cache-control')).toBe('private, no-store');
	const text = await response.text();
	return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

async function openRound(fran: Person, reviewId: string, elementCode = 'A2'): Promise<PublicRound> {
	const opened = await call(fran, reviewId, 'open', { body: { elementCode } });
	expect(opened.status).toBe(200);
	return opened.body.round as PublicRound;
}

/** An observer's view of the review: both documents, every raw update, every JSON state seen. */
async function listen(reviewId: string, who: Person) {
	const updates: Uint8Array[] = [];
	const states: string[] = [];
	const docs: Y.Doc[] = [];
	for (const name of [workspaceDocumentName(reviewId), reviewerDocumentName(reviewId)]) {
		const client = t.connect({ name, token: who.token });
		client.doc.on('update', (update: Uint8Array, _origin: unknown, doc: Y.Doc) => {
			updates.push(update);
			states.push(JSON.stringify(doc.toJSON()));
		});
		await synced(client);
		docs.push(client.doc);
	}
	const reviewer = docs[1];
	return {
		updates,
		states,
		rounds: () => readRounds(reviewer),
		/** Every update's bytes, as text (Yjs stores strings as UTF-8) and as it decodes. */
		everything: () =>
			[...updates.map((u) => Buffer.from(u).toString('utf8')), ...updates.map(decodedContent), ...states].join('\n')
	};
}

/** The content of every item an update inserts, decoded (strings, JSON values, keys). */
function decodedContent(update: Uint8Array): string {
	const items = Y.decodeUpdate(update).structs.filter((s): s is Y.Item => s instanceof Y.Item);
	return JSON.stringify(items.map((item) => [item.parentSub, item.content.getContent()]));
}

/** Every (key, value) pair anywhere in a JSON value. */
function leaves(value: unknown, key = ''): Array<[string, unknown]> {
	if (Array.isArray(value)) return value.flatMap((v) => leaves(v, key));
	if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, k));
	return [[key, value]];
}

/** Every object anywhere in a JSON value. */
function objects(value: unknown): Array<Record<string, unknown>> {
	if (Array.isArray(value)) return value.flatMap(objects);
	if (typeof value === 'object' && value !== null) return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
	return [];
}

describe('blind scoring', () => {
	it('shows a non-voting observer who voted but no value or comment before the reveal, and no person-to-score link after it', async () => {
		const { reviewId, fran, dee, sam, mo, olga } = workshop();
		const observer = await listen(reviewId, olga);
		const observerAnswers: Answer[] = [];

		const round = await openRound(fran, reviewId);
		expect(round).toMatchObject({ elementCode: 'A2', number: 1, status: 'open', voters: [], eligible: 4, result: null });
		await eventually(() => observer.rounds().some((r) => r.id === round.id), 'the observer sees the open round');

		const secrets = ['SECRET-dee-ladders-unlocked', 'SECRET-sam-first-thought', 'SECRET-sam-fences-cut'];
		expect((await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 4, comment: secrets[0] } })).body).toEqual({ mine: { score: 4, comment: secrets[0] } });
		expect((await call(sam, reviewId, 'vote', { roundId: round.id, body: { score: 1, comment: secrets[1] } })).status).toBe(200);
		expect((await call(mo, reviewId, 'vote', { roundId: round.id, body: { score: 0, comment: '' } })).status).toBe(200);
		// Sam changes their mind before the reveal: the second submit replaces the first.
		expect((await call(sam, reviewId, 'vote', { roundId: round.id, body: { score: 2, comment: secrets[2] } })).status).toBe(200);

		// Everything the observer asks for over HTTP during the round is refused and says nothing.
		observerAnswers.push(await call(olga, reviewId, 'my_vote', { roundId: round.id }));
		observerAnswers.push(await call(olga, reviewId, 'vote', { roundId: round.id, body: { score: 3 } }));
		observerAnswers.push(await call(olga, reviewId, 'reveal', { roundId: round.id }));
		observerAnswers.push(await call(olga, reviewId, 'cancel', { roundId: round.id }));
		expect(observerAnswers.map((a) => a.status)).toEqual([403, 403, 403, 403]);

		await eventually(() => observer.rounds().find((r) => r.id === round.id)?.voters.length === 3, 'the observer sees three voters');
		const before = observer.rounds().find((r) => r.id === round.id);
		expect(before?.voters.map((v) => v.name)).toEqual(['Dee Department', 'Sam Department', 'Mo Security']);
		expect(before?.result).toBeNull();

		// Before the reveal: no comment, and no field that could hold a score, anywhere it looked.
		const seenBefore = observer.everything();
		const answersBefore = observerAnswers.map((a) => a.text).join('\n');
		for (const secret of secrets) expect(seenBefore + answersBefore).not.toContain(secret);
		expect(seenBefore).not.toMatch(/score|comment/i);
		for (const answer of observerAnswers) {
			expect(Object.keys(answer.body)).toEqual(['error']);
			expect(Object.keys(answer.body.error as object).sort()).toEqual(['code', 'message']);
		}
		for (const state of observer.states) {
			const rounds = (JSON.parse(state) as { rounds?: unknown }).rounds ?? {};
			// The only numbers in a round before its reveal are its number and how many may vote.
			for (const [key, value] of leaves(rounds)) if (typeof value === 'number') expect(['number', 'eligible']).toContain(key);
			for (const o of objects(rounds)) if ('userId' in o) expect(Object.keys(o).sort()).toEqual(['name', 'userId']);
		}
		const updatesBeforeReveal = observer.updates.length;

		const revealed = await call(fran, reviewId, 'reveal', { roundId: round.id });
		expect(revealed.status).toBe(200);
		await eventually(() => observer.rounds().find((r) => r.id === round.id)?.status === 'revealed', 'the observer sees the reveal');
		const after = observer.rounds().find((r) => r.id === round.id);
		// Comments sorted, not in the order the votes came in (Dee, Sam, Mo).
		expect(after?.result).toEqual({ count: 3, perLevel: [1, 0, 1, 0, 1, 0], min: 0, median: 2, max: 4, comments: [secrets[0], secrets[2]] });
		expect(after?.voters.map((v) => v.name)).toEqual(['Dee Department', 'Sam Department', 'Mo Security']);

		// After the reveal: the spread, but nothing that ties a person to a score or a comment.
		const result = JSON.stringify(after?.result);
		for (const p of [dee, sam, mo]) {
			expect(result).not.toContain(p.id);
			expect(result).not.toContain(p.name);
		}
		const revealUpdates = observer.updates.slice(updatesBeforeReveal).map((u) => Buffer.from(u).toString('utf8')).join('\n');
		expect(revealUpdates).not.toMatch(/"score"|\bscore\b/);
		for (const state of observer.states) {
			for (const o of objects(JSON.parse(state))) if ('userId' in o) expect(Object.keys(o).sort()).toEqual(['name', 'userId']);
		}
		// Sam's first comment, replaced before the reveal, was never sent to anyone.
		expect(observer.everything()).not.toContain(secrets[1]);
		// Not even the voters themselves, nor the facilitator, can ask who voted what any more.
		for (const p of [dee, sam, mo, fran]) {
			const mine = await call(p, reviewId, 'my_vote', { roundId: round.id });
			expect(mine).toMatchObject({ status: 200, body: { mine: null } });
		}
		expect(await t.server.services.repos.rounds.votes(round.id)).toEqual([]);
		const reveal = (await t.server.services.audit.entries(reviewId)).find((e) => e.action === 'reveal');
		expect(reveal?.actorId).toBe(fran.id);
		expect(reveal?.details).toMatchObject({ elementCode: 'A2', round: 1, count: 3, median: 2 });
		for (const p of [dee, sam, mo]) expect(JSON.stringify(reveal?.details)).not.toContain(p.id);
	});

	it('keeps one vote per person per round: a second submit replaces the first and the count stays one', async () => {
		const { reviewId, fran, dee } = workshop();
		const observer = await listen(reviewId, fran);
		const round = await openRound(fran, reviewId, 'B1');
		await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 1, comment: 'first' } });
		await eventually(() => observer.rounds()[0]?.voters.length === 1, 'one voter');
		const changed = await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 3, comment: 'second' } });
		expect(changed.body).toEqual({ mine: { score: 3, comment: 'second' } });
		expect((await call(dee, reviewId, 'my_vote', { roundId: round.id })).body).toEqual({ mine: { score: 3, comment: 'second' } });
		expect(await t.server.services.repos.rounds.votes(round.id)).toHaveLength(1);
		expect(observer.rounds()[0].voters).toEqual([{ userId: dee.id, name: 'Dee Department' }]);
		// Only the voter gets their own vote back; the facilitator asking gets their own (none).
		expect((await call(fran, reviewId, 'my_vote', { roundId: round.id })).body).toEqual({ mine: null });
	});

	it('refuses votes from observers and from people outside the review, and changes nothing', async () => {
		const { reviewId, fran, olga, stranger } = workshop();
		const round = await openRound(fran, reviewId);
		const observerVote = await call(olga, reviewId, 'vote', { roundId: round.id, body: { score: 5 } });
		expect(observerVote).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'Observers follow the round but do not score.' } } });
		const strangerVote = await call(stranger, reviewId, 'vote', { roundId: round.id, body: { score: 5 } });
		expect(strangerVote.status).toBe(403);
		expect((await call(stranger, reviewId, 'my_vote', { roundId: round.id })).status).toBe(403);
		expect(await t.server.services.repos.rounds.votes(round.id)).toEqual([]);
	});

	it('lets only the facilitator open, reveal or cancel a round', async () => {
		const { reviewId, fran, dee, sam, mo } = workshop();
		expect((await call(dee, reviewId, 'open', { body: { elementCode: 'A2' } })).status).toBe(403);
		const round = await openRound(fran, reviewId);
		await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 2 } });
		await call(sam, reviewId, 'vote', { roundId: round.id, body: { score: 3 } });
		for (const p of [dee, mo]) {
			const reveal = await call(p, reviewId, 'reveal', { roundId: round.id });
			expect(reveal).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'Only the facilitator can open, reveal or cancel a scoring round.' } } });
			expect((await call(p, reviewId, 'cancel', { roundId: round.id })).status).toBe(403);
		}
		expect((await t.server.services.repos.rounds.find(reviewId, round.id))?.status).toBe('open');
		expect(await t.server.services.repos.rounds.votes(round.id)).toHaveLength(2);
	});

	it('runs a round again as round 2 after a reveal, and refuses votes for the closed round', async () => {
		const { reviewId, fran, dee, sam } = workshop();
		const observer = await listen(reviewId, dee);
		const first = await openRound(fran, reviewId, 'C1');
		expect(errorOf(await call(fran, reviewId, 'open', { body: { elementCode: 'C1' } })).message).toBe('Round 1 for C1 is already open: reveal or cancel it first.');
		await call(dee, reviewId, 'vote', { roundId: first.id, body: { score: 1 } });
		await call(sam, reviewId, 'vote', { roundId: first.id, body: { score: 4 } });
		expect((await call(fran, reviewId, 'reveal', { roundId: first.id })).status).toBe(200);

		const late = await call(dee, reviewId, 'vote', { roundId: first.id, body: { score: 2 } });
		expect(late).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: 'Round 1 for C1 was already revealed: your score was not recorded.' } } });
		expect((await call(fran, reviewId, 'reveal', { roundId: first.id })).status).toBe(409);

		const second = await openRound(fran, reviewId, 'C1');
		expect(second).toMatchObject({ number: 2, status: 'open', voters: [] });
		await eventually(() => observer.rounds().filter((r) => r.elementCode === 'C1').length === 2, 'both rounds in the document');
		expect(observer.rounds().map((r) => [r.number, r.status])).toEqual([[1, 'revealed'], [2, 'open']]);
	});

	it('deletes the votes before the room sees the spread; when showing it fails, revealing again shows it', async () => {
		const { reviewId, fran, dee, sam } = workshop();
		const observer = await listen(reviewId, fran);
		const round = await openRound(fran, reviewId, 'B2');
		await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 1 } });
		await call(sam, reviewId, 'vote', { roundId: round.id, body: { score: 3 } });
		await eventually(() => observer.rounds().find((r) => r.id === round.id)?.voters.length === 2, 'the room sees two voters');

		// The reviewer document cannot be written (for example, it fails to load) for one request.
		const store = t.server.services.documentStore;
		const write = store.write;
		store.write = () => Promise.reject(new Error('document unavailable'));
		const failed = await call(fran, reviewId, 'reveal', { roundId: round.id });
		store.write = write;
		expect(failed).toMatchObject({ status: 500, body: { error: { code: 'internal', message: expect.stringContaining('Reveal again to show it.') } } });
		expect(await t.server.services.repos.rounds.votes(round.id)).toEqual([]);
		expect((await t.server.services.repos.rounds.find(reviewId, round.id))?.status).toBe('revealed');
		expect(observer.rounds().find((r) => r.id === round.id)).toMatchObject({ status: 'open', result: null });

		const again = await call(fran, reviewId, 'reveal', { roundId: round.id });
		expect(again.status).toBe(409);
		await eventually(() => observer.rounds().find((r) => r.id === round.id)?.status === 'revealed', 'the room sees the reveal');
		expect(observer.rounds().find((r) => r.id === round.id)?.result).toMatchObject({ count: 2, min: 1, max: 3 });
		const stored = readRounds(readStored(t.server.services.store.tx.documents, reviewerDocumentName(reviewId)));
		expect(stored.find((r) => r.id === round.id)).toMatchObject({ status: 'revealed', result: { count: 2 } });
	});

	it('refuses to reveal fewer than two votes, and cancelling deletes the votes unseen', async () => {
		const { reviewId, fran, dee } = workshop();
		const round = await openRound(fran, reviewId, 'D1');
		expect((await call(fran, reviewId, 'reveal', { roundId: round.id })).status).toBe(409);
		await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 5, comment: 'alone' } });
		const single = await call(fran, reviewId, 'reveal', { roundId: round.id });
		expect(single.status).toBe(409);
		expect(errorOf(single).message).toContain("that person's score");
		const cancelled = await call(fran, reviewId, 'cancel', { roundId: round.id });
		expect(cancelled).toMatchObject({ status: 200, body: { round: { status: 'cancelled', result: null, voters: [{ name: 'Dee Department' }] } } });
		expect(await t.server.services.repos.rounds.votes(round.id)).toEqual([]);
		expect(cancelled.text).not.toContain('alone');
	});

	it('answers bad input with 400 and a clear message, and refuses a cross-site post', async () => {
		const { reviewId, fran, dee } = workshop();
		const round = await openRound(fran, reviewId, 'E1');
		const bad = async (body: unknown) => errorOf(await call(dee, reviewId, 'vote', { roundId: round.id, body }));
		expect(await bad({ score: 7 })).toEqual({ code: 'invalid_input', message: 'A score is a whole number from 0 to 5.', field: 'score' });
		expect(await bad({ score: 2.5 })).toMatchObject({ field: 'score' });
		expect(await bad({})).toEqual({ code: 'invalid_input', message: 'Choose a level from 0 to 5.', field: 'score' });
		expect(await bad({ score: 2, comment: 'x'.repeat(501) })).toEqual({ code: 'invalid_input', message: 'A comment can be at most 500 characters.', field: 'comment' });
		expect((await call(dee, reviewId, 'vote', { roundId: round.id, rawBody: '{not json' })).status).toBe(400);
		expect(errorOf(await call(fran, reviewId, 'open', { body: { elementCode: 'Z9' } }))).toEqual({ code: 'invalid_input', message: 'Choose an element of the framework to score.', field: 'elementCode' });
		expect((await call(dee, reviewId, 'vote', { roundId: 'no-such-round', body: { score: 1 } })).status).toBe(404);
		const forged = await call(dee, reviewId, 'vote', { roundId: round.id, body: { score: 1 }, origin: 'https://evil.example' });
		expect(forged.status).toBe(403);
		const noOrigin = await call(fran, reviewId, 'reveal', { roundId: round.id, origin: null });
		expect(noOrigin.status).toBe(403);
		expect(await t.server.services.repos.rounds.votes(round.id)).toEqual([]);
	});
});
