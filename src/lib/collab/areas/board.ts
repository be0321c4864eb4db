// The concerns board as the workspace uses it: the notes and every change to them, checked
// against this review's framework (its pillars are the columns).
import { addNote, boardRules, deleteNote, moveNote, readBoard, restoreNote, updateNote, type DeletedNote, type NewNote, type NoteChanges } from '#lib/shared/documents/board.ts';
import type { AreaContext } from './area-context.ts';

export function boardArea({ workspace, framework, self, view }: AreaContext) {
	const notes = view(() => readBoard(workspace), [workspace]);
	const rules = boardRules(framework);
	return {
		/** Every note, by column and then by position in the column. */
		get notes() {
			return notes.current;
		},
		post: (note: NewNote) => addNote(workspace, note, { id: self.userId, name: self.name }, rules),
		update: (id: string, changes: NoteChanges) => updateNote(workspace, id, changes, rules),
		move: (id: string, column: string, index: number) => moveNote(workspace, id, column, index, rules),
		remove: (id: string) => deleteNote(workspace, id),
		restore: (note: DeletedNote) => restoreNote(workspace, note)
	};
}
