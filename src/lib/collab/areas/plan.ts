// The improvement plan as the workspace uses it: the actions and every change to them, including
// the two ways an action is born elsewhere (a grid row's gap, a board note).
import { createAction, deleteAction, readPlan, updateAction, type ActionFields } from '#lib/shared/documents/plan.ts';
import { readElementRows, type ElementRow } from '#lib/shared/documents/element-rows.ts';
import type { BoardNote } from '#lib/shared/documents/board.ts';
import { fail, type Result } from '#lib/shared/result.ts';
import { createGapAction, requestEditing } from '#lib/workspace/plan/create-from-gap.ts';
import { createNoteAction } from '#lib/workspace/board/note-action.ts';
import { m } from '#lib/paraglide/messages.js';
import type { AreaContext } from './area-context.ts';

export function planArea({ workspace, reviewer, framework, self, can, isElement, view }: AreaContext) {
	const actions = view(() => readPlan(workspace), [workspace]);
	const author = () => ({ id: self.userId });
	return {
		/** Every action, in the order they were added. */
		get actions() {
			return actions.current;
		},
		create: (fields: ActionFields) => createAction(workspace, fields, author(), isElement),
		update: (id: string, fields: ActionFields) => updateAction(workspace, id, fields, isElement),
		remove: (id: string) => deleteAction(workspace, id),
		/**
		 * A proposed action for the row's gap; the plan then opens its card in edit mode for this
		 * browser only (other participants just see a new card arrive).
		 */
		createFromGap(row: ElementRow): Result<string> {
			if (!can.editWorkspace) return fail('forbidden', m.room_observer_no_actions());
			const created = createGapAction(workspace, row, author(), isElement);
			if (created.ok) requestEditing(created.value);
			return created;
		},
		/** A board note becomes an action, starting at its element's current gap priority. */
		createFromNote(note: BoardNote): Result<string> {
			if (!can.editWorkspace) return fail('forbidden', m.room_observer_no_actions());
			const row = readElementRows(framework, workspace, reviewer).find((r) => r.code === note.elementCode);
			return createNoteAction(workspace, note, author(), { validElement: isElement, priority: row?.priority ?? null });
		}
	};
}
