import { describe, expect, it } from 'vitest';
import { chartWidth, COMPACT_BELOW, DEFAULT_WIDTH, diamondPath, layoutCurrentVsTarget, MIN_WIDTH, type CvtElementItem } from './current-vs-target-layout.ts';
import { LEVEL_LABELS, PILLARS, ROWS } from './fixtures.ts';

const elements = (items: ReturnType<typeof layoutCurrentVsTarget>['items']) => items.filter((i): i is CvtElementItem => i.kind === 'element');

describe('chartWidth', () => {
	it('uses a default width until the container has been measured, or while it is hidden', () => {
		expect(chartWidth(0)).toBe(DEFAULT_WIDTH);
	});

	it('follows the container but never shrinks below a readable minimum', () => {
		expect(chartWidth(1000.4)).toBe(1000);
		expect(chartWidth(120)).toBe(MIN_WIDTH);
	});
});

describe('layoutCurrentVsTarget', () => {
	it('puts a pillar heading before the elements of each pillar, in framework order', () => {
		const layout = layoutCurrentVsTarget(ROWS, PILLARS, 1000);
		expect(layout.items.map((i) => (i.kind === 'pillar' ? i.code : i.row.code))).toEqual(['A', 'A1', 'A2', 'B', 'B1', 'B2', 'C', 'C1', 'C4']);
	});

	it('stacks items top to bottom without overlap and ends the chart below the last row', () => {
		const layout = layoutCurrentVsTarget(ROWS, PILLARS, 1000);
		const rows = elements(layout.items);
		for (let i = 1; i < rows.length; i++) expect(rows[i].y).toBeGreaterThanOrEqual(rows[i - 1].y + rows[i - 1].height);
		const last = rows.at(-1)!;
		expect(layout.height).toBeGreaterThan(last.y + last.height);
	});

	it('shows labels beside the bars on a wide container, wrapping a long title onto a second line', () => {
		const layout = layoutCurrentVsTarget(ROWS, PILLARS, 640);
		expect(layout.compact).toBe(false);
		const a1 = elements(layout.items)[0];
		expect(a1.lines.length).toBe(2);
		expect(a1.lines.join(' ')).toBe('A1* Accountable manager and senior leadership commitment');
		expect(layout.x0).toBeGreaterThan(180);
	});

	it('moves labels above full-width bars below the compact width, keeping the critical mark', () => {
		const layout = layoutCurrentVsTarget(ROWS, PILLARS, COMPACT_BELOW - 1);
		expect(layout.compact).toBe(true);
		expect(layout.x0).toBeLessThan(5);
		const a1 = elements(layout.items)[0];
		expect(a1.lines[0].startsWith('A1* ')).toBe(true);
		expect(a1.cy).toBeGreaterThan(a1.labelY);
	});

	it('lets the parent force the compact layout on a wide container', () => {
		expect(layoutCurrentVsTarget(ROWS, PILLARS, 1200, true).compact).toBe(true);
		expect(layoutCurrentVsTarget(ROWS, PILLARS, 400, false).compact).toBe(false);
	});

	it('keeps level 5 and its target diamond inside the chart width', () => {
		for (const width of [390, 720, 1400]) {
			const layout = layoutCurrentVsTarget(ROWS, PILLARS, width);
			expect(layout.x(5) + 6).toBeLessThanOrEqual(layout.width);
			expect(layout.x(0)).toBe(layout.x0);
		}
	});

	it('names the levels under the axis only where the names fit', () => {
		const names = LEVEL_LABELS.map((l) => l.label);
		expect(layoutCurrentVsTarget(ROWS, PILLARS, 1100, undefined, names).levelNames).toEqual(names);
		expect(layoutCurrentVsTarget(ROWS, PILLARS, 700, undefined, names).levelNames).toEqual([]);
		expect(layoutCurrentVsTarget(ROWS, PILLARS, 1100).levelNames).toEqual([]);
	});

	it('draws nothing but the axis for no rows', () => {
		const layout = layoutCurrentVsTarget([], PILLARS, 800);
		expect(layout.items).toEqual([]);
		expect(layout.height).toBeGreaterThan(0);
	});
});

describe('diamondPath', () => {
	it('draws a closed diamond around its centre', () => {
		expect(diamondPath(10, 20, 5)).toBe('M10 15L15 20L10 25L5 20Z');
	});
});
