import { describe, expect, it } from 'vitest';
import type { ProgressElement } from '../shared/progress/port-progress.ts';
import { describeTrend, layoutTrend, TREND } from './trend-layout.ts';

const element = (code: string, levels: Array<number | null>, target = 4): ProgressElement => ({
	code,
	title: `Element ${code}`,
	pillar: 'A',
	critical: false,
	levels: levels.map((level) => ({ level, basis: level === null ? null : 'independent', target, gap: level === null ? null : Math.max(0, target - level) })),
	gapClosed: null
});

describe('layoutTrend', () => {
	it('puts labels on the left and level 0 at the left end of the scale, left to right', () => {
		const layout = layoutTrend([element('A1', [1, 3])], 2);
		expect(layout.labelX).toBe(0);
		expect(layout.x(0)).toBe(TREND.labelWidth);
		expect(layout.x(5)).toBe(TREND.width - TREND.right);
		expect(layout.rows[0].span?.x2).toBeGreaterThan(layout.rows[0].span!.x1);
	});

	it('mirrors for a right-to-left reader: labels on the right, level 0 at the right, rising leftwards', () => {
		const ltr = layoutTrend([element('A1', [1, 3])], 2);
		const rtl = layoutTrend([element('A1', [1, 3])], 2, true);
		expect(rtl.labelX).toBe(TREND.width);
		expect(rtl.x(0)).toBe(TREND.width - TREND.labelWidth);
		expect(rtl.x(5)).toBe(TREND.right);
		// Every dot and the target sit where the left-to-right chart has them, reflected.
		expect(rtl.rows[0].dots.map((d) => d.x)).toEqual(ltr.rows[0].dots.map((d) => Math.round((TREND.width - d.x) * 10) / 10));
		expect(rtl.rows[0].targetX).toBeCloseTo(TREND.width - ltr.rows[0].targetX!, 5);
		expect(rtl.rows[0].span?.direction).toBe('up');
	});
});

describe('describeTrend', () => {
	it('counts elements with the plural the language needs', () => {
		expect(describeTrend([element('A1', [2])], 1)).toBe('Levels of one element in one signed review; the table below lists them.');
		expect(describeTrend([element('A1', [2]), element('A2', [3])], 1)).toBe('Levels of 2 elements in one signed review; the table below lists them.');
		expect(describeTrend([], 0)).toBe('No signed review yet.');
	});
});
