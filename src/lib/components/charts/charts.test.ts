// Renders the charts on the server, as the frozen record and the first paint will, and checks
// that what a screen reader or a printed page gets carries the same numbers as the picture.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import CurrentVsTarget from './CurrentVsTarget.svelte';
import Distribution from './Distribution.svelte';
import GapHeatMap from './GapHeatMap.svelte';
import { LEVEL_LABELS, PILLARS, ROWS } from './fixtures.ts';

/** Text of the hidden table, one line per row with cells separated by "|". */
function tableRows(html: string): string[] {
	const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
	return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
		[...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<!--.*?-->/g, '').trim()).join('|')
	);
}

describe('CurrentVsTarget', () => {
	const html = render(CurrentVsTarget, { props: { rows: ROWS, pillars: PILLARS, levels: LEVEL_LABELS, width: 1100 } }).body;

	it('is one image with a summary a screen reader can read', () => {
		expect(html).toContain('role="img"');
		expect(html).toContain('aria-label="Current level against target for 6 elements: 3 below target');
	});

	it('repeats every number in a hidden table grouped by pillar', () => {
		expect(html).toContain('<caption>Current level against target per element</caption>');
		expect(tableRows(html)).toEqual([
			'Element|Current level|Based on|Self-score|Target',
			'A Leadership and accountability',
			'A1 Accountable manager and senior leadership commitment (critical)|2|Independent score|4|5',
			'A2 Security manager: authority, resources and direct access (critical)|3|Self-score (provisional)|3|5',
			'B Threat and risk management',
			'B1 Threat, vulnerability and risk assessment|4|Independent score|–|4',
			'B2 Risk treatment, ownership and acceptance|–|Not yet scored|–|4',
			'C Security operations and delivery',
			'C1 Physical and operational security measures|0|Independent score|1|4',
			'C4 Tenants, contractors and port-community partners|Not applicable|Not applicable|–|Not applicable'
		]);
	});

	it('draws a hatched bar only for a provisional level and a self-score ring only beside an independent score', () => {
		expect(html.match(/class="bar[^"]*provisional/g)?.length).toBe(2); // A2 and the key
		expect(html.match(/<circle class="self/g)?.length).toBe(3); // A1, C1 and the key
	});

	it('prints the level names on the axis and the current and target levels beside each bar', () => {
		expect(html).toContain('>Effective</text>');
		expect(html).toMatch(/>\s*2 → 5\s*</);
		expect(html).toContain('Not scored yet');
		expect(html).toContain('Not applicable');
	});
});

describe('GapHeatMap', () => {
	it('shows plain cells with the gap and priority in text when nothing can be selected', () => {
		const html = render(GapHeatMap, { props: { rows: ROWS, pillars: PILLARS } }).body;
		expect(html).not.toContain('<button');
		expect(html).toContain('A1 Accountable manager and senior leadership commitment: gap 3, priority P1 (Critical)');
		expect(html).toMatch(/class="number[^"]*">3</);
		expect(html).toMatch(/class="priority[^"]*">P1</);
		expect(html).toContain('background: #df7a40');
	});

	it('makes every cell a named button when the parent can open an element, marking the open one', () => {
		const html = render(GapHeatMap, { props: { rows: ROWS, pillars: PILLARS, onSelect: () => {}, selected: 'A2' } }).body;
		expect(html.match(/<button/g)?.length).toBe(ROWS.length);
		// Named by what the cell shows (label in name), described by the full sentence.
		const described = /<button[^>]*aria-describedby="([^"]+)"[^>]*>/g;
		const ids = [...html.matchAll(described)].map((match) => match[1]);
		expect(ids).toHaveLength(ROWS.length);
		expect(html).toMatch(new RegExp(`id="${ids[1]}"[^>]*>A2 Security manager: authority, resources and direct access: gap 2, priority P2 \\(High\\), provisional from self-score<`));
		expect(html).not.toMatch(/<button[^>]*aria-label=/);
		expect(html.match(/aria-current="true"/g)?.length).toBe(1);
	});

	it('gives each pillar a labelled list and a key with the priorities in words', () => {
		const html = render(GapHeatMap, { props: { rows: ROWS, pillars: PILLARS } }).body;
		expect(html.match(/<ul class="cells[^"]*" aria-labelledby=/g)?.length).toBe(3);
		expect(html).toContain('P1 Critical · P2 High · P3 Medium · P4 Low');
	});
});

describe('Distribution', () => {
	it('shows the counts per level and the spread in words, with the same in its accessible name', () => {
		const html = render(Distribution, { props: { perLevel: [0, 1, 3, 0, 1, 0], min: 1, median: 2, max: 4, count: 5, subject: 'Proposed scores for A1' } }).body;
		expect(html).toContain('min 1 · median 2 · max 4');
		expect(html).toContain('aria-label="Proposed scores for A1, 5 scores. level 0: 0, level 1: 1, level 2: 3');
		expect(html.match(/<rect class="bar/g)?.length).toBe(3);
	});

	it('says there are no scores yet instead of drawing empty bars', () => {
		const html = render(Distribution, { props: { perLevel: [0, 0, 0, 0, 0, 0], min: null, median: null, max: null } }).body;
		expect(html).toContain('no scores yet');
		expect(html).not.toContain('<rect class="bar');
	});
});

describe('right to left', () => {
	const html = render(CurrentVsTarget, { props: { rows: ROWS, pillars: PILLARS, levels: LEVEL_LABELS, width: 1100, locale: 'ar' } }).body;

	it('draws the mirror image: labels from the right edge, level 0 on the right, the figures on the left', () => {
		expect(html).toContain('direction="rtl"');
		expect(html).toMatch(/<text class="label[^"]*" x="1100"/);
		expect(html).toMatch(/<text class="value[^"]*" x="0"/);
		const ticks = [...html.matchAll(/<text class="tick [^"]*" x="([\d.]+)"[^>]*>(\d)</g)].map((t) => [Number(t[2]), Number(t[1])]);
		expect(ticks[0]).toEqual([0, 692]);
		expect(ticks[5]).toEqual([5, 76]);
	});

	it('keeps every bar inside the plot, growing leftwards from level 0', () => {
		const chart = html.slice(0, html.indexOf('</svg>'));
		const bars = [...chart.matchAll(/<rect class="bar[^"]*" x="([\d.]+)"[^>]*width="([\d.]+)"/g)].map((b) => [Number(b[1]), Number(b[2])]);
		expect(bars.length).toBeGreaterThan(0);
		for (const [x, w] of bars) {
			expect(x).toBeGreaterThanOrEqual(76);
			expect(Math.round(x + w)).toBe(692);
		}
	});

	it('speaks Arabic and points the arrow from the current level to the target as it reads', () => {
		expect(html).toMatch(/>\s*2 ← 5\s*</);
		expect(html).toContain('غير منطبق');
	});
});
