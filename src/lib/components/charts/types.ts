// The plain rows the charts draw. Charts take these rather than element rows so that they stay
// presentational (no Yjs, no framework lookups); chartRowsOf is the one place that maps elements
// onto them, a live row and a frozen record's element alike, so a chart in the record matches the
// one in the workshop.
import { currentLevel, type ElementFacts } from '../../shared/documents/element-rows.ts';
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

type ChartedFacts = Pick<
	ElementFacts,
	'code' | 'title' | 'pillar' | 'critical' | 'gapBasis' | 'independentScore' | 'selfScore' | 'target' | 'applicability' | 'gap' | 'priority'
>;

export function chartRowsOf(elements: readonly ChartedFacts[]): GapRow[] {
	return elements.map((element) => ({
		code: element.code,
		title: element.title,
		pillar: element.pillar,
		critical: element.critical,
		current: currentLevel(element),
		currentSource: element.gapBasis,
		self: element.selfScore,
		target: element.target,
		applicable: element.applicability !== 'not_applicable',
		gap: element.gap,
		priority: element.priority
	}));
}
