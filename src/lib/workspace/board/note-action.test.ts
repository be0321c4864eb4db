import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UNSORTED, addNote, boardRules, readBoard } from '#lib/shared/documents/board.ts';
import { descriptionOf, readPlan } from '#lib/shared/documents/plan.ts';
import { richTextOf } from '#lib/shared/record/rich-text.ts';
import { DEFAULT_FRAMEWORK } from '#lib/shared/framework/index.ts';
import { createNoteAction, noteActionTitle, noteIdOfSource } from './note-action.ts';

const rules = boardRules(DEFAULT_FRAMEWORK);
const options = { validElement: rules.validElement, priority: 'P2' as const };

function boardWithNote(text: string, elementCode: string | null) {
	const doc = new Y.Doc();
	const r = addNote(doc, { text, colour: 'pink', column: UNSORTED, elementCode }, { id: 'u-hana', name: 'Hana' }, rules);
	if (!r.ok) throw new Error(r.error.message);
	return { doc, note: () => readBoard(doc)[0] };
}

describe('turning a note into an action', () => {
	it('creates a proposed action linked to the element, with the note as title and description, and links both ways', () => {
		const { doc, note } = boardWithNote('Contractors keep their passes after the job ends\nSeen twice this month at berth 2.', 'C4');
		const created = createNoteAction(doc, note(), { id: 'u-fran' }, options, 99);
		if (!created.ok) throw new Error(created.error.message);
		const [action] = readPlan(doc);
		expect(action).toMatchObject({
			id: created.value,
			title: 'Contractors keep their passes after the job ends',
			linkedElements: ['C4'],
			priority: 'P2',
			status: 'proposed',
			createdBy: 'u-fran',
			createdAt: 99
		});
		expect(noteIdOfSource(action.source)).toBe(note().id);
		expect(note().actionId).toBe(created.value);
		expect(richTextOf(descriptionOf(doc, created.value)).text).toBe('Contractors keep their passes after the job ends\nSeen twice this month at berth 2.');
	});

	it('asks for an element first and refuses a second action for the same note', () => {
		const unlinked = boardWithNote('Who checks the fence?', null);
		const refused = createNoteAction(unlinked.doc, unlinked.note(), { id: 'u' }, options);
		expect(refused).toMatchObject({ ok: false, error: { field: 'elementCode' } });
		expect(readPlan(unlinked.doc)).toEqual([]);

		const linked = boardWithNote('Who checks the fence?', 'C1');
		expect(createNoteAction(linked.doc, linked.note(), { id: 'u' }, options).ok).toBe(true);
		expect(createNoteAction(linked.doc, linked.note(), { id: 'u' }, options)).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(readPlan(linked.doc)).toHaveLength(1);
	});

	it('keeps long notes to a heading-sized title and tells board actions from others', () => {
		expect(noteActionTitle(`${'word '.repeat(60)}`).length).toBeLessThanOrEqual(121);
		expect(noteIdOfSource('grid:A1')).toBeNull();
		expect(noteIdOfSource('board:')).toBeNull();
		expect(noteIdOfSource('board:n1')).toBe('n1');
	});
});
