// The port's self-assessment against the independent view (issue 5, item 4). A difference of two
// levels or more is not a rounding matter: it means the port and the reviewer saw different
// things, so it is highlighted and the record must say why before it can be frozen.
// Pure and shared: the grid, the freeze check and the record page use the same rule and words,
// in the reader's language by default.
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { InterfaceLocale } from '../../i18n/locales.ts';

/** Differences of this many levels or more are highlighted and need a rationale. */
export const DIFFERENCE_THRESHOLD = 2;

export type ScorePair = {
	selfScore: number | null;
	independentScore: number | null;
	/** The facilitator's reason why the independent view differs; '' (or absent, in older records) when none. */
	differenceRationale?: string;
};

/** independent − self (negative: the reviewer found less than the port claimed); null unless both exist. */
type Pair = Pick<ScorePair, 'selfScore' | 'independentScore'>;

export function scoreDifference(pair: Pick<ScorePair, 'selfScore' | 'independentScore'>): number | null {
	if (pair.selfScore === null || pair.independentScore === null) return null;
	return pair.independentScore - pair.selfScore;
}

export function differsMarkedly(pair: Pick<ScorePair, 'selfScore' | 'independentScore'>): boolean {
	const difference = scoreDifference(pair);
	return difference !== null && Math.abs(difference) >= DIFFERENCE_THRESHOLD;
}

export function needsDifferenceRationale(pair: ScorePair): boolean {
	return differsMarkedly(pair) && (pair.differenceRationale ?? '').trim() === '';
}

/** "Differs by 3 (independent lower)": words, so the highlight never relies on colour alone. */
export function describeDifference(pair: Pair, locale: InterfaceLocale = getLocale()): string {
	const difference = scoreDifference(pair);
	if (difference === null) return '';
	const options = { locale };
	if (difference === 0) return m.grid_same_level({}, options);
	const size = Math.abs(difference);
	return difference < 0 ? m.grid_differs_by_lower({ difference: size }, options) : m.grid_differs_by_higher({ difference: size }, options);
}

/** "Differs by 3", without which side is higher, where space is short. */
export function describeDifferenceBriefly(pair: Pair, locale: InterfaceLocale = getLocale()): string {
	const difference = scoreDifference(pair);
	if (difference === null) return '';
	return difference === 0 ? m.grid_same_level({}, { locale }) : m.grid_differs_by({ difference: Math.abs(difference) }, { locale });
}

/** "−3", "+2", "0" for a narrow table cell; '' when a score is missing. */
export function signedDifference(pair: Pick<ScorePair, 'selfScore' | 'independentScore'>): string {
	const difference = scoreDifference(pair);
	if (difference === null) return '';
	return difference > 0 ? `+${difference}` : difference < 0 ? `\u2212${Math.abs(difference)}` : '0';
}

export type DifferenceSummary = {
	/** Elements with both scores. */
	compared: number;
	/** Codes of elements whose scores differ by the threshold or more, in the order given. */
	marked: string[];
	/** Of those, the codes without a difference rationale yet. */
	needingRationale: string[];
};

export function summariseDifferences<T extends ScorePair & { code: string }>(items: readonly T[]): DifferenceSummary {
	const compared = items.filter((i) => scoreDifference(i) !== null).length;
	const marked = items.filter(differsMarkedly).map((i) => i.code);
	const needingRationale = items.filter(needsDifferenceRationale).map((i) => i.code);
	return { compared, marked, needingRationale };
}

/** "4 elements differ by 2 or more; 1 still needs a rationale." */
export function differenceSummaryText(summary: DifferenceSummary, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	const threshold = DIFFERENCE_THRESHOLD;
	if (summary.compared === 0) return m.grid_summary_none_compared({}, options);
	if (summary.marked.length === 0) return m.grid_summary_none_marked({ threshold }, options);
	const head = m.grid_summary_marked({ count: summary.marked.length, threshold }, options);
	const pending = summary.needingRationale.length;
	return pending === 0 ? m.grid_summary_all_explained({ head }, options) : m.grid_summary_pending({ pending, head }, options);
}

export type PendingDifference = { code: string; title: string; selfScore: number; independentScore: number };

/** The elements that block a freeze: a marked difference and no rationale, in framework order. */
export function pendingDifferences(items: ReadonlyArray<ScorePair & { code: string; title: string }>): PendingDifference[] {
	return items.filter(needsDifferenceRationale).map((i) => ({
		code: i.code,
		title: i.title,
		selfScore: i.selfScore as number,
		independentScore: i.independentScore as number
	}));
}

/** The freeze refusal, naming every element (code and name) so nobody has to hunt for them. */
export function pendingDifferencesMessage(pending: readonly PendingDifference[], locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	const list = pending
		.map((p) => m.grid_freeze_pending_item({ code: p.code, title: p.title, self: p.selfScore, independent: p.independentScore }, options))
		.join(m.grid_list_separator({}, options));
	return m.grid_freeze_pending({ count: pending.length, threshold: DIFFERENCE_THRESHOLD, list }, options);
}
