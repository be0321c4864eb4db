// The words the charts give to screen readers and to print: the same numbers as the pictures, so
// no one depends on colour or shape to read a score. In the reader's language by default; a
// record passes its own language.
import { priorityLabel } from '../../shared/framework/code-labels.ts';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { InterfaceLocale } from '../../i18n/locales.ts';
import { formatLevel, LEVELS } from './scale.ts';
import type { ChartRow, GapRow } from './types.ts';

/** One sentence a board member could read aloud: how many elements fall short, meet, or are open. */
export function describeCurrentVsTarget(rows: readonly ChartRow[], locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	const applicable = rows.filter((r) => r.applicable);
	const scored = applicable.filter((r) => r.current !== null);
	const below = scored.filter((r) => (r.current ?? 0) < r.target).length;
	const parts = [m.grid_chart_below_target({ count: below }, options), m.grid_chart_at_or_above({ count: scored.length - below }, options)];
	const unscored = applicable.length - scored.length;
	if (unscored > 0) parts.push(m.grid_chart_not_yet_scored_count({ count: unscored }, options));
	const notApplicable = rows.length - applicable.length;
	if (notApplicable > 0) parts.push(m.grid_chart_not_applicable_count({ count: notApplicable }, options));
	const provisional = scored.filter((r) => r.currentSource === 'self').length;
	const tail = provisional > 0 ? m.grid_chart_provisional_tail({ count: provisional }, options) : '';
	return m.grid_chart_summary({ count: rows.length, parts: parts.join(m.grid_chart_parts_separator({}, options)), tail }, options);
}

export function sourceLabel(row: ChartRow, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	if (!row.applicable) return m.grid_chart_not_applicable({}, options);
	if (row.currentSource === 'independent') return m.grid_chart_source_independent({}, options);
	if (row.currentSource === 'self') return m.grid_chart_source_self({}, options);
	return m.grid_chart_not_yet_scored({}, options);
}

/** The accessible description of a heat map cell (its name is what it shows), e.g. "A1 Accountable manager…: gap 3, priority P1". */
export function describeGapCell(row: GapRow, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	const head = `${row.code} ${row.title}`;
	if (!row.applicable) return m.grid_cell_not_applicable({ head }, options);
	if (row.gap === null) return m.grid_cell_not_scored({ head }, options);
	const gap = row.priority
		? m.grid_cell_gap_priority({ head, gap: row.gap, priority: row.priority, label: priorityLabel(row.priority, locale) }, options)
		: m.grid_cell_gap({ head, gap: row.gap }, options);
	return row.currentSource === 'self' ? `${gap}${m.grid_cell_provisional_suffix({}, options)}` : gap;
}

export type LevelSpread = { perLevel: readonly number[]; min: number | null; median: number | null; max: number | null };

/** "min 1 · median 2 · max 4", or a plain statement when there is nothing to spread. */
export function spreadText({ min, median, max }: LevelSpread, locale: InterfaceLocale = getLocale()): string {
	if (min === null || max === null) return m.grid_spread_none({}, { locale });
	return m.grid_spread({ min: formatLevel(min), median: formatLevel(median), max: formatLevel(max) }, { locale });
}

export function describeDistribution(spread: LevelSpread, subject?: string, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	const what = subject ?? m.grid_distribution_subject({}, options);
	const perLevel = LEVELS.map((level) => spread.perLevel[level] ?? 0);
	const total = perLevel.reduce((a, b) => a + b, 0);
	if (total === 0) return m.grid_distribution_none({ subject: what }, options);
	const counts = perLevel.map((count, level) => m.grid_distribution_level_count({ level, count }, options)).join(m.grid_chart_parts_separator({}, options));
	const { min, median, max } = spread;
	return m.grid_distribution({ total, subject: what, counts, min: formatLevel(min), median: formatLevel(median), max: formatLevel(max) }, options);
}
