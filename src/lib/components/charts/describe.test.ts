import { describe, expect, it } from 'vitest';
import { describeCurrentVsTarget, describeDistribution, describeGapCell, sourceLabel, spreadText } from './describe.ts';
import { ROWS } from './fixtures.ts';

const byCode = (code: string) => ROWS.find((r) => r.code === code)!;

describe('describeCurrentVsTarget', () => {
	it('counts elements below, at or above target, unscored and not applicable, and flags provisional levels', () => {
		expect(describeCurrentVsTarget(ROWS)).toBe(
			"Current level against target for 6 elements: 3 below target, 1 at or above target, 1 not yet scored, 1 not applicable. 1 current level is provisional, from the port's self-score."
		);
	});

	it('leaves out the parts that do not apply', () => {
		expect(describeCurrentVsTarget([byCode('B1')])).toBe('Current level against target for 1 element: 0 below target, 1 at or above target.');
	});
});

describe('sourceLabel', () => {
	it('says what the current level rests on', () => {
		expect(['A1', 'A2', 'B2', 'C4'].map((c) => sourceLabel(byCode(c)))).toEqual([
			'Independent score',
			'Self-score (provisional)',
			'Not yet scored',
			'Not applicable'
		]);
	});
});

describe('describeGapCell', () => {
	it('names the element, its gap and its priority with the priority label', () => {
		expect(describeGapCell(byCode('A1'))).toBe('A1 Accountable manager and senior leadership commitment: gap 3, priority P1 (Critical)');
	});

	it('says when a gap is provisional, not yet scored or not applicable', () => {
		expect(describeGapCell(byCode('A2'))).toMatch(/: gap 2, priority P2 \(High\), provisional from self-score$/);
		expect(describeGapCell(byCode('B2'))).toMatch(/: not yet scored$/);
		expect(describeGapCell(byCode('C4'))).toMatch(/: not applicable$/);
	});

	it('gives a gap of 0 without a priority', () => {
		expect(describeGapCell(byCode('B1'))).toBe('B1 Threat, vulnerability and risk assessment: gap 0');
	});
});

describe('distribution wording', () => {
	const spread = { perLevel: [0, 1, 2, 0, 1, 0], min: 1, median: 2, max: 4 };

	it('writes the spread as min, median and max', () => {
		expect(spreadText(spread)).toBe('min 1 · median 2 · max 4');
		expect(spreadText({ ...spread, median: 2.5 })).toBe('min 1 · median 2.5 · max 4');
	});

	it('gives every level its count in the accessible description', () => {
		expect(describeDistribution(spread, 'Pillar A, current levels')).toBe(
			'Pillar A, current levels, 4 scores. level 0: 0, level 1: 1, level 2: 2, level 3: 0, level 4: 1, level 5: 0. Minimum 1, median 2, maximum 4.'
		);
	});

	it('says plainly when there are no scores yet', () => {
		const empty = { perLevel: [0, 0, 0, 0, 0, 0], min: null, median: null, max: null };
		expect(spreadText(empty)).toBe('no scores yet');
		expect(describeDistribution(empty)).toBe('Levels: no scores yet.');
	});
});
