import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UNSORTED, addNote, boardRules, moveNote, notesMap, readBoard } from '#lib/shared/documents/board.ts';
import { DEFAULT_FRAMEWORK } from '#lib/shared/framework/index.ts';
import { changedFields } from './note-edit.ts';
import { boardColumns, directionOfKey, dropIndex, groupNotes, moveAnnouncement, moveTarget, pillarOf } from './board-view.ts';

const rules = boardRules(DEFAULT_FRAMEWORK);
const columns = boardColumns(DEFAULT_FRAMEWORK);
const author = { id: 'u1', name: 'Fran' };

function boardWith(placement: Record<string, string[]>) {
	const doc = new Y.Doc();
	const ids = new Map<string, string>();
	for (const [column, texts] of Object.entries(placement)) {
		for (const text of texts) {
			const r = addNote(doc, { text, colour: 'yellow', column, elementCode: null }, author, rules);
			if (!r.ok) throw new Error(r.error.message);
			ids.set(text, r.value);
		}
	}
	return { doc, ids, grouped: () => groupNotes(readBoard(doc), columns) };
}

describe('board layout', () => {
	it('puts Unsorted first, then every pillar in framework order', () => {
		expect(columns.map((c) => c.id)).toEqual([UNSORTED, 'A', 'B', 'C', 'D', 'E']);
		expect(columns[1].label).toBe('A. Leadership and accountability');
		expect(pillarOf(DEFAULT_FRAMEWORK, 'C3')).toBe('C');
		expect(pillarOf(DEFAULT_FRAMEWORK, null)).toBeNull();
	});

	it('shows a note whose column this framework lacks under Unsorted', () => {
		const { doc, grouped } = boardWith({ A: ['kept'] });
		notesMap(doc).forEach((m) => (m as Y.Map<unknown>).set('column', 'Q'));
		expect(grouped().get(UNSORTED)?.map((n) => n.text)).toEqual(['kept']);
	});
});

describe('keyboard moves', () => {
	it('moves sideways at the same height and back again to where the note was', () => {
		const { doc, ids, grouped } = boardWith({ A: ['a1', 'a2', 'a3'], B: ['b1'] });
		const a2 = ids.get('a2') as string;
		const right = moveTarget(grouped(), columns, a2, 'right');
		expect(right).toEqual({ column: 'B', index: 1 });
		moveNote(doc, a2, 'B', 1, rules);
		expect(grouped().get('B')?.map((n) => n.text)).toEqual(['b1', 'a2']);
		const left = moveTarget(grouped(), columns, a2, 'left');
		expect(left).toEqual({ column: 'A', index: 1 });
		moveNote(doc, a2, 'A', 1, rules);
		expect(grouped().get('A')?.map((n) => n.text)).toEqual(['a1', 'a2', 'a3']);
	});

	it('reorders up and down, and stops at the edges of the board', () => {
		const { doc, ids, grouped } = boardWith({ [UNSORTED]: ['first'], E: ['e1', 'e2', 'e3'] });
		const e3 = ids.get('e3') as string;
		expect(moveTarget(grouped(), columns, e3, 'down')).toBeNull();
		expect(moveTarget(grouped(), columns, e3, 'right')).toBeNull();
		expect(moveTarget(grouped(), columns, ids.get('first') as string, 'left')).toBeNull();
		const up = moveTarget(grouped(), columns, e3, 'up');
		moveNote(doc, e3, 'E', up?.index ?? -1, rules);
		expect(grouped().get('E')?.map((n) => n.text)).toEqual(['e1', 'e3', 'e2']);
		const top = moveTarget(grouped(), columns, e3, 'top');
		moveNote(doc, e3, 'E', top?.index ?? -1, rules);
		expect(grouped().get('E')?.map((n) => n.text)).toEqual(['e3', 'e1', 'e2']);
		const down = moveTarget(grouped(), columns, e3, 'down');
		moveNote(doc, e3, 'E', down?.index ?? -1, rules);
		expect(grouped().get('E')?.map((n) => n.text)).toEqual(['e1', 'e3', 'e2']);
	});

	it('reads Alt+Arrow keys only, and says where a note went', () => {
		const key = (k: string, altKey = true) => directionOfKey({ key: k, altKey, ctrlKey: false, metaKey: false, shiftKey: false });
		expect([key('ArrowLeft'), key('ArrowRight'), key('ArrowUp'), key('ArrowDown'), key('Home'), key('End')]).toEqual(['left', 'right', 'up', 'down', 'top', 'bottom']);
		expect(key('ArrowLeft', false)).toBeNull();
		expect(key('a')).toBeNull();
		expect(moveAnnouncement(columns[2], 1, 3)).toBe('Moved to B. Threat and risk management, position 2 of 3.');
	});

	it('moves towards the arrow on screen in a right-to-left page, where the first column is on the right', () => {
		const key = (k: string) => directionOfKey({ key: k, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false }, true);
		expect([key('ArrowLeft'), key('ArrowRight'), key('ArrowUp'), key('ArrowDown')]).toEqual(['right', 'left', 'up', 'down']);
	});

	it('drops before the first note whose middle is below the pointer', () => {
		expect(dropIndex([], 50)).toBe(0);
		expect(dropIndex([100, 200], 50)).toBe(0);
		expect(dropIndex([100, 200], 150)).toBe(1);
		expect(dropIndex([100, 200], 250)).toBe(2);
	});
});

describe('saving an edit', () => {
	it('writes only the fields this person changed, so a colleague’s concurrent change stays', () => {
		const original = { text: 'Fence unlit', colour: 'yellow' as const, elementCode: null };
		expect(changedFields(original, { ...original, text: ' Fence unlit ' })).toEqual({});
		expect(changedFields(original, { ...original, text: 'Fence at berth 4 unlit' })).toEqual({ text: 'Fence at berth 4 unlit' });
		expect(changedFields(original, { ...original, colour: 'pink', elementCode: 'C1' })).toEqual({ colour: 'pink', elementCode: 'C1' });
	});
});
