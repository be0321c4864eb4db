// Improvement plan actions in the workspace document: an entity collection, one entry per action,
// in the order they were added (a move would write one `order` number).
import * as Y from 'yjs';
import { PLAN_STATUSES, PRIORITIES } from '../framework/codes.ts';
import { fail, ok, type Result } from '../result.ts';
import { collection, type Entity } from './schema/collection.ts';
import { codes, date, instant, oneOf, richText, score, text, type Problems } from './schema/fields.ts';
import { checkShape, type Settable } from './schema/shape.ts';
import { m } from '../../paraglide/messages.js';

const deletedElsewhere = () => m.documents_action_deleted();

export const PlanActions = collection({
	key: 'planActions',
	label: 'action',
	missing: deletedElsewhere,
	shape: {
		title: text({ trim: true, max: 300, required: () => m.documents_action_title_required() }),
		description: richText(),
		linkedElements: codes(),
		owner: text({ trim: true, max: 200 }),
		dueDate: date({ invalid: () => m.documents_due_date_invalid() }),
		priority: oneOf(PRIORITIES, { fallback: 'P3', invalid: () => m.documents_priority_invalid() }),
		status: oneOf(PLAN_STATUSES, { fallback: 'proposed', invalid: () => m.documents_status_invalid() }),
		successMeasure: text({ trim: true, max: 2000 }),
		expectedLevelAfter: score({ invalid: () => m.documents_expected_level_whole() }),
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
	if (linked.length === 0) return fail('invalid_input', m.documents_action_link_required(), 'linkedElements');
	const unknown = linked.find((code) => !validElement(code));
	if (unknown) return fail('invalid_input', m.documents_element_not_in_framework({ code: unknown }), 'linkedElements');
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
	if (!PlanActions.has(doc, id)) return fail('not_found', deletedElsewhere());
	const links = checkAction(input, validElement);
	if (!links.ok) return links;
	return PlanActions.update(doc, id, input);
}

export function deleteAction(doc: Y.Doc, id: string): Result<true> {
	const removed = PlanActions.remove(doc, id, () => m.documents_action_already_deleted());
	return removed.ok ? ok(true) : removed;
}

export function descriptionOf(doc: Y.Doc, id: string): Y.XmlFragment | null {
	const description = PlanActions.entryMap(doc, id)?.get('description');
	return description instanceof Y.XmlFragment ? description : null;
}
