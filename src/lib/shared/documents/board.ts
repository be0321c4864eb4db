// The concerns board of the workspace document: sticky notes staff post live during the workshop,
// grouped in a column per framework pillar plus "Unsorted". An entity collection ordered within
// each column: a move (column, order) by one person and a text edit by another touch different
// keys of the same note, so both survive.
import type * as Y from 'yjs';
import type { Framework } from '../framework/schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { collection, type Entity } from './schema/collection.ts';
import { instant, oneOf, optionalText, text, type Field, type Problems } from './schema/fields.ts';
import { compareOrdered } from './schema/ordering.ts';
import type { Settable } from './schema/shape.ts';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { InterfaceLocale } from '../../i18n/locales.ts';

export const UNSORTED = 'unsorted';
export const NOTE_TEXT_MAX = 500;

/** A small palette, each colour with a name shown on the note, so colour is never the only cue. */
export const NOTE_COLOURS = ['yellow', 'blue', 'green', 'pink', 'orange', 'grey'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];
/** A note colour's name in a language (the reader's by default), written on every note. */
export function noteColourLabel(colour: NoteColour, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	switch (colour) {
		case 'yellow': return m.room_colour_yellow({}, options);
		case 'blue': return m.room_colour_blue({}, options);
		case 'green': return m.room_colour_green({}, options);
		case 'pink': return m.room_colour_pink({}, options);
		case 'orange': return m.room_colour_orange({}, options);
		case 'grey': return m.room_colour_grey({}, options);
	}
}

const COLUMN_PATTERN = /^[A-Z]$/;

/**
 * A pillar code or UNSORTED. Read by shape, not against a framework, so a note stays readable
 * whatever the framework; which columns a board has is checked when writing (BoardRules).
 */
function column(): Field<string> {
	const known = (value: unknown): value is string => typeof value === 'string' && (value === UNSORTED || COLUMN_PATTERN.test(value));
	return {
		read(stored, _key, at) {
			if (stored === undefined || known(stored)) return stored ?? UNSORTED;
			at.problems.push(`${at.where}: unknown column, shown as unsorted`);
			return UNSORTED;
		},
		check: (value, key) => (known(value) ? ok(value) : fail('invalid_input', m.documents_board_column_invalid(), key)),
		store: (value) => value,
		same: (stored, value) => stored === value,
		initial: () => UNSORTED
	};
}

const tooLong = (length: number) => m.documents_note_too_long({ max: NOTE_TEXT_MAX, length });
const deletedElsewhere = () => m.documents_note_deleted();

export const BoardNotes = collection({
	key: 'board',
	label: 'board note',
	missing: deletedElsewhere,
	groupBy: 'column',
	shape: {
		text: text({ trim: true, max: NOTE_TEXT_MAX, readMax: NOTE_TEXT_MAX, required: () => m.documents_note_required(), tooLong }),
		colour: oneOf(NOTE_COLOURS, { fallback: 'yellow', invalid: () => m.documents_note_colour_invalid(), malformed: 'unknown colour' }),
		column: column(),
		elementCode: optionalText(),
		authorId: text(),
		authorName: text({ max: 200 }),
		createdAt: instant(),
		/** The improvement-plan action this note became, if any. */
		actionId: optionalText()
	}
});

export type BoardNote = Entity<typeof BoardNotes.shape>;

/** What the framework allows on this board; passed in so this file stays framework-agnostic. */
export type BoardRules = { validColumn(column: string): boolean; validElement(code: string): boolean };

export function boardRules(framework: Framework): BoardRules {
	const pillars = new Set(framework.pillars.map((p) => p.code));
	const elements = new Set(framework.elements.map((e) => e.code));
	return { validColumn: (c) => c === UNSORTED || pillars.has(c), validElement: (c) => elements.has(c) };
}

export function notesMap(doc: Y.Doc): Y.Map<unknown> {
	return BoardNotes.root(doc);
}

/** Every note, by column and then by position in the column. */
export function readBoard(doc: Y.Doc, problems: Problems = []): BoardNote[] {
	return BoardNotes.list(doc, problems);
}

/** The notes of one column in board order. */
export function columnNotes(notes: readonly BoardNote[], columnId: string): BoardNote[] {
	return notes.filter((n) => n.column === columnId).sort(compareOrdered);
}

export function validateNoteText(value: string): Result<string> {
	return BoardNotes.shape.text.check(value, 'text');
}

/** What the board's framework decides: which columns and elements exist. */
function checkAgainst(rules: BoardRules, input: { column?: string; elementCode?: string | null }): Result<true> {
	if (input.column !== undefined && !rules.validColumn(input.column)) return fail('invalid_input', m.documents_board_column_invalid(), 'column');
	if (input.elementCode && !rules.validElement(input.elementCode)) {
		return fail('invalid_input', m.documents_element_not_in_framework({ code: input.elementCode }), 'elementCode');
	}
	return ok(true);
}

export type NewNote = { text: string; colour: NoteColour; column: string; elementCode: string | null };

/** Adds a note at the end of its column and returns its id. */
export function addNote(doc: Y.Doc, input: NewNote, author: { id: string; name: string }, rules: BoardRules, now: number = Date.now()): Result<string> {
	const text = validateNoteText(input.text);
	if (!text.ok) return text;
	const colour = BoardNotes.shape.colour.check(input.colour, 'colour');
	if (!colour.ok) return colour;
	const allowed = checkAgainst(rules, input);
	if (!allowed.ok) return allowed;
	return BoardNotes.create(doc, { ...input, elementCode: input.elementCode || null, authorId: author.id, authorName: author.name, createdAt: now });
}

export type NoteChanges = { text?: string; colour?: NoteColour; elementCode?: string | null };

/** Writes only the fields given and changed, so a colleague's concurrent change to another field stays. */
export function updateNote(doc: Y.Doc, id: string, changes: NoteChanges, rules: BoardRules): Result<true> {
	if (!BoardNotes.has(doc, id)) return fail('not_found', deletedElsewhere());
	const allowed = checkAgainst(rules, changes);
	if (!allowed.ok) return allowed;
	const { elementCode, ...rest } = changes;
	return BoardNotes.update(doc, id, elementCode === undefined ? rest : { ...rest, elementCode: elementCode || null });
}

/** Moves a note to `index` (0-based, among the column's other notes) of `column`. */
export function moveNote(doc: Y.Doc, id: string, columnId: string, index: number, rules: BoardRules): Result<true> {
	if (!BoardNotes.has(doc, id)) return fail('not_found', deletedElsewhere());
	if (!rules.validColumn(columnId)) return fail('invalid_input', m.documents_board_column_invalid(), 'column');
	return BoardNotes.move(doc, id, index, columnId);
}

/** Links a note to the plan action it became. */
export function linkNoteToAction(doc: Y.Doc, id: string, actionId: string): Result<true> {
	return BoardNotes.update(doc, id, { actionId });
}

/** Everything needed to put a deleted note back (undo). */
export type DeletedNote = BoardNote;

export function deleteNote(doc: Y.Doc, id: string): Result<DeletedNote> {
	return BoardNotes.remove(doc, id, () => m.documents_note_already_deleted());
}

/** Puts a deleted note back with its id, so an action made from it still points at it. */
export function restoreNote(doc: Y.Doc, note: DeletedNote): Result<true> {
	if (BoardNotes.has(doc, note.id)) return fail('conflict', m.documents_note_already_on_board());
	const { id, order, ...values } = note;
	const restored = BoardNotes.create(doc, values as Partial<Settable<typeof BoardNotes.shape>>, { id, order });
	return restored.ok ? ok(true) : restored;
}
