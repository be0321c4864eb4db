// The port's self-assessment against the independent view (issue 5, item 4). A difference of two
// levels or more is not a rounding matter: it means the port and the reviewer saw different
// things, so it is highlighted and the record must say why before it can be frozen.
// Pure and shared: the grid, the freeze check and the record page use the same rule.

/** Differences of this many levels or more are highlighted and need a rationale. */
export const DIFFERENCE_THRESHOLD = 2;

export type ScorePair = {
	selfScore: number | null;
	independentScore: number | null;
	/** The facilitator's reason why the independent view differs; '' (or absent, in older records) when none. */
	differenceRationale?: string;
};

/** independent − self (negative: the reviewer found less than the port claimed); null unless both exist. */
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
export function describeDifference(pair: Pick<ScorePair, 'selfScore' | 'independentScore'>): string {
	const difference = scoreDifference(pair);
	if (difference === null) return '';
	if (difference === 0) return 'Same level';
	return `Differs by ${Math.abs(difference)} (independent ${difference < 0 ? 'lower' : 'higher'})`;
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
export function differenceSummaryText(summary: DifferenceSummary): string {
	const n = summary.marked.length;
	if (summary.compared === 0) return 'No element has both a self-score and an independent score yet.';
	if (n === 0) return `No element differs by ${DIFFERENCE_THRESHOLD} or more between the self-assessment and the independent score.`;
	const head = `${n} ${n === 1 ? 'element differs' : 'elements differ'} by ${DIFFERENCE_THRESHOLD} or more`;
	const pending = summary.needingRationale.length;
	return pending === 0 ? `${head}; every one has a difference rationale.` : `${head}; ${pending} still ${pending === 1 ? 'needs' : 'need'} a rationale.`;
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
export function pendingDifferencesMessage(pending: readonly PendingDifference[]): string {
	const n = pending.length;
	const list = pending.map((p) => `${p.code} ${p.title} (self ${p.selfScore}, independent ${p.independentScore})`).join('; ');
	return (
		`The record cannot be frozen yet: ${n} ${n === 1 ? 'element differs' : 'elements differ'} by ${DIFFERENCE_THRESHOLD} or more ` +
		`from the port's self-assessment without a difference rationale: ${list}. Add a difference rationale to ${n === 1 ? 'it' : 'each'} in the GAP grid.`
	);
}
