// Where everything in the current-against-target chart goes, in pixels of a viewBox as wide as the
// chart's container (so SVG text stays at its CSS size instead of scaling with the width).
// Wide: labels in a column on the left, wrapped to up to three lines. Compact (phones): each label on its
// own line above a full-width bar, because codes alone mean little to a board member.
import { charsThatFit, groupByPillar, levelNamesFit, levelScale, MAX_LEVEL, truncate, wrapText } from './scale.ts';
import type { ChartRow, PillarInfo } from './types.ts';

/** Below this container width labels move above the bars. */
export const COMPACT_BELOW = 560;
/** Used before the container has been measured, and when it is hidden (width 0). */
export const DEFAULT_WIDTH = 720;
export const MIN_WIDTH = 280;

export const SIZES = {
	text: 13,
	levelName: 11,
	lineHeight: 16,
	rowHeight: 26,
	headingHeight: 32,
	barHeight: 14,
	valueColumn: 56,
	gutter: 12,
	/** Room beside level 5 for half a target diamond. */
	endPadding: 8
} as const;

export type CvtPillarItem = { kind: 'pillar'; y: number; code: string; title: string; fullTitle: string };
export type CvtElementItem = {
	kind: 'element';
	y: number;
	height: number;
	/** Vertical centre of the bar. */
	cy: number;
	row: ChartRow;
	lines: string[];
	/** Baseline of the first label line. */
	labelY: number;
	/** Baseline of the "now → target" figures. */
	valueY: number;
	fullLabel: string;
};
export type CvtItem = CvtPillarItem | CvtElementItem;

export type CvtLayout = {
	width: number;
	height: number;
	compact: boolean;
	/** Height of the level axis band at the top. */
	axisHeight: number;
	/** Level names under the axis numbers, or none when they would collide or are not given. */
	levelNames: readonly string[];
	x0: number;
	x1: number;
	x: (level: number) => number;
	items: CvtItem[];
};

export function chartWidth(measured: number): number {
	return measured > 0 ? Math.max(MIN_WIDTH, Math.round(measured)) : DEFAULT_WIDTH;
}

export function layoutCurrentVsTarget(
	rows: readonly ChartRow[],
	pillars: readonly PillarInfo[],
	measuredWidth: number,
	compactOverride?: boolean,
	levelNames: readonly string[] = []
): CvtLayout {
	const width = chartWidth(measuredWidth);
	const compact = compactOverride ?? width < COMPACT_BELOW;
	const labelWidth = compact ? 0 : Math.min(440, Math.max(180, Math.round(width * 0.36)));
	const x0 = compact ? 1 : labelWidth + SIZES.gutter;
	// Compact rows carry their figures on the label line, so the bar may use the whole width.
	const x1 = width - SIZES.endPadding - (compact ? 0 : SIZES.valueColumn + SIZES.gutter);
	const names = levelNames.length > 0 && levelNamesFit(levelNames, (x1 - x0) / MAX_LEVEL, SIZES.levelName) ? levelNames : [];
	const axisHeight = names.length > 0 ? 42 : 26;
	const labelChars = charsThatFit(compact ? width - SIZES.valueColumn : labelWidth, SIZES.text);
	const headingChars = charsThatFit(width, SIZES.text);

	const items: CvtItem[] = [];
	let y = axisHeight;
	for (const group of groupByPillar(rows, pillars)) {
		const fullTitle = `${group.code} · ${group.title}`;
		items.push({ kind: 'pillar', y, code: group.code, title: truncate(fullTitle, headingChars), fullTitle });
		y += SIZES.headingHeight;
		for (const row of group.rows) {
			const fullLabel = `${row.code}${row.critical ? '*' : ''} ${row.title}`;
			items.push(compact ? stacked(row, fullLabel, y, labelChars) : beside(row, fullLabel, y, labelChars));
			y += (items[items.length - 1] as CvtElementItem).height;
		}
	}
	return { width, height: y + 6, compact, axisHeight, levelNames: names, x0, x1, x: levelScale(x0, x1), items };
}

function beside(row: ChartRow, fullLabel: string, y: number, chars: number): CvtElementItem {
	const lines = wrapText(fullLabel, chars, 3);
	const height = SIZES.rowHeight + (lines.length - 1) * SIZES.lineHeight;
	const cy = y + height / 2;
	const labelY = cy + 4.5 - ((lines.length - 1) * SIZES.lineHeight) / 2;
	return { kind: 'element', y, height, cy, row, lines, labelY, valueY: cy + 4.5, fullLabel };
}

function stacked(row: ChartRow, fullLabel: string, y: number, chars: number): CvtElementItem {
	const lines = wrapText(fullLabel, chars, 2);
	const labelY = y + 14;
	const cy = labelY + (lines.length - 1) * SIZES.lineHeight + 14;
	return { kind: 'element', y, height: cy - y + 12, cy, row, lines, labelY, valueY: labelY, fullLabel };
}

/** A diamond centred on (cx, cy), as an SVG path. */
export function diamondPath(cx: number, cy: number, r: number): string {
	return `M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`;
}
