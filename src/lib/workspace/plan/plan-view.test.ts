import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '#lib/shared/framework/index.ts';
import type { PlanAction } from '#lib/shared/documents/plan.ts';
import { readElementRows } from '#lib/shared/documents/element-rows.ts';
import { setSelfScore } from '#lib/shared/documents/grid.ts';
import {
	NO_FILTERS,
	NO_OWNER,
	OPEN,
	countText,
	filterActions,
	formatDate,
	isOverdue,
	localIsoDate,
	ownersOf,
	sortActions,
	statusLabel,
	worstPriority
} from './plan-view.ts';

const fw = DEFAULT_FRAMEWORK;

function action(id: string, fields: Partial<PlanAction> = {}): PlanAction {
	return {
		id,
		order: 0,
		title: `Action ${id}`,
		description: null,
		linkedElements: ['A1'],
		owner: '',
		dueDate: null,
		priority: 'P3',
		status: 'proposed',
		successMeasure: '',
		expectedLevelAfter: null,
		source: '',
		createdBy: 'u1',
		createdAt: Number(id.replace(/\D/g, '')) || 0,
		...fields
	};
}

const plan = [
	action('a1', { priority: 'P2', dueDate: '2027-06-30', owner: 'Harbour master', linkedElements: ['A1', 'C5'] }),
	action('a2', { priority: 'P1', dueDate: null, owner: 'harbour master ', status: 'agreed' }),
	action('a3', { priority: 'P1', dueDate: '2027-01-31', owner: 'Board secretary', linkedElements: ['D2'] }),
	action('a4', { priority: 'P4', dueDate: '2026-12-01', status: 'verified_closed', linkedElements: ['E1'] })
];

describe('filtering the plan', () => {
	it('shows every action when no filter is set', () => {
		expect(filterActions(plan, NO_FILTERS, fw)).toHaveLength(4);
	});

	it('keeps the actions linked to the chosen element, including those linked to several', () => {
		expect(filterActions(plan, { ...NO_FILTERS, element: 'C5' }, fw).map((a) => a.id)).toEqual(['a1']);
		expect(filterActions(plan, { ...NO_FILTERS, element: 'A1' }, fw).map((a) => a.id)).toEqual(['a1', 'a2']);
	});

	it('treats owners that differ only in case and spaces as one person', () => {
		expect(filterActions(plan, { ...NO_FILTERS, owner: 'Harbour master' }, fw).map((a) => a.id)).toEqual(['a1', 'a2']);
		expect(ownersOf(plan)).toEqual(['Board secretary', 'Harbour master']);
	});

	it('finds the actions nobody owns yet', () => {
		expect(filterActions(plan, { ...NO_FILTERS, owner: NO_OWNER }, fw).map((a) => a.id)).toEqual(['a4']);
	});

	it('filters by one status, or by every status that is still open', () => {
		expect(filterActions(plan, { ...NO_FILTERS, status: 'agreed' }, fw).map((a) => a.id)).toEqual(['a2']);
		expect(filterActions(plan, { ...NO_FILTERS, status: OPEN }, fw).map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
	});

	it('combines filters', () => {
		expect(filterActions(plan, { element: 'A1', owner: 'Harbour master', status: 'agreed' }, fw).map((a) => a.id)).toEqual(['a2']);
	});

	it('says how many actions are shown out of how many', () => {
		expect(countText(4, 9)).toBe('Showing 4 of 9 actions');
		expect(countText(1, 1)).toBe('Showing 1 of 1 action');
	});
});

describe('sorting the plan', () => {
	it('puts the most urgent first, and the earliest due date first within a priority', () => {
		expect(sortActions(plan, 'priority').map((a) => a.id)).toEqual(['a3', 'a2', 'a1', 'a4']);
	});

	it('puts the earliest due date first and undated actions last', () => {
		expect(sortActions(plan, 'due').map((a) => a.id)).toEqual(['a4', 'a3', 'a1', 'a2']);
	});

	it('shows the newest first', () => {
		expect(sortActions(plan, 'newest').map((a) => a.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
	});

	it('does not reorder the array it is given', () => {
		const before = plan.map((a) => a.id);
		sortActions(plan, 'due');
		expect(plan.map((a) => a.id)).toEqual(before);
	});
});

describe('due dates', () => {
	it('flags an open action past its due date as overdue, but not one due today or already closed', () => {
		expect(isOverdue(plan[2], '2027-02-01', fw)).toBe(true);
		expect(isOverdue(plan[2], '2027-01-31', fw)).toBe(false);
		expect(isOverdue(plan[3], '2027-02-01', fw)).toBe(false);
		expect(isOverdue(plan[1], '2099-01-01', fw)).toBe(false);
	});

	it('writes dates without day-month ambiguity and takes today from the local calendar', () => {
		expect(formatDate('2027-03-31')).toBe('31 Mar 2027');
		expect(localIsoDate(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
	});

	it('labels statuses with the framework wording', () => {
		expect(statusLabel(fw, 'done_awaiting_verification')).toBe('Done, awaiting verification');
	});
});

describe('the default priority of a new action', () => {
	it('is the most urgent gap priority among the linked elements', () => {
		const ws = new Y.Doc();
		setSelfScore(ws, 'A3', 3); // target 4, gap 1: P3
		setSelfScore(ws, 'A1', 1); // critical at level 1: P1
		const rows = readElementRows(fw, ws, new Y.Doc());
		expect(worstPriority(rows, ['A3'])).toBe('P3');
		expect(worstPriority(rows, ['A3', 'A1'])).toBe('P1');
	});

	it('is unknown while none of the linked elements has been scored', () => {
		const rows = readElementRows(fw, new Y.Doc(), new Y.Doc());
		expect(worstPriority(rows, ['A1', 'B2'])).toBeNull();
		expect(worstPriority(rows, [])).toBeNull();
	});
});
