// "Turn into action": a concern on the board becomes a proposed improvement-plan action linked to
// the same element, with the note's words as its title and description. The action remembers the
// note (source `board:<id>`) and the note remembers the action, in one transaction, so nobody
// ever sees one without the other.
import * as Y from 'yjs';
import { linkNoteToAction, type BoardNote } from '#lib/shared/documents/board.ts';
import { createAction, descriptionOf, readPlan } from '#lib/shared/documents/plan.ts';
import type { Priority } from '#lib/shared/framework/codes.ts';
import { fail, ok, type Result } from '#lib/shared/result.ts';
import { m } from '#lib/paraglide/messages.js';
import { shortTitle } from '../plan/create-from-gap.ts';

const SOURCE_PREFIX = 'board:';

export function boardSource(noteId: string): string {
	return `${SOURCE_PREFIX}${noteId}`;
}

/** The note an action came from, or null for actions not made from the board. */
export function noteIdOfSource(source: string): string | null {
	return source.startsWith(SOURCE_PREFIX) && source.length > SOURCE_PREFIX.length ? source.slice(SOURCE_PREFIX.length) : null;
}

/** The note's first line, cut at a word boundary to fit a card heading. */
export function noteActionTitle(text: string): string {
	const firstLine = text.trim().split('\n')[0] ?? '';
	return shortTitle(firstLine, 120);
}

export function createNoteAction(
	doc: Y.Doc,
	note: BoardNote,
	author: { id: string },
	options: { validElement: (code: string) => boolean; priority: Priority | null },
	now: number = Date.now()
): Result<string> {
	if (!note.elementCode) {
		return fail('invalid_input', m.room_board_link_first(), 'elementCode');
	}
	if (note.actionId && readPlan(doc).some((a) => a.id === note.actionId)) {
		return fail('conflict', m.room_board_already_action());
	}
	return doc.transact((): Result<string> => {
		const result = createAction(
			doc,
			{
				title: noteActionTitle(note.text),
				linkedElements: [note.elementCode as string],
				owner: '',
				dueDate: null,
				priority: options.priority ?? 'P3',
				status: 'proposed',
				successMeasure: '',
				expectedLevelAfter: null,
				source: boardSource(note.id)
			},
			author,
			options.validElement,
			now
		);
		if (!result.ok) return result;
		const description = descriptionOf(doc, result.value);
		description?.insert(
			0,
			note.text.split('\n').map((line) => {
				const paragraph = new Y.XmlElement('paragraph');
				paragraph.insert(0, [new Y.XmlText(line)]);
				return paragraph;
			})
		);
		linkNoteToAction(doc, note.id, result.value);
		return ok(result.value);
	});
}
