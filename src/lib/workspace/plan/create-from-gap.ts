// "Create action from gap" in the GAP grid: one press turns an element's gap into a proposed
// action in the improvement plan, at the element's priority and aiming at its target. The grid
// then goes to the plan at actionDomId(id) (review-model's plan area); the plan opens that card ready for editing, so
// the facilitator can name the owner and due date while the group is still talking about it.
import type * as Y from 'yjs';
import { createAction } from '#lib/shared/documents/plan.ts';
import type { ElementRow } from '#lib/shared/documents/element-rows.ts';
import type { Result } from '#lib/shared/result.ts';
import { m } from '#lib/paraglide/messages.js';

/** The id of an action card's heading, for navigation and links. */
export function actionDomId(actionId: string): string {
	return `action-${actionId}`;
}

// Words a shortened title should not end on ("Accountable manager and…"), in the interface languages.
const DANGLING = new Set([
	'and', 'or', 'of', 'the', 'to', 'for', 'with', 'in', 'on', 'a', 'an', '&',
	'et', 'ou', 'de', 'du', 'des', 'la', 'le', 'les', 'à', 'au', 'aux', 'pour', 'avec', 'en', 'un', 'une', "d'", 'd’', "l'", 'l’',
	'y', 'o', 'del', 'el', 'los', 'las', 'para', 'con', 'por', 'una',
	'و', 'أو', 'في', 'من', 'على', 'إلى'
]);

/** An element title cut at a word boundary to at most `max` characters, with "…" when cut. */
export function shortTitle(title: string, max = 28): string {
	const clean = title.trim().replace(/\s+/g, ' ');
	if (clean.length <= max) return clean;
	const words = clean.slice(0, max + 1).split(' ');
	words.pop(); // the last word is cut, or the one that would overflow
	while (words.length > 1 && DANGLING.has(words[words.length - 1].toLowerCase())) words.pop();
	const kept = words.join(' ').replace(/[,;:.\-–]+$/, '');
	return `${kept === '' ? clean.slice(0, max) : kept}…`;
}

/**
 * "Close the gap on A1 Accountable manager…": short enough for a card heading and a list. Written
 * into the plan in the language of the person who pressed the button, like anything they type.
 */
export function gapActionTitle(row: Pick<ElementRow, 'code' | 'title'>): string {
	return m.room_plan_gap_title({ code: row.code, title: shortTitle(row.title) });
}

/** The pure part: writes the action into a workspace document. */
export function createGapAction(
	workspace: Y.Doc,
	row: ElementRow,
	author: { id: string },
	validElement: (code: string) => boolean,
	now: number = Date.now()
): Result<string> {
	return createAction(
		workspace,
		{
			title: gapActionTitle(row),
			linkedElements: [row.code],
			owner: '',
			dueDate: null,
			priority: row.priority ?? 'P3',
			status: 'proposed',
			successMeasure: '',
			expectedLevelAfter: row.target,
			source: `grid:${row.code}`
		},
		author,
		validElement,
		now
	);
}

// Cards asked to open in edit mode when they first appear. Module state, not document state:
// only the person who pressed the button should land in a form.
const editRequests = new Set<string>();

export function requestEditing(actionId: string): void {
	editRequests.add(actionId);
}

/** True once for an action that was asked to open for editing; the request is used up. */
export function takeEditRequest(actionId: string): boolean {
	return editRequests.delete(actionId);
}
