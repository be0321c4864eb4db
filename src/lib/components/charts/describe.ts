// The words the charts give to screen readers and to print: the same numbers as the pictures, so
// no one depends on colour or shape to read a score.
import { PRIORITY_LABELS } from '../../shared/framework/scoring.ts';
import { formatLevel, LEVELS } from './scale.ts';
import type { ChartRow, GapRow } from './types.ts';

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** One sentence a board member could read aloud: how many elements fall short, meet, or are open. */
export function describeCurrentVsTarget(rows: readonly ChartRow[]): string {
	const applicable = rows.filter((r) => r.applicable);
	const scored = applicable.filter((r) => r.current !== null);
	const below = scored.filter((r) => (r.current ?? 0) < r.target).length;
	const parts = [
		`${below} below target`,
		`${scored.length - below} at or above target`
	];
	const unscored = applicable.length - scored.length;
	if (unscored > 0) parts.push(`${unscored} not yet scored`);
	const notApplicable = rows.length - applicable.length;
	if (notApplicable > 0) parts.push(`${notApplicable} not applicable`);
	const provisional = scored.filter((r) => r.currentSource === 'self').length;
	const tail = provisional > 0 ? ` ${plural(provisional, 'current level is', 'current levels are')} provisional, from the port's self-score.` : '';
	return `Current level against target for ${plural(rows.length, 'element', 'elements')}: ${parts.join(', ')}.${tail}`;
}

export function sourceLabel(row: ChartRow): string {
	if (!row.applicable) return 'Not applicable';
	if (row.currentSource === 'independent') return 'Independent score';
	if (row.currentSource === 'self') return 'Self-score (provisional)';
	return 'Not yet scored';
}

/** The accessible name of a heat map cell, e.g. "A1 Accountable manager…: gap 3, priority P1". */
export function describeGapCell(row: GapRow): string {
	const head = `${row.code} ${row.title}`;
	if (!row.applicable) return `${head}: not applicable`;
	if (row.gap === null) return `${head}: not yet scored`;
	const priority = row.priority ? `, priority ${row.priority} (${PRIORITY_LABELS[row.priority]})` : '';
	const provisional = row.currentSource === 'self' ? ', provisional from self-score' : '';
	return `${head}: gap ${row.gap}${priority}${provisional}`;
}

export type LevelSpread = { perLevel: readonly number[]; min: number | null; median: number | null; max: number | null };

/** "min 1 · median 2 · max 4", or a plain statement when there is nothing to spread. */
export function spreadText({ min, median, max }: LevelSpread): string {
	if (min === null || max === null) return 'no scores yet';
	return `min ${formatLevel(min)} · median ${formatLevel(median)} · max ${formatLevel(max)}`;
}

export function describeDistribution(spread: LevelSpread, subject = 'Levels'): string {
	const perLevel = LEVELS.map((level) => spread.perLevel[level] ?? 0);
	const total = perLevel.reduce((a, b) => a + b, 0);
	if (total === 0) return `${subject}: no scores yet.`;
	const counts = perLevel.map((n, level) => `level ${level}: ${n}`).join(', ');
	const { min, median, max } = spread;
	return `${subject}, ${plural(total, 'score', 'scores')}. ${counts}. Minimum ${formatLevel(min)}, median ${formatLevel(median)}, maximum ${formatLevel(max)}.`;
}
