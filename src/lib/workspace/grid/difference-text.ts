// The words for a difference between the port's self-score and the independent score, in the
// reader's language: the interface's counterpart of describeDifference and differenceSummaryText
// in src/lib/shared/documents/self-vs-independent.ts (whose English stays for logs and tests).
import { m } from '#lib/paraglide/messages.js';
import { DIFFERENCE_THRESHOLD, scoreDifference, type DifferenceSummary, type ScorePair } from '#lib/shared/documents/self-vs-independent.ts';

type Pair = Pick<ScorePair, 'selfScore' | 'independentScore'>;

/** "Differs by 3 (independent lower)", "Same level", or '' when a score is missing. */
export function differenceText(pair: Pair): string {
	const difference = scoreDifference(pair);
	if (difference === null) return '';
	if (difference === 0) return m.grid_same_level();
	const size = Math.abs(difference);
	return difference < 0 ? m.grid_differs_by_lower({ difference: size }) : m.grid_differs_by_higher({ difference: size });
}

/** "Differs by 3", without which side is higher, where space is short. */
export function differsByText(pair: Pair): string {
	const difference = scoreDifference(pair);
	return difference === null ? '' : difference === 0 ? m.grid_same_level() : m.grid_differs_by({ difference: Math.abs(difference) });
}

export function differenceSummary(summary: DifferenceSummary): string {
	const threshold = DIFFERENCE_THRESHOLD;
	if (summary.compared === 0) return m.grid_summary_none_compared();
	if (summary.marked.length === 0) return m.grid_summary_none_marked({ threshold });
	const head = m.grid_summary_marked({ count: summary.marked.length, threshold });
	const pending = summary.needingRationale.length;
	return pending === 0 ? m.grid_summary_all_explained({ head }) : m.grid_summary_pending({ pending, head });
}
