// Improvement plan actions in the workspace document: an entity collection, one entry per action,
// in the order they were added (a move would write one `order` number).
import * as Y from 'yjs';
import { PLAN_STATUSES, PRIORITIES } from '../framework/codes.ts';
import { fail, ok, type Result } from '../result.ts';
import { collection, type Entity } from './schema/collection.ts';
import { codes, date, instant, oneOf, richText, score, text, type Problems } from './schema/fields.ts';
import { checkShape, type Settable } from './schema/shape.ts';

export const PlanActions = collection({
	key: 'planActions',
	label: 'action',
	missing: 'That action was deleted by someone else.',
	shape: {
		title: text({ trim: true, max: 300, required: 'Give the action a title.' }),
		description: richText(),
		linkedElements: codes(),
		owner: text({ trim: true, max: 200 }),
		dueDate: date({ invalid: 'Enter the due date as a real date (YYYY-MM-DD).' }),
		priority: oneOf(PRIORITIES, { fallback: 'P3', invalid: 'Choose a priority from P1 to P4.' }),
		status: oneOf(PLAN_STATUSES, { fallback: 'proposed', invalid: 'Choose a status.' }),
		successMeasure: text({ trim: true, max: 2000 }),
		expectedLevelAfter: score({ invalid: 'The expected level is a whole number from 0 to 5.' }),
		/** The board note or grid row this action came from, if any. */
		source: text(),
		createdBy: text(),
		createdAt: instant()
	}
});

export type PlanAction = Entity<typeof PlanActions.shape>;
type PlanShape = typeof PlanActions.shape;

export function readPlan(doc: Y.Doc, problems: Problems = []): PlanAction[] {
	return PlanActions.list(doc, problems);
}

/** What a person fills in for an action (the form's fields). */
export type ActionFields = Pick<
	Settable<PlanShape>,
	'title' | 'linkedElements' | 'owner' | 'dueDate' | 'priority' | 'status' | 'successMeasure' | 'expectedLevelAfter'
>;

/** The fields in form order, then what the shape cannot know: at least one linked element, all of this framework. */
function checkAction(input: ActionFields, validElement: (code: string) => boolean): Result<true> {
	const { linkedElements: _, ...rest } = input;
	const title = checkShape(PlanActions.shape, { title: rest.title });
	if (!title.ok) return title;
	const linked = [...new Set(input.linkedElements)];
	if (linked.length === 0) return fail('invalid_input', 'Link the action to at least one PSeMS element.', 'linkedElements');
	const unknown = linked.find((code) => !validElement(code));
	if (unknown) return fail('invalid_input', `${unknown} is not an element of this framework.`, 'linkedElements');
	const others = checkShape(PlanActions.shape, rest);
	return others.ok ? ok(true) : others;
}

export function createAction(
	doc: Y.Doc,
	input: ActionFields & { source?: string },
	author: { id: string },
	validElement: (code: string) => boolean,
	now: number = Date.now(),
	/** An action carried into the next review keeps its id, so the two records compare action by action. */
	options: { id?: string } = {}
): Result<string> {
	const links = checkAction(input, validElement);
	if (!links.ok) return links;
	return PlanActions.create(doc, { ...input, source: input.source ?? '', createdBy: author.id, createdAt: now }, options);
}

export function updateAction(doc: Y.Doc, id: string, input: ActionFields, validElement: (code: string) => boolean): Result<true> {
	if (!PlanActions.has(doc, id)) return fail('not_found', 'That action was deleted by someone else.');
	const links = checkAction(input, validElement);
	if (!links.ok) return links;
	return PlanActions.update(doc, id, input);
}

export function deleteAction(doc: Y.Doc, id: string): Result<true> {
	const removed = PlanActions.remove(doc, id, 'That action was already deleted.');
	return removed.ok ? ok(true) : removed;
}

export function descriptionOf(doc: Y.Doc, id: string): Y.XmlFragment | null {
	const description = PlanActions.entryMap(doc, id)?.get('description');
	return description instanceof Y.XmlFragment ? description : null;
}
