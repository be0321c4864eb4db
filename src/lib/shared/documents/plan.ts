// Improvement plan actions in the workspace document, one Y.Map per action keyed by id.
import * as Y from 'yjs';
import { PLAN_STATUSES, PRIORITIES, type PlanStatus, type Priority } from '../framework/codes.ts';
import { isValidScore } from '../framework/scoring.ts';
import { fail, ok, type Result } from '../result.ts';
import { childArray, fragment, isIsoDate, isoDateOrNull, num, oneOf, str, type Problems } from './read.ts';

export const PlanKeys = { actions: 'planActions' } as const;

export type PlanAction = {
	id: string;
	title: string;
	description: Y.XmlFragment | null;
	linkedElements: string[];
	owner: string;
	dueDate: string | null;
	priority: Priority;
	status: PlanStatus;
	successMeasure: string;
	expectedLevelAfter: number | null;
	/** The board note or grid row this action came from, if any. */
	source: string;
	createdBy: string;
	createdAt: number;
};

function actionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(PlanKeys.actions);
}

export function readAction(id: string, raw: unknown, problems: Problems): PlanAction | null {
	const where = `action ${id}`;
	if (!(raw instanceof Y.Map)) {
		problems.push(`${where}: malformed`);
		return null;
	}
	const m = raw as Y.Map<unknown>;
	const linked = childArray(m, 'linkedElements');
	const createdAt = m.get('createdAt');
	return {
		id,
		title: str(m, 'title', problems, where),
		description: fragment(m, 'description'),
		linkedElements: linked ? [...new Set(linked.toArray().filter((c): c is string => typeof c === 'string'))] : [],
		owner: str(m, 'owner', problems, where),
		dueDate: isoDateOrNull(m, 'dueDate', problems, where),
		priority: oneOf(m, 'priority', PRIORITIES, 'P3', problems, where),
		status: oneOf(m, 'status', PLAN_STATUSES, 'proposed', problems, where),
		successMeasure: str(m, 'successMeasure', problems, where),
		expectedLevelAfter: num(m, 'expectedLevelAfter', problems, where, isValidScore),
		source: str(m, 'source', problems, where),
		createdBy: str(m, 'createdBy', problems, where),
		createdAt: typeof createdAt === 'number' ? createdAt : 0
	};
}

export function readPlan(doc: Y.Doc, problems: Problems = []): PlanAction[] {
	const out: PlanAction[] = [];
	for (const [id, raw] of actionsMap(doc)) {
		const action = readAction(id, raw, problems);
		if (action) out.push(action);
	}
	return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export type ActionFields = {
	title: string;
	linkedElements: string[];
	owner: string;
	dueDate: string | null;
	priority: Priority;
	status: PlanStatus;
	successMeasure: string;
	expectedLevelAfter: number | null;
};

export function validateAction(input: ActionFields, validElement: (code: string) => boolean): Result<ActionFields> {
	const title = input.title.trim();
	if (title === '') return fail('invalid_input', 'Give the action a title.', 'title');
	const linked = [...new Set(input.linkedElements)];
	if (linked.length === 0) return fail('invalid_input', 'Link the action to at least one PSeMS element.', 'linkedElements');
	const unknown = linked.find((code) => !validElement(code));
	if (unknown) return fail('invalid_input', `${unknown} is not an element of this framework.`, 'linkedElements');
	if (input.dueDate !== null && input.dueDate !== '' && !isIsoDate(input.dueDate)) {
		return fail('invalid_input', 'Enter the due date as a real date (YYYY-MM-DD).', 'dueDate');
	}
	if (!(PRIORITIES as readonly string[]).includes(input.priority)) return fail('invalid_input', 'Choose a priority from P1 to P4.', 'priority');
	if (!(PLAN_STATUSES as readonly string[]).includes(input.status)) return fail('invalid_input', 'Choose a status.', 'status');
	if (input.expectedLevelAfter !== null && !isValidScore(input.expectedLevelAfter)) {
		return fail('invalid_input', 'The expected level is a whole number from 0 to 5.', 'expectedLevelAfter');
	}
	return ok({
		...input,
		title: title.slice(0, 300),
		linkedElements: linked,
		owner: input.owner.trim().slice(0, 200),
		dueDate: input.dueDate === '' ? null : input.dueDate,
		successMeasure: input.successMeasure.trim().slice(0, 2000)
	});
}

export function createAction(
	doc: Y.Doc,
	input: ActionFields & { source?: string },
	author: { id: string },
	validElement: (code: string) => boolean,
	now: number = Date.now()
): Result<string> {
	const valid = validateAction(input, validElement);
	if (!valid.ok) return valid;
	const id = crypto.randomUUID();
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		// Added first: writeFields reads the map, and reading a type not yet in a document warns.
		actionsMap(doc).set(id, m);
		writeFields(m, valid.value);
		m.set('description', new Y.XmlFragment());
		m.set('source', input.source ?? '');
		m.set('createdBy', author.id);
		m.set('createdAt', now);
	});
	return ok(id);
}

export function updateAction(doc: Y.Doc, id: string, input: ActionFields, validElement: (code: string) => boolean): Result<true> {
	const m = actionsMap(doc).get(id);
	if (!(m instanceof Y.Map)) return fail('not_found', 'That action was deleted by someone else.');
	const valid = validateAction(input, validElement);
	if (!valid.ok) return valid;
	doc.transact(() => writeFields(m, valid.value));
	return ok(true);
}

export function deleteAction(doc: Y.Doc, id: string): Result<true> {
	if (!actionsMap(doc).has(id)) return fail('not_found', 'That action was already deleted.');
	actionsMap(doc).delete(id);
	return ok(true);
}

/** Writes only fields that changed, so two people editing different fields both keep theirs. */
function writeFields(m: Y.Map<unknown>, fields: ActionFields) {
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'linkedElements') {
			const current = childArray(m, 'linkedElements');
			const next = value as string[];
			if (current && JSON.stringify(current.toArray()) === JSON.stringify(next)) continue;
			const list = new Y.Array<string>();
			list.push(next);
			m.set('linkedElements', list);
			continue;
		}
		if (m.get(key) !== value) m.set(key, value);
	}
}

export function descriptionOf(doc: Y.Doc, id: string): Y.XmlFragment | null {
	const m = actionsMap(doc).get(id);
	return m instanceof Y.Map ? fragment(m, 'description') : null;
}
