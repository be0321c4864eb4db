import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '../framework/index.ts';
import { orderAt } from './schema/ordering.ts';
import { runInLocale } from '../../i18n/shared-locale-storage.ts';
import {
	NOTE_TEXT_MAX,
	UNSORTED,
	addNote,
	boardRules,
	columnNotes,
	deleteNote,
	linkNoteToAction,
	moveNote,
	notesMap,
	readBoard,
	restoreNote,
	updateNote,
	type NewNote
} from './board.ts';

const rules = boardRules(DEFAULT_FRAMEWORK);
const hana = { id: 'u-hana', name: 'Hana Harbour' };
const note = (text: string, extra: Partial<NewNote> = {}): NewNote => ({ text, colour: 'yellow', column: UNSORTED, elementCode: null, ...extra });

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

const texts = (doc: Y.Doc, column: string) => columnNotes(readBoard(doc), column).map((n) => n.text);

describe('adding and reading notes', () => {
	it('adds a note at the end of its column with its author and no action yet', () => {
		const doc = new Y.Doc();
		value(addNote(doc, note('Gate 3 badge readers fail in the rain'), hana, rules, 10));
		value(addNote(doc, note('  Nobody owns the CCTV retention policy  ', { colour: 'pink', column: 'C', elementCode: 'C3' }), hana, rules, 11));
		value(addNote(doc, note('Night shift never sees the risk register'), hana, rules, 12));
		expect(texts(doc, UNSORTED)).toEqual(['Gate 3 badge readers fail in the rain', 'Night shift never sees the risk register']);
		const [cctv] = columnNotes(readBoard(doc), 'C');
		expect(cctv).toMatchObject({
			text: 'Nobody owns the CCTV retention policy',
			colour: 'pink',
			elementCode: 'C3',
			authorId: 'u-hana',
			authorName: 'Hana Harbour',
			createdAt: 11,
			actionId: null
		});
	});

	it('refuses empty or over-long text, unknown colours, columns and elements, and changes nothing', () => {
		const doc = new Y.Doc();
		const refusals = [
			addNote(doc, note('   '), hana, rules),
			addNote(doc, note('x'.repeat(NOTE_TEXT_MAX + 1)), hana, rules),
			addNote(doc, { ...note('ok'), colour: 'purple' as 'yellow' }, hana, rules),
			addNote(doc, note('ok', { column: 'Z' }), hana, rules),
			addNote(doc, note('ok', { elementCode: 'Z9' }), hana, rules)
		];
		expect(refusals.map((r) => (r.ok ? null : r.error.field))).toEqual(['text', 'text', 'colour', 'column', 'elementCode']);
		expect(refusals[1].ok ? '' : refusals[1].error.message).toContain(`${NOTE_TEXT_MAX + 1}`);
		expect(readBoard(doc)).toEqual([]);
	});

	it('reads malformed content tolerantly, reporting each problem instead of throwing', () => {
		const doc = new Y.Doc();
		const board = notesMap(doc);
		board.set('not-a-map', 'hello');
		const odd = new Y.Map<unknown>();
		board.set('odd', odd);
		odd.set('text', 42);
		odd.set('colour', 'ultraviolet');
		odd.set('column', 'pillar nine');
		odd.set('order', 'first');
		const long = new Y.Map<unknown>();
		board.set('long', long);
		long.set('text', 'y'.repeat(NOTE_TEXT_MAX + 20));
		const problems: string[] = [];
		const notes = readBoard(doc, problems);
		expect(notes.map((n) => n.id).sort()).toEqual(['long', 'odd']);
		expect(notes.find((n) => n.id === 'odd')).toMatchObject({ text: '', colour: 'yellow', column: UNSORTED, order: 0 });
		expect(notes.find((n) => n.id === 'long')?.text).toHaveLength(NOTE_TEXT_MAX);
		expect(problems).toEqual(
			expect.arrayContaining([
				'board note not-a-map: malformed',
				'board note odd: text is not text',
				'board note odd: unknown colour',
				'board note odd: unknown column, shown as unsorted',
				'board note odd: order is not a number',
				`board note long: text longer than ${NOTE_TEXT_MAX} characters, shortened`
			])
		);
	});
});

describe('moving notes', () => {
	function board() {
		const doc = new Y.Doc();
		const ids = ['one', 'two', 'three'].map((t, i) => value(addNote(doc, note(t), hana, rules, i)));
		return { doc, ids };
	}

	it('reorders within a column and moves to another column at a given position', () => {
		const { doc, ids } = board();
		value(moveNote(doc, ids[2], UNSORTED, 0, rules));
		expect(texts(doc, UNSORTED)).toEqual(['three', 'one', 'two']);
		value(moveNote(doc, ids[2], UNSORTED, 1, rules));
		expect(texts(doc, UNSORTED)).toEqual(['one', 'three', 'two']);
		value(moveNote(doc, ids[0], 'B', 0, rules));
		value(moveNote(doc, ids[1], 'B', 0, rules));
		expect(texts(doc, 'B')).toEqual(['two', 'one']);
		expect(texts(doc, UNSORTED)).toEqual(['three']);
		value(moveNote(doc, ids[2], 'B', 99, rules));
		expect(texts(doc, 'B')).toEqual(['two', 'one', 'three']);
	});

	it('keeps ordering when the same gap is split until numbers run out, by renumbering the column', () => {
		const { doc, ids } = board();
		// Moving the last note between the first two, over and over, halves the same gap each time.
		for (let i = 0; i < 80; i++) {
			value(moveNote(doc, ids[2], UNSORTED, 1, rules));
			value(moveNote(doc, ids[1], UNSORTED, 1, rules));
		}
		expect(texts(doc, UNSORTED)).toEqual(['one', 'two', 'three']);
	});

	it('places notes with equal order numbers by id, so every client sorts them alike', () => {
		expect(orderAt([], 0)).toBe(0);
		expect(orderAt([{ id: 'a', order: 1 }], 0)).toBe(0);
		expect(orderAt([{ id: 'a', order: 1 }], 1)).toBe(2);
		expect(orderAt([{ id: 'a', order: 1 }, { id: 'b', order: 2 }], 1)).toBe(1.5);
		expect(orderAt([{ id: 'a', order: 1 }, { id: 'b', order: 1 }], 1)).toBeNull();
		const doc = new Y.Doc();
		for (const id of ['n-b', 'n-a']) {
			const m = new Y.Map<unknown>();
			notesMap(doc).set(id, m);
			m.set('text', id);
			m.set('order', 3);
		}
		expect(texts(doc, UNSORTED)).toEqual(['n-a', 'n-b']);
	});

	it('refuses unknown columns and deleted notes', () => {
		const { doc, ids } = board();
		expect(moveNote(doc, ids[0], 'Q', 0, rules)).toMatchObject({ ok: false, error: { field: 'column' } });
		expect(moveNote(doc, 'gone', 'A', 0, rules)).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(texts(doc, UNSORTED)).toEqual(['one', 'two', 'three']);
	});
});

describe('editing, linking and deleting notes', () => {
	it('changes only the fields given and validates them', () => {
		const doc = new Y.Doc();
		const id = value(addNote(doc, note('Fence line unlit'), hana, rules));
		value(updateNote(doc, id, { colour: 'green', elementCode: 'C1' }, rules));
		value(updateNote(doc, id, { text: ' Fence line at berth 4 unlit ' }, rules));
		expect(readBoard(doc)[0]).toMatchObject({ text: 'Fence line at berth 4 unlit', colour: 'green', elementCode: 'C1' });
		expect(updateNote(doc, id, { text: '' }, rules).ok).toBe(false);
		expect(updateNote(doc, id, { elementCode: 'X1' }, rules).ok).toBe(false);
		value(updateNote(doc, id, { elementCode: null }, rules));
		expect(readBoard(doc)[0]).toMatchObject({ text: 'Fence line at berth 4 unlit', elementCode: null });
	});

	it('deletes a note and undo puts it back in place, with its link to an action', () => {
		const doc = new Y.Doc();
		const ids = ['first', 'second', 'third'].map((t) => value(addNote(doc, note(t), hana, rules)));
		value(linkNoteToAction(doc, ids[1], 'action-1'));
		const deleted = value(deleteNote(doc, ids[1]));
		expect(texts(doc, UNSORTED)).toEqual(['first', 'third']);
		expect(deleteNote(doc, ids[1]).ok).toBe(false);
		value(restoreNote(doc, deleted));
		expect(texts(doc, UNSORTED)).toEqual(['first', 'second', 'third']);
		expect(readBoard(doc).find((n) => n.id === ids[1])?.actionId).toBe('action-1');
		expect(restoreNote(doc, deleted).ok).toBe(false);
	});
});

describe('refusals in the reader’s language', () => {
	it('says why a note is refused in the language of the request it runs in, checked when it runs', () => {
		const doc = new Y.Doc();
		const refusal = (text: string) => {
			const result = addNote(doc, note(text), hana, rules);
			return result.ok ? null : result.error.message;
		};
		expect(refusal('  ')).toBe('Write the concern on the note.');
		expect(runInLocale('fr', () => refusal('  '))).toBe('Écrivez la préoccupation sur la note.');
		expect(runInLocale('ar', () => refusal('  '))).toBe('اكتب المخاوف على الملاحظة.');
		expect(runInLocale('es', () => refusal('x'.repeat(NOTE_TEXT_MAX + 12)))).toBe(`Limite la nota a ${NOTE_TEXT_MAX} caracteres (esta tiene ${NOTE_TEXT_MAX + 12}).`);
		expect(refusal('x'.repeat(NOTE_TEXT_MAX + 1))).toBe(`Keep a note to ${NOTE_TEXT_MAX} characters (this one has ${NOTE_TEXT_MAX + 1}).`);
		expect(runInLocale('fr', () => addNote(doc, note('Gate 3', { elementCode: 'Z9' }), hana, rules))).toMatchObject({
			ok: false,
			error: { field: 'elementCode', message: 'Z9 n’est pas un élément de ce référentiel.' }
		});
		expect(runInLocale('ar', () => deleteNote(doc, 'gone'))).toMatchObject({ ok: false, error: { code: 'not_found', message: 'سبق حذف هذه الملاحظة.' } });
		expect(readBoard(doc)).toEqual([]);
	});
});
