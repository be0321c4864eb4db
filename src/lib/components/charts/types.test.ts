import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readElementRows } from '../../shared/documents/element-rows.ts';
import { setApplicability, setSelfScore } from '../../shared/documents/grid.ts';
import { setIndependentScore } from '../../shared/documents/reviewer.ts';
import { DEFAULT_FRAMEWORK } from '../../shared/framework/index.ts';
import { chartRowsOf } from './types.ts';

describe('chartRowsOf', () => {
	it('carries the independent score, the self-score beside it, the target, gap and priority of each element', () => {
		const workspace = new Y.Doc();
		const reviewer = new Y.Doc();
		setSelfScore(workspace, 'A1', 4);
		setIndependentScore(reviewer, 'A1', {
			score: 2,
			target: null,
			targetRationale: '',
			confidence: 'medium',
			rationale: 'Commitment is stated but not resourced.',
			priorityOverride: null,
			overrideReason: ''
		});
		const a1 = chartRowsOf(readElementRows(DEFAULT_FRAMEWORK, workspace, reviewer)).find((r) => r.code === 'A1');
		expect(a1).toEqual({
			code: 'A1',
			title: 'Accountable manager and senior leadership commitment',
			pillar: 'A',
			critical: true,
			current: 2,
			currentSource: 'independent',
			self: 4,
			target: 5,
			applicable: true,
			gap: 3,
			priority: 'P1'
		});
	});

	it('marks a level known only from the self-score as such, and a not-applicable element as not applicable', () => {
		const workspace = new Y.Doc();
		setSelfScore(workspace, 'B2', 3);
		setApplicability(workspace, 'C4', 'not_applicable', 'No tenants on the estate.');
		const rows = chartRowsOf(readElementRows(DEFAULT_FRAMEWORK, workspace, new Y.Doc()));
		expect(rows).toHaveLength(DEFAULT_FRAMEWORK.elements.length);
		expect(rows.find((r) => r.code === 'B2')).toMatchObject({ current: 3, currentSource: 'self', self: 3, gap: 1 });
		expect(rows.find((r) => r.code === 'C4')).toMatchObject({ applicable: false, gap: null, priority: null });
	});
});
