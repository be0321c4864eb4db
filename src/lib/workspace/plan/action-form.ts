// The add/edit form's draft of an action: what the form controls hold (strings, as inputs give
// them) and how it becomes the ActionFields that createAction/updateAction validate. The form
// itself never judges input; the shared validators do, so the messages are the same everywhere.
import type { ActionFields, PlanAction } from '#lib/shared/documents/plan.ts';
import type { AppError } from '#lib/shared/result.ts';
import type { PlanStatus, Priority } from '#lib/shared/framework/codes.ts';

export type ActionDraft = {
	title: string;
	linkedElements: string[];
	owner: string;
	/** YYYY-MM-DD from <input type=date>, or '' for none. */
	dueDate: string;
	priority: Priority;
	status: PlanStatus;
	successMeasure: string;
	/** '' for "not set", else a level as the select gives it. */
	expectedLevelAfter: string;
};

export type DraftField = keyof ActionDraft;

/** One message at a time (the validators stop at the first problem), shown beside its field. */
export type FormError = { field: DraftField | 'form'; message: string };

const DRAFT_FIELDS: readonly DraftField[] = [
	'title',
	'linkedElements',
	'owner',
	'dueDate',
	'priority',
	'status',
	'successMeasure',
	'expectedLevelAfter'
];

export function emptyDraft(priority: Priority = 'P3'): ActionDraft {
	return {
		title: '',
		linkedElements: [],
		owner: '',
		dueDate: '',
		priority,
		status: 'proposed',
		successMeasure: '',
		expectedLevelAfter: ''
	};
}

export function draftFromAction(action: PlanAction): ActionDraft {
	return {
		title: action.title,
		linkedElements: [...action.linkedElements],
		owner: action.owner,
		dueDate: action.dueDate ?? '',
		priority: action.priority,
		status: action.status,
		successMeasure: action.successMeasure,
		expectedLevelAfter: action.expectedLevelAfter === null ? '' : String(action.expectedLevelAfter)
	};
}

/**
 * A browser shows a half-typed date as an empty value (with validity.badInput set). Passing
 * `dueDateUnreadable` keeps that from silently clearing the date: the validator then refuses
 * it with its usual message instead.
 */
export function fieldsFromDraft(draft: ActionDraft, options: { dueDateUnreadable?: boolean } = {}): ActionFields {
	const level = draft.expectedLevelAfter.trim();
	return {
		title: draft.title,
		linkedElements: [...draft.linkedElements],
		owner: draft.owner,
		dueDate: options.dueDateUnreadable ? draft.dueDate || 'unreadable date' : draft.dueDate.trim() === '' ? null : draft.dueDate.trim(),
		priority: draft.priority,
		status: draft.status,
		successMeasure: draft.successMeasure,
		expectedLevelAfter: level === '' ? null : Number(level)
	};
}

export function fieldsFromAction(action: PlanAction): ActionFields {
	return fieldsFromDraft(draftFromAction(action));
}

/**
 * The fields to save after an edit: the ones this person changed, and for every other field the
 * value it has now, so a colleague's change to another field during the edit is not overwritten.
 */
export function mergeEdits(original: ActionFields, edited: ActionFields, current: ActionFields): ActionFields {
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	const pick = <K extends keyof ActionFields>(key: K): ActionFields[K] => (same(original[key], edited[key]) ? current[key] : edited[key]);
	return {
		title: pick('title'),
		linkedElements: pick('linkedElements'),
		owner: pick('owner'),
		dueDate: pick('dueDate'),
		priority: pick('priority'),
		status: pick('status'),
		successMeasure: pick('successMeasure'),
		expectedLevelAfter: pick('expectedLevelAfter')
	};
}

/** Where a validator's message belongs: beside its field, or above the form when it names none. */
export function formErrorOf(error: AppError): FormError {
	const field = DRAFT_FIELDS.find((f) => f === error.field);
	return { field: field ?? 'form', message: error.message };
}

export function errorFor(error: FormError | null, field: DraftField): string | undefined {
	return error?.field === field ? error.message : undefined;
}
