import { describe, expect, it } from 'vitest';
import { charsThatFit, distributionBars, formatLevel, GAP_COLOURS, gapColour, groupByPillar, levelNamesFit, levelScale, tickAnchor, truncate, wrapText } from './scale.ts';

// WCAG relative luminance, to check the palette without a browser.
function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
};

describe('levelScale', () => {
	it('maps level 0 to the left edge, level 5 to the right edge and levels between evenly', () => {
		const x = levelScale(100, 600);
		expect([0, 1, 2.5, 5].map(x)).toEqual([100, 200, 350, 600]);
	});

	it('clamps values outside 0 to 5 so nothing is drawn off the chart', () => {
		const x = levelScale(0, 50);
		expect(x(-2)).toBe(0);
		expect(x(9)).toBe(50);
	});
});

describe('tickAnchor', () => {
	it('keeps the end labels inside the plot and centres the others', () => {
		expect([0, 1, 4, 5].map(tickAnchor)).toEqual(['start', 'middle', 'middle', 'end']);
	});
});

describe('levelNamesFit', () => {
	const names = ['Absent', 'Ad hoc', 'Present', 'Suitable', 'Operating', 'Effective'];

	it('accepts level names when the gridlines are far enough apart for neighbours not to touch', () => {
		expect(levelNamesFit(names, 120, 11)).toBe(true);
	});

	it('refuses them when two neighbours would collide, as "Operating" and "Effective" do on a narrow chart', () => {
		expect(levelNamesFit(names, 68, 11)).toBe(false);
	});
});

describe('gapColour', () => {
	it('gets darker with every step of the gap, so the order survives greyscale printing', () => {
		const lum = GAP_COLOURS.map((c) => luminance(c.fill));
		for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1]);
	});

	it('pairs every fill with a text colour of at least 4.5:1 contrast', () => {
		for (const { fill, text } of GAP_COLOURS) expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
	});

	it('gives no colour to a gap that cannot be measured', () => {
		expect(gapColour(null)).toBeNull();
		expect(gapColour(Number.NaN)).toBeNull();
	});

	it('uses the end colours for gaps outside 0 to 5 instead of failing', () => {
		expect(gapColour(7)).toBe(GAP_COLOURS[5]);
		expect(gapColour(-1)).toBe(GAP_COLOURS[0]);
		expect(gapColour(3)).toBe(GAP_COLOURS[3]);
	});
});

describe('groupByPillar', () => {
	const rows = [
		{ code: 'B1', pillar: 'B' },
		{ code: 'A1', pillar: 'A' },
		{ code: 'Z1', pillar: 'Z' },
		{ code: 'A2', pillar: 'A' }
	];
	const pillars = [
		{ code: 'B', title: 'Threat', order: 2 },
		{ code: 'A', title: 'Leadership', order: 1 },
		{ code: 'C', title: 'Operations', order: 3 }
	];

	it('orders groups by the framework order and keeps rows in their given order within a group', () => {
		const groups = groupByPillar(rows, pillars);
		expect(groups.map((g) => g.code)).toEqual(['A', 'B', 'Z']);
		expect(groups[0]).toEqual({ code: 'A', title: 'Leadership', rows: [rows[1], rows[3]] });
	});

	it('skips a pillar with no rows and keeps a row whose pillar is unknown under a plain heading', () => {
		const groups = groupByPillar(rows, pillars);
		expect(groups.find((g) => g.code === 'C')).toBeUndefined();
		expect(groups.at(-1)).toEqual({ code: 'Z', title: 'Pillar Z', rows: [rows[2]] });
	});

	it('groups in order of appearance when no pillars are given', () => {
		expect(groupByPillar(rows).map((g) => g.code)).toEqual(['B', 'A', 'Z']);
	});
});

describe('label fitting', () => {
	it('estimates how many characters fit a width at a font size', () => {
		expect(charsThatFit(0, 13)).toBe(0);
		expect(charsThatFit(300, 13)).toBeGreaterThan(35);
		expect(charsThatFit(300, 13)).toBeLessThan(50);
	});

	it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
		expect(truncate('Risk treatment', 20)).toBe('Risk treatment');
		expect(truncate('Risk treatment, ownership and acceptance', 26)).toBe('Risk treatment, ownership…');
	});

	it('cuts inside a word when the only space is too early to be useful', () => {
		expect(truncate('A1 Accountability', 10)).toBe('A1 Accoun…');
	});

	it('wraps onto at most the given number of lines and marks what is left out', () => {
		const text = 'D3 Audit, management review, change management and continuous improvement';
		expect(wrapText(text, 40, 2)).toEqual(['D3 Audit, management review, change', 'management and continuous improvement']);
		const cut = wrapText(text, 25, 2);
		expect(cut).toHaveLength(2);
		expect(cut[1].endsWith('…')).toBe(true);
		expect(wrapText('C1 Physical', 40, 2)).toEqual(['C1 Physical']);
	});
});

describe('formatLevel', () => {
	it('prints whole levels without a decimal, a half-way median with one, and a dash for none', () => {
		expect([formatLevel(2), formatLevel(2.5), formatLevel(null)]).toEqual(['2', '2.5', '–']);
	});
});

describe('distributionBars', () => {
	it('scales bars to the largest count and keeps a single score visible', () => {
		const bars = distributionBars([0, 1, 4, 0, 0, 0], 20);
		expect(bars.map((b) => b.count)).toEqual([0, 1, 4, 0, 0, 0]);
		expect(bars[2].height).toBe(20);
		expect(bars[1].height).toBe(5);
		expect(bars[0].height).toBe(0);
	});

	it('always has six levels and reads missing or malformed counts as none', () => {
		const bars = distributionBars([2, Number.NaN, -1], 10);
		expect(bars.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 0]);
		expect(distributionBars([], 10).every((b) => b.height === 0)).toBe(true);
	});
});
