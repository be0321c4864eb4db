// The plain rows the charts draw. Charts take these rather than ElementRow so that they stay
// presentational (no Yjs, no framework lookups) and so the frozen record can feed them the same
// numbers later; chartRowsFrom is the one place that maps a live row onto them.
import type { ElementRow } from '../../shared/documents/element-rows.ts';
import type { Priority } from '../../shared/framework/codes.ts';

export type ChartRow = {
	code: string;
	title: string;
	/** The pillar's code, for example "A". */
	pillar: string;
	critical: boolean;
	/** The level the gap is measured from: the independent score, else the port's self-score. */
	current: number | null;
	currentSource: 'independent' | 'self' | null;
	self: number | null;
	target: number;
	/** False only for "not applicable"; an alternate arrangement is still scored. */
	applicable: boolean;
};

export type GapRow = ChartRow & { gap: number | null; priority: Priority | null };

/** A pillar as the framework describes it; `order` sorts the groups when given. */
export type PillarInfo = { code: string; title: string; order?: number };

/** A level of the 0..5 scale as the framework describes it, for axis labels. */
export type LevelInfo = { value: number; label: string };

export function chartRowsFrom(rows: readonly ElementRow[]): GapRow[] {
	return rows.map((row) => ({
		code: row.element.code,
		title: row.element.title,
		pillar: row.element.pillar,
		critical: row.element.critical,
		current: row.current,
		currentSource: row.currentSource,
		self: row.cell.selfScore,
		target: row.target,
		applicable: row.cell.applicability !== 'not_applicable',
		gap: row.gap,
		priority: row.priority
	}));
}
