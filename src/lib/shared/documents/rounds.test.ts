import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PublicRounds, readRounds, roundsForElement, summariseVotes, voterSummary, writeRound, type PublicRound } from './rounds.ts';

const round = (over: Partial<PublicRound> = {}): PublicRound => ({
	id: 'r1',
	elementCode: 'A2',
	number: 1,
	status: 'open',
	openedAt: '2026-11-25T10:00:00.000Z',
	closedAt: null,
	eligible: 4,
	voters: [],
	result: null,
	...over
});

describe('blind scoring rounds in the reviewer document', () => {
	it('reads back what the server wrote, per element, in round order', () => {
		const doc = new Y.Doc();
		writeRound(doc, round({ id: 'r2', number: 2, voters: [{ userId: 'u1', name: 'Dee' }] }));
		writeRound(doc, round({ id: 'r1', status: 'revealed', closedAt: '2026-11-25T10:05:00.000Z' }));
		writeRound(doc, round({ id: 'r3', elementCode: 'B1' }));
		const a2 = roundsForElement(readRounds(doc), 'A2');
		expect(a2.all.map((r) => r.number)).toEqual([1, 2]);
		expect(a2.open?.id).toBe('r2');
		expect(a2.latest?.id).toBe('r2');
		expect(roundsForElement(readRounds(doc), 'C1')).toEqual({ open: null, latest: null, all: [] });
	});

	it('skips and reports a malformed entry instead of throwing', () => {
		const doc = new Y.Doc();
		writeRound(doc, round());
		PublicRounds.root(doc).set('bad', { id: 'bad', elementCode: 'A2', voters: 'everyone' });
		PublicRounds.root(doc).set('r9', { ...round({ id: 'r9' }), score: 4 });
		const problems: string[] = [];
		expect(readRounds(doc, problems).map((r) => r.id)).toEqual(['r1']);
		expect(problems).toEqual(['round bad: malformed', 'round r9: malformed']);
	});

	it('refuses to write a round carrying anything beyond the public shape', () => {
		const doc = new Y.Doc();
		const withVotes = { ...round(), votes: [{ userId: 'u1', score: 3 }] } as PublicRound;
		expect(() => writeRound(doc, withVotes)).toThrow();
		expect(readRounds(doc)).toEqual([]);
	});
});

describe('the anonymous spread of a round', () => {
	it('counts each level and gives minimum, median and maximum', () => {
		const result = summariseVotes([
			{ score: 3, comment: '' },
			{ score: 1, comment: '' },
			{ score: 4, comment: '' },
			{ score: 3, comment: '' }
		]);
		expect(result).toEqual({ count: 4, perLevel: [0, 1, 0, 2, 1, 0], min: 1, median: 3, max: 4, comments: [] });
	});

	it('sorts comments so their order does not follow the votes, and drops empty ones', () => {
		const result = summariseVotes([
			{ score: 5, comment: ' Zebra crossings are fine ' },
			{ score: 0, comment: '' },
			{ score: 2, comment: 'Access control is patchy' },
			{ score: 1, comment: 'maybe later' }
		]);
		expect(result.comments).toEqual(['Access control is patchy', 'maybe later', 'Zebra crossings are fine']);
	});
});

describe('who has voted', () => {
	it('says how many of how many, with names and no values', () => {
		const dee = { userId: 'a', name: 'Dee' };
		const sam = { userId: 'b', name: 'Sam' };
		expect(voterSummary({ status: 'open', eligible: 5, voters: [] })).toBe('Nobody has voted yet (5 can vote).');
		expect(voterSummary({ status: 'open', eligible: 5, voters: [dee] })).toBe('1 of 5 has voted: Dee.');
		expect(voterSummary({ status: 'open', eligible: 5, voters: [dee, sam] })).toBe('2 of 5 have voted: Dee, Sam.');
		expect(voterSummary({ status: 'revealed', eligible: 5, voters: [dee, sam] })).toBe('Scored by 2 of 5: Dee, Sam.');
	});

	it('says it in the language asked for, with the plural that language needs', () => {
		const dee = { userId: 'a', name: 'Dee' };
		const sam = { userId: 'b', name: 'Sam' };
		expect(voterSummary({ status: 'open', eligible: 5, voters: [dee] }, 'fr')).toBe('1 sur 5 a voté : Dee.');
		expect(voterSummary({ status: 'open', eligible: 5, voters: [dee, sam] }, 'fr')).toBe('2 sur 5 ont voté : Dee, Sam.');
		expect(voterSummary({ status: 'open', eligible: 5, voters: [dee, sam] }, 'es')).toBe('2 de 5 han votado: Dee, Sam.');
	});
});
