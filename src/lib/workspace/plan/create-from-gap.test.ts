import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK, getElement } from '#lib/shared/framework/index.ts';
import { readElementRows, type ElementRow } from '#lib/shared/documents/element-rows.ts';
import { setSelfScore } from '#lib/shared/documents/grid.ts';
import { setIndependentScore } from '#lib/shared/documents/reviewer.ts';
import { readPlan } from '#lib/shared/documents/plan.ts';
import { planArea } from '#lib/collab/areas/plan.ts';
import { testArea } from '#lib/collab/areas/fixtures.ts';
import { actionDomId, createGapAction, gapActionTitle, shortTitle, takeEditRequest } from './create-from-gap.ts';

const fw = DEFAULT_FRAMEWORK;
const isElement = (code: string) => getElement(fw, code) !== null;

function rowFor(workspace: Y.Doc, reviewer: Y.Doc, code: string): ElementRow {
	const row = readElementRows(fw, workspace, reviewer).find((r) => r.code === code);
	if (!row) throw new Error(`no row ${code}`);
	return row;
}

function plan(workspace: Y.Doc, reviewer: Y.Doc, editWorkspace = true) {
	return planArea(testArea({ workspace, reviewer, can: { editWorkspace } }));
}

describe('the title of an action made from a gap', () => {
	it('is short and names the element', () => {
		expect(gapActionTitle(fw.elements[0])).toBe('Close the gap on A1 Accountable manager…');
	});

	it('cuts long titles at a word and leaves short ones alone', () => {
		expect(shortTitle('Legal, regulatory and other requirements')).toBe('Legal, regulatory and other…');
		expect(shortTitle('Information and cyber security')).toBe('Information and cyber…');
		expect(shortTitle('Training')).toBe('Training');
		expect(shortTitle('Supercalifragilisticexpialidocious-and-more')).toBe('Supercalifragilisticexpialid…');
	});
});

describe('creating an action from a gap', () => {
	it('links the element, takes its priority and target, and records where it came from', () => {
		const ws = new Y.Doc();
		const rv = new Y.Doc();
		setSelfScore(ws, 'A1', 3);
		setIndependentScore(rv, 'A1', {
			score: 1, target: null, targetRationale: '', confidence: 'medium', rationale: 'No appointment on record', priorityOverride: null, overrideReason: ''
		});
		const created = plan(ws, rv).createFromGap(rowFor(ws, rv, 'A1'));
		if (!created.ok) throw new Error(created.error.message);
		expect(readPlan(ws)).toEqual([
			expect.objectContaining({
				id: created.value,
				title: 'Close the gap on A1 Accountable manager…',
				linkedElements: ['A1'],
				priority: 'P1',
				status: 'proposed',
				expectedLevelAfter: 5,
				owner: '',
				dueDate: null,
				source: 'grid:A1',
				createdBy: 'fac-1'
			})
		]);
		expect(actionDomId(created.value)).toBe(`action-${created.value}`);
	});

	it('asks the plan once to open the new action for editing', () => {
		const ws = new Y.Doc();
		const created = plan(ws, new Y.Doc()).createFromGap(rowFor(ws, new Y.Doc(), 'D2'));
		if (!created.ok) throw new Error(created.error.message);
		expect(takeEditRequest(created.value)).toBe(true);
		expect(takeEditRequest(created.value)).toBe(false);
	});

	it('falls back to P3 while the element has no priority yet', () => {
		const ws = new Y.Doc();
		const created = createGapAction(ws, rowFor(ws, new Y.Doc(), 'C3'), { id: 'u1' }, isElement, 1000);
		expect(created.ok).toBe(true);
		expect(readPlan(ws)[0]).toMatchObject({ priority: 'P3', expectedLevelAfter: 4, createdAt: 1000 });
	});

	it('refuses an observer', () => {
		const ws = new Y.Doc();
		const result = plan(ws, new Y.Doc(), false).createFromGap(rowFor(ws, new Y.Doc(), 'A1'));
		expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(readPlan(ws)).toHaveLength(0);
	});
});
