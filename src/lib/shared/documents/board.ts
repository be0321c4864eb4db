// The concerns board of the workspace document: sticky notes staff post live during the workshop,
// grouped in a column per framework pillar plus "Unsorted". One Y.Map per note, keyed by id, with
// a key per field: a move (column, order) by one person and a text edit by another touch
// different keys of the same note, so both survive. Order is a number per note (board-order.ts).
import * as Y from 'yjs';
import type { Framework } from '../framework/schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { compareOrdered, orderAt, renumbered } from './board-order.ts';
import { optionalStr, str, type Problems } from './read.ts';
import { WorkspaceKeys } from './workspace.ts';

export const UNSORTED = 'unsorted';
export const NOTE_TEXT_MAX = 500;

/** A small palette, each colour with a name shown on the note, so colour is never the only cue. */
export const NOTE_COLOURS = ['yellow', 'blue', 'green', 'pink', 'orange', 'grey'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];
export const NOTE_COLOUR_LABELS: Record<NoteColour, string> = {
	yellow: 'Yellow',
	blue: 'Blue',
	green: 'Green',
	pink: 'Pink',
	orange: 'Orange',
	grey: 'Grey'
};

export type BoardNote = {
	id: string;
	text: string;
	colour: NoteColour;
	/** A pillar code or UNSORTED. */
	column: string;
	order: number;
	elementCode: string | null;
	author: { userId: string; name: string };
	createdAt: number;
	/** The improvement-plan action this note became, if any. */
	actionId: string | null;
};

/** What the framework allows on this board; passed in so this file stays framework-agnostic. */
export type BoardRules = { validColumn(column: string): boolean; validElement(code: string): boolean };

export function boardRules(framework: Framework): BoardRules {
	const pillars = new Set(framework.pillars.map((p) => p.code));
	const elements = new Set(framework.elements.map((e) => e.code));
	return { validColumn: (c) => c === UNSORTED || pillars.has(c), validElement: (c) => elements.has(c) };
}

export function notesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(WorkspaceKeys.board);
}

const COLUMN_PATTERN = /^[A-Z]$/;

export function readNote(id: string, raw: unknown, problems: Problems): BoardNote | null {
	const where = `board note ${id}`;
	if (!(raw instanceof Y.Map)) {
		problems.push(`${where}: malformed`);
		return null;
	}
	const m = raw as Y.Map<unknown>;
	let text = str(m, 'text', problems, where);
	if (text.length > NOTE_TEXT_MAX) {
		problems.push(`${where}: text longer than ${NOTE_TEXT_MAX} characters, shortened`);
		text = text.slice(0, NOTE_TEXT_MAX);
	}
	const colourValue = m.get('colour');
	const colour = (NOTE_COLOURS as readonly unknown[]).includes(colourValue) ? (colourValue as NoteColour) : 'yellow';
	if (colourValue !== undefined && colour !== colourValue) problems.push(`${where}: unknown colour`);
	const columnValue = m.get('column');
	const known = typeof columnValue === 'string' && (columnValue === UNSORTED || COLUMN_PATTERN.test(columnValue));
	if (columnValue !== undefined && !known) problems.push(`${where}: unknown column, shown as unsorted`);
	const orderValue = m.get('order');
	const order = typeof orderValue === 'number' && Number.isFinite(orderValue) ? orderValue : 0;
	if (orderValue !== undefined && order !== orderValue) problems.push(`${where}: order is not a number`);
	const createdAt = m.get('createdAt');
	return {
		id,
		text,
		colour,
		column: known ? (columnValue as string) : UNSORTED,
		order,
		elementCode: optionalStr(m, 'elementCode', problems, where),
		author: { userId: str(m, 'authorId', problems, where), name: str(m, 'authorName', problems, where) },
		createdAt: typeof createdAt === 'number' ? createdAt : 0,
		actionId: optionalStr(m, 'actionId', problems, where)
	};
}

/** Every note, by column and then by position in the column. */
export function readBoard(doc: Y.Doc, problems: Problems = []): BoardNote[] {
	const out: BoardNote[] = [];
	for (const [id, raw] of notesMap(doc)) {
		const note = readNote(id, raw, problems);
		if (note) out.push(note);
	}
	return out.sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : compareOrdered(a, b)));
}

/** The notes of one column in board order. */
export function columnNotes(notes: readonly BoardNote[], column: string): BoardNote[] {
	return notes.filter((n) => n.column === column).sort(compareOrdered);
}

export function validateNoteText(text: string): Result<string> {
	const clean = text.trim();
	if (clean === '') return fail('invalid_input', 'Write the concern on the note.', 'text');
	if (clean.length > NOTE_TEXT_MAX) {
		return fail('invalid_input', `Keep a note to ${NOTE_TEXT_MAX} characters (this one has ${clean.length}).`, 'text');
	}
	return ok(clean);
}

function checkFields(input: { colour?: string; column?: string; elementCode?: string | null }, rules: BoardRules): Result<true> {
	if (input.colour !== undefined && !(NOTE_COLOURS as readonly string[]).includes(input.colour)) {
		return fail('invalid_input', 'Choose one of the note colours.', 'colour');
	}
	if (input.column !== undefined && !rules.validColumn(input.column)) return fail('invalid_input', 'Choose a column of this board.', 'column');
	if (input.elementCode && !rules.validElement(input.elementCode)) {
		return fail('invalid_input', `${input.elementCode} is not an element of this framework.`, 'elementCode');
	}
	return ok(true);
}

export type NewNote = { text: string; colour: NoteColour; column: string; elementCode: string | null };

/** Adds a note at the end of its column and returns its id. */
export function addNote(doc: Y.Doc, input: NewNote, author: { id: string; name: string }, rules: BoardRules, now: number = Date.now()): Result<string> {
	const text = validateNoteText(input.text);
	if (!text.ok) return text;
	const fields = checkFields(input, rules);
	if (!fields.ok) return fields;
	const id = crypto.randomUUID();
	const column = columnNotes(readBoard(doc), input.column);
	const m = new Y.Map<unknown>();
	doc.transact(() => {
		notesMap(doc).set(id, m);
		m.set('text', text.value);
		m.set('colour', input.colour);
		m.set('column', input.column);
		m.set('order', orderAt(column, column.length) ?? column.length);
		m.set('elementCode', input.elementCode || null);
		m.set('authorId', author.id);
		m.set('authorName', author.name.slice(0, 200));
		m.set('createdAt', now);
		m.set('actionId', null);
	});
	return ok(id);
}

function noteMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const m = notesMap(doc).get(id);
	return m instanceof Y.Map ? (m as Y.Map<unknown>) : null;
}

export type NoteChanges = { text?: string; colour?: NoteColour; elementCode?: string | null };

/** Writes only the fields given and changed, so a colleague's concurrent change to another field stays. */
export function updateNote(doc: Y.Doc, id: string, changes: NoteChanges, rules: BoardRules): Result<true> {
	const m = noteMap(doc, id);
	if (!m) return fail('not_found', 'That note was deleted by someone else.');
	const next: Record<string, unknown> = {};
	if (changes.text !== undefined) {
		const text = validateNoteText(changes.text);
		if (!text.ok) return text;
		next.text = text.value;
	}
	const fields = checkFields(changes, rules);
	if (!fields.ok) return fields;
	if (changes.colour !== undefined) next.colour = changes.colour;
	if (changes.elementCode !== undefined) next.elementCode = changes.elementCode || null;
	doc.transact(() => {
		for (const [key, value] of Object.entries(next)) if (m.get(key) !== value) m.set(key, value);
	});
	return ok(true);
}

/** Moves a note to `index` (0-based, among the column's other notes) of `column`. */
export function moveNote(doc: Y.Doc, id: string, column: string, index: number, rules: BoardRules): Result<true> {
	const m = noteMap(doc, id);
	if (!m) return fail('not_found', 'That note was deleted by someone else.');
	if (!rules.validColumn(column)) return fail('invalid_input', 'Choose a column of this board.', 'column');
	const others = columnNotes(readBoard(doc), column).filter((n) => n.id !== id);
	const order = orderAt(others, index);
	doc.transact(() => {
		if (m.get('column') !== column) m.set('column', column);
		if (order !== null) {
			if (m.get('order') !== order) m.set('order', order);
			return;
		}
		for (const [noteId, n] of renumbered(others, id, index)) noteMap(doc, noteId)?.set('order', n);
	});
	return ok(true);
}

/** Links a note to the plan action it became. */
export function linkNoteToAction(doc: Y.Doc, id: string, actionId: string): Result<true> {
	const m = noteMap(doc, id);
	if (!m) return fail('not_found', 'That note was deleted by someone else.');
	m.set('actionId', actionId);
	return ok(true);
}

/** Everything needed to put a deleted note back (undo). */
export type DeletedNote = BoardNote;

export function deleteNote(doc: Y.Doc, id: string): Result<DeletedNote> {
	const note = notesMap(doc).has(id) ? readNote(id, notesMap(doc).get(id), []) : null;
	if (!note) return fail('not_found', 'That note was already deleted.');
	notesMap(doc).delete(id);
	return ok(note);
}

/** Puts a deleted note back with its id, so an action made from it still points at it. */
export function restoreNote(doc: Y.Doc, note: DeletedNote): Result<true> {
	if (notesMap(doc).has(note.id)) return fail('conflict', 'That note is already on the board.');
	const m = new Y.Map<unknown>();
	doc.transact(() => {
		notesMap(doc).set(note.id, m);
		m.set('text', note.text);
		m.set('colour', note.colour);
		m.set('column', note.column);
		m.set('order', note.order);
		m.set('elementCode', note.elementCode);
		m.set('authorId', note.author.userId);
		m.set('authorName', note.author.name);
		m.set('createdAt', note.createdAt);
		m.set('actionId', note.actionId);
	});
	return ok(true);
}
