import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../../src/lib/shared/framework/index.ts';
import { planImport } from './self-score-mapping.ts';

describe('mapping imported self-scores onto the grid', () => {
	it('fills empty elements, notes equal and differing ones, and skips elements the source did not score', () => {
		const incoming = new Map([
			['A1', 4],
			['A2', 3],
			['A3', 2]
		]);
		const here: Record<string, number> = { A2: 3, A3: 4, B1: 1 };
		const plan = planImport(DEFAULT_FRAMEWORK, incoming, (code) => here[code] ?? null);
		const byCode = new Map(plan.rows.map((r) => [r.code, r]));
		expect(plan.rows).toHaveLength(DEFAULT_FRAMEWORK.elements.length);
		expect(byCode.get('A1')).toMatchObject({ incoming: 4, current: null, outcome: 'fill' });
		expect(byCode.get('A2')).toMatchObject({ incoming: 3, current: 3, outcome: 'same' });
		expect(byCode.get('A3')).toMatchObject({ incoming: 2, current: 4, outcome: 'differs' });
		expect(byCode.get('B1')).toMatchObject({ incoming: null, current: 1, outcome: 'none' });
		expect(plan.counts).toEqual({ fill: 1, same: 1, differs: 1, none: DEFAULT_FRAMEWORK.elements.length - 3 });
		expect(plan.unknownCodes).toEqual([]);
	});

	it('matches by element code and reports codes the target framework does not have', () => {
		const plan = planImport(DEFAULT_FRAMEWORK, new Map([['Z9', 3], ['A1', 0]]), () => null);
		expect(plan.unknownCodes).toEqual(['Z9']);
		expect(plan.rows.find((r) => r.code === 'A1')).toMatchObject({ incoming: 0, outcome: 'fill' });
	});
});
