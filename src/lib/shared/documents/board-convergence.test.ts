// Several people on one board, their updates arriving late and out of order (the way Yjs's own
// tests check convergence): every replica must end with the same board, and a move by one person
// and a text edit by another on the same note must both survive.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '../framework/index.ts';
import { NOTE_COLOURS, UNSORTED, addNote, boardRules, deleteNote, moveNote, readBoard, restoreNote, updateNote, type DeletedNote } from './board.ts';

const rules = boardRules(DEFAULT_FRAMEWORK);
const COLUMNS = [UNSORTED, ...DEFAULT_FRAMEWORK.pillars.map((p) => p.code)];
const ELEMENTS = DEFAULT_FRAMEWORK.elements.map((e) => e.code);

/** mulberry32: a tiny seeded generator, so a failing seed can be replayed. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

/** Replicas whose updates queue per receiver and are delivered one at a time, in random order. */
function network(size: number) {
	const docs = Array.from({ length: size }, () => new Y.Doc());
	const inboxes: Uint8Array[][] = docs.map(() => []);
	docs.forEach((doc, from) =>
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'network') return;
			inboxes.forEach((inbox, to) => to !== from && inbox.push(update));
		})
	);
	const deliver = (to: number, index: number) => {
		const [update] = inboxes[to].splice(index, 1);
		Y.applyUpdate(docs[to], update, 'network');
	};
	const flush = () => {
		for (let to = 0; to < docs.length; to++) while (inboxes[to].length > 0) deliver(to, 0);
	};
	return { docs, inboxes, deliver, flush };
}

function randomEdit(doc: Y.Doc, rnd: ReturnType<typeof random>, step: number, trash: DeletedNote[]) {
	const notes = readBoard(doc);
	const roll = rnd.next();
	const someone = { id: `u${rnd.int(4)}`, name: 'Staff' };
	if (notes.length === 0 || roll < 0.2) {
		addNote(doc, { text: `concern ${step}`, colour: rnd.pick(NOTE_COLOURS), column: rnd.pick(COLUMNS), elementCode: null }, someone, rules, step);
		return;
	}
	const target = rnd.pick(notes);
	if (roll < 0.55) moveNote(doc, target.id, rnd.pick(COLUMNS), rnd.int(notes.length + 1), rules);
	else if (roll < 0.7) updateNote(doc, target.id, { text: `${target.text} / edit ${step}` }, rules);
	else if (roll < 0.8) updateNote(doc, target.id, { colour: rnd.pick(NOTE_COLOURS), elementCode: rnd.pick(ELEMENTS) }, rules);
	else if (roll < 0.9) {
		const deleted = deleteNote(doc, target.id);
		if (deleted.ok) trash.push(deleted.value);
	} else if (trash.length > 0) restoreNote(doc, trash.splice(rnd.int(trash.length), 1)[0]);
}

describe('concerns board convergence', () => {
	for (const seed of [1, 7, 42, 2026, 31337, 90210]) {
		it(`four people editing at random with updates in random order end on one board (seed ${seed})`, () => {
			const rnd = random(seed);
			const net = network(4);
			const trash: DeletedNote[] = [];
			for (let step = 0; step < 400; step++) {
				if (rnd.next() < 0.6) randomEdit(net.docs[rnd.int(net.docs.length)], rnd, step, trash);
				else {
					const to = rnd.int(net.docs.length);
					if (net.inboxes[to].length > 0) net.deliver(to, rnd.int(net.inboxes[to].length));
				}
			}
			net.flush();
			const boards = net.docs.map((doc) => {
				const problems: string[] = [];
				const board = readBoard(doc, problems);
				expect(problems).toEqual([]);
				return board;
			});
			expect(boards[0].length).toBeGreaterThan(0);
			for (const board of boards.slice(1)) expect(board).toEqual(boards[0]);
		});
	}

	it('keeps both a move by one person and a text edit by another made at the same time', () => {
		const net = network(2);
		const [facilitator, head] = net.docs;
		const id = addNote(facilitator, { text: 'Gate logs not reviewed', colour: 'yellow', column: UNSORTED, elementCode: null }, { id: 'f', name: 'Fran' }, rules);
		if (!id.ok) throw new Error(id.error.message);
		net.flush();
		moveNote(facilitator, id.value, 'D', 0, rules);
		updateNote(head, id.value, { text: 'Gate logs not reviewed since March', colour: 'orange' }, rules);
		net.flush();
		for (const doc of net.docs) {
			expect(readBoard(doc)).toEqual([expect.objectContaining({ column: 'D', text: 'Gate logs not reviewed since March', colour: 'orange' })]);
		}
	});

	it('keeps both notes when two people move different notes into the same gap at once', () => {
		const net = network(2);
		const [a, b] = net.docs;
		const ids = ['top', 'bottom', 'left', 'right'].map((text) => {
			const r = addNote(a, { text, colour: 'blue', column: text === 'top' || text === 'bottom' ? 'A' : UNSORTED, elementCode: null }, { id: 'f', name: 'Fran' }, rules);
			if (!r.ok) throw new Error(r.error.message);
			return r.value;
		});
		net.flush();
		moveNote(a, ids[2], 'A', 1, rules);
		moveNote(b, ids[3], 'A', 1, rules);
		net.flush();
		const columnA = (doc: Y.Doc) => readBoard(doc).filter((n) => n.column === 'A').map((n) => n.text);
		expect(columnA(a)).toEqual(columnA(b));
		expect(columnA(a)[0]).toBe('top');
		expect(columnA(a)[3]).toBe('bottom');
		expect(columnA(a).slice(1, 3).sort()).toEqual(['left', 'right']);
	});
});
