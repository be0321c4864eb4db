// Pure layout maths for the charts: the 0..5 level scale, the gap palette, grouping by pillar and
// label fitting. Kept out of the components so the numbers a board reads can be unit-tested.
import type { PillarInfo } from './types.ts';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { InterfaceLocale } from '../../i18n/locales.ts';

export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
export const MAX_LEVEL = 5;

/**
 * A rough average glyph width for the UI sans fonts. Errs wide (DejaVu Sans, the widest likely
 * fallback, averages about 0.58em on the element titles) so labels never run into the plot.
 */
const CHAR_WIDTH_EM = 0.58;

/** Maps a level 0..5 onto [x0, x1]; values outside the scale are clamped, never drawn off-chart. */
export function levelScale(x0: number, x1: number): (level: number) => number {
	// Rounded to a tenth of a pixel: finer is invisible and only bloats the markup.
	return (level) => Math.round((x0 + ((x1 - x0) * Math.min(MAX_LEVEL, Math.max(0, level))) / MAX_LEVEL) * 10) / 10;
}

/** The end labels sit inside the plot so "0" and "5 Effective" are never clipped. */
export function tickAnchor(level: number): 'start' | 'middle' | 'end' {
	if (level <= 0) return 'start';
	if (level >= MAX_LEVEL) return 'end';
	return 'middle';
}

/** Whether level names anchored as tickAnchor says fit between gridlines `step` apart without touching. */
export function levelNamesFit(names: readonly string[], step: number, fontSize: number): boolean {
	const extent = (i: number) => {
		const w = (names[i]?.length ?? 0) * fontSize * CHAR_WIDTH_EM;
		const anchor = tickAnchor(i);
		const x = i * step;
		return anchor === 'start' ? [x, x + w] : anchor === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
	};
	for (let i = 1; i < names.length; i++) if (extent(i - 1)[1] + 6 > extent(i)[0]) return false;
	return true;
}

/**
 * Fill and text colour per gap 0..5: one warm hue getting darker with the gap, so the order reads
 * the same with red-green colour blindness and in greyscale print (lightness L* 97, 86, 75, 62, 47,
 * 29). Text colours meet 4.5:1 on their fill; the gap number is printed in every cell anyway.
 */
export const GAP_COLOURS = [
	{ fill: '#fdf6ec', text: '#17202a' },
	{ fill: '#f9d29a', text: '#17202a' },
	{ fill: '#f2a963', text: '#17202a' },
	{ fill: '#df7a40', text: '#17202a' },
	{ fill: '#bf4a2a', text: '#ffffff' },
	{ fill: '#82200f', text: '#ffffff' }
] as const;

export type GapColour = (typeof GAP_COLOURS)[number];

/** Null for a gap that cannot be measured (not applicable, not scored, malformed). */
export function gapColour(gap: number | null): GapColour | null {
	if (gap === null || !Number.isFinite(gap)) return null;
	return GAP_COLOURS[Math.min(MAX_LEVEL, Math.max(0, Math.round(gap)))];
}

export type PillarGroup<T> = { code: string; title: string; rows: T[] };

/**
 * Rows grouped by pillar. Known pillars come first in their framework order (even a pillar with no
 * rows is skipped, not shown empty); a row naming an unknown pillar still appears, in a group of its
 * own at the end, so a malformed or newer framework never makes an element silently vanish.
 */
export function groupByPillar<T extends { pillar: string }>(rows: readonly T[], pillars: readonly PillarInfo[] = [], locale: InterfaceLocale = getLocale()): PillarGroup<T>[] {
	const known = [...pillars].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
	const codes = [...known.map((p) => p.code), ...rows.map((r) => r.pillar)].filter((c, i, all) => all.indexOf(c) === i);
	return codes
		.map((code) => ({
			code,
			title: known.find((p) => p.code === code)?.title ?? m.grid_pillar_fallback({ code }, { locale }),
			rows: rows.filter((r) => r.pillar === code)
		}))
		.filter((group) => group.rows.length > 0);
}

export function charsThatFit(width: number, fontSize: number): number {
	return Math.max(0, Math.floor(width / (fontSize * CHAR_WIDTH_EM)));
}

/** Cuts at a word boundary where one is near, and marks the cut with an ellipsis. */
export function truncate(text: string, maxChars: number): string {
	if (text.length <= maxChars) return text;
	if (maxChars <= 1) return '…';
	const cut = text.slice(0, maxChars - 1);
	const space = cut.lastIndexOf(' ');
	const head = space >= maxChars * 0.6 ? cut.slice(0, space) : cut;
	return `${head.replace(/[\s,:;.]+$/, '')}…`;
}

/**
 * Greedy word wrap into at most maxLines lines of maxChars; what does not fit is cut with an
 * ellipsis on the last line. A single word longer than a line is cut rather than overflowing.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
	const lines: string[] = [];
	let rest = text.trim();
	while (rest.length > 0 && lines.length < maxLines) {
		if (rest.length <= maxChars) {
			lines.push(rest);
			rest = '';
		} else if (lines.length === maxLines - 1) {
			lines.push(truncate(rest, maxChars));
			rest = '';
		} else {
			const space = rest.lastIndexOf(' ', maxChars);
			const cut = space > 0 ? space : maxChars;
			lines.push(rest.slice(0, cut).trimEnd());
			rest = rest.slice(cut).trimStart();
		}
	}
	return lines;
}

/** Levels may be medians of an even count (2.5); whole levels print without a decimal. */
export function formatLevel(value: number | null): string {
	if (value === null) return '–';
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Bar heights for a per-level count strip, scaled to the largest count so one score still shows.
 * Missing or malformed counts read as 0; the strip always has the six levels 0..5.
 */
export function distributionBars(perLevel: readonly number[], maxHeight: number): Array<{ count: number; height: number }> {
	const counts = LEVELS.map((level) => {
		const n = perLevel[level];
		return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
	});
	const largest = Math.max(...counts);
	return counts.map((count) => ({ count, height: count === 0 ? 0 : Math.max(2, (count / largest) * maxHeight) }));
}
