// How the improvement plan is looked at: filters, sort orders, owners, overdue flags and the
// default priority of a new action. Pure functions of plain values, so the list the facilitator
// sees and the count above it can never disagree.
import { PRIORITIES, type PlanStatus, type Priority } from '#lib/shared/framework/codes.ts';
import { labelsFor } from '#lib/shared/labels.ts';
import { formatShortDate } from '#lib/shared/format.ts';
import type { Framework } from '#lib/shared/framework/schema.ts';
import type { ElementRow } from '#lib/shared/documents/element-rows.ts';
import type { PlanAction } from '#lib/shared/documents/plan.ts';
import { m } from '#lib/paraglide/messages.js';

/** Filter values: '' means "any". */
export type PlanFilters = { element: string; owner: string; status: string };

export const NO_FILTERS: PlanFilters = { element: '', owner: '', status: '' };

/** The owner filter value for actions nobody owns yet. */
export const NO_OWNER = '(none)';

/** The status filter value for every action that is not closed. */
export const OPEN = '(open)';

/** Sort orders; labels are read at each access, in the reader's language. */
export const SORTS = [
	{ value: 'priority', get label() { return m.room_plan_sort_priority(); } },
	{ value: 'due', get label() { return m.room_plan_sort_due(); } },
	{ value: 'newest', get label() { return m.room_plan_sort_newest(); } }
] as const;

export type PlanSort = (typeof SORTS)[number]['value'];

export function isPlanSort(value: string): value is PlanSort {
	return SORTS.some((s) => s.value === value);
}

export function statusLabel(framework: Framework, status: PlanStatus): string {
	return labelsFor(framework).planStatus(status);
}

/** Verified closed, cancelled and risk accepted actions need no more work and are never overdue. */
export function isClosedStatus(framework: Framework, status: PlanStatus): boolean {
	return framework.improvementPlan.statuses.find((s) => s.code === status)?.closed ?? false;
}

/** Owners are free text typed by several people, so "Harbour master" and "harbour master " are one. */
export function ownerKey(owner: string): string {
	return owner.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Each distinct owner once, as first written, in alphabetical order. */
export function ownersOf(actions: PlanAction[]): string[] {
	const byKey = new Map<string, string>();
	for (const action of actions) {
		const key = ownerKey(action.owner);
		if (key !== '' && !byKey.has(key)) byKey.set(key, action.owner.trim().replace(/\s+/g, ' '));
	}
	return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
}

export function filtersActive(filters: PlanFilters): boolean {
	return filters.element !== '' || filters.owner !== '' || filters.status !== '';
}

export function filterActions(actions: PlanAction[], filters: PlanFilters, framework: Framework): PlanAction[] {
	return actions.filter((action) => {
		if (filters.element !== '' && !action.linkedElements.includes(filters.element)) return false;
		if (filters.owner === NO_OWNER) {
			if (ownerKey(action.owner) !== '') return false;
		} else if (filters.owner !== '' && ownerKey(action.owner) !== ownerKey(filters.owner)) return false;
		if (filters.status === OPEN) return !isClosedStatus(framework, action.status);
		if (filters.status !== '' && action.status !== filters.status) return false;
		return true;
	});
}

const byPriority = (a: PlanAction, b: PlanAction) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
// ISO dates compare as strings; an action without a date comes after every dated one.
const byDueDate = (a: PlanAction, b: PlanAction) =>
	a.dueDate === b.dueDate ? 0 : a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate < b.dueDate ? -1 : 1;
const byAge = (a: PlanAction, b: PlanAction) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** A new array; ties always fall back to creation order, so the list never jumps between renders. */
export function sortActions(actions: PlanAction[], sort: PlanSort): PlanAction[] {
	const out = [...actions];
	if (sort === 'priority') return out.sort((a, b) => byPriority(a, b) || byDueDate(a, b) || byAge(a, b));
	if (sort === 'due') return out.sort((a, b) => byDueDate(a, b) || byPriority(a, b) || byAge(a, b));
	return out.sort((a, b) => byAge(b, a));
}

/** Today's date where the user is, as YYYY-MM-DD (due dates are calendar days, not instants). */
export function localIsoDate(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Past its due date and still open; an action due today is not yet overdue. */
export function isOverdue(action: PlanAction, today: string, framework: Framework): boolean {
	return action.dueDate !== null && action.dueDate < today && !isClosedStatus(framework, action.status);
}

/** "31 Mar 2027": unambiguous for every participant, unlike 03/31 or 31/03. */
export function formatDate(iso: string): string {
	return formatShortDate(iso);
}

/**
 * The most urgent priority among the linked elements' gaps, so a new action starts at the
 * priority the GAP grid already gives its element. Null when none of them has a priority yet.
 */
export function worstPriority(rows: ElementRow[], codes: string[]): Priority | null {
	let worst: Priority | null = null;
	for (const row of rows) {
		if (!codes.includes(row.code) || row.priority === null) continue;
		if (worst === null || PRIORITIES.indexOf(row.priority) < PRIORITIES.indexOf(worst)) worst = row.priority;
	}
	return worst;
}

export function countText(shown: number, total: number): string {
	return m.room_plan_count({ shown, total });
}
