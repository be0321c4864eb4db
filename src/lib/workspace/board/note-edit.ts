// Saving a note edit: only the fields this person changed since opening the form are written,
// because a colleague may have changed another field (or moved the note) meanwhile.
import type { NoteChanges, NoteColour } from '#lib/shared/documents/board.ts';
import type { AppError } from '#lib/shared/result.ts';

export type NoteFields = { text: string; colour: NoteColour; elementCode: string | null };
export type NoteFieldError = { field: 'text' | 'colour' | 'elementCode' | null; message: string };

export function changedFields(original: NoteFields, edited: NoteFields): NoteChanges {
	const changes: NoteChanges = {};
	if (edited.text.trim() !== original.text) changes.text = edited.text;
	if (edited.colour !== original.colour) changes.colour = edited.colour;
	if (edited.elementCode !== original.elementCode) changes.elementCode = edited.elementCode;
	return changes;
}

/** A writer's error as the note form shows it: next to its field, or above the buttons. */
export function noteFieldError(error: AppError): NoteFieldError {
	const field = error.field === 'text' || error.field === 'colour' || error.field === 'elementCode' ? error.field : null;
	return { field, message: error.message };
}
