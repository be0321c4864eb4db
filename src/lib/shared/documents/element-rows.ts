// One derived row per framework element: the port's self-score, the independent score, the
// target, gap and priority. The grid, the charts, the plan's default priority and (later) the
// frozen record all read rows from here, so the numbers never disagree.
import type * as Y from 'yjs';
import type { Framework, Element } from '../framework/schema.ts';
import type { Priority } from '../framework/codes.ts';
import { gap, priorityFor } from '../framework/scoring.ts';
import { readGridCell, readProposals, type GridCell, type ScoreProposal } from './grid.ts';
import { readIndependentScore, type IndependentScore } from './reviewer.ts';
import { readInterview } from './interview.ts';
import type { Problems } from './read.ts';

export type ElementRow = {
	element: Element;
	cell: GridCell;
	independent: IndependentScore;
	target: number;
	/** The current level used for the gap: the independent score, else the self-score. */
	current: number | null;
	/** Until the reviewer scores, the gap is provisional: computed from the port's self-score. */
	currentSource: 'independent' | 'self' | null;
	gap: number | null;
	derivedPriority: Priority | null;
	priority: Priority | null;
	proposals: ScoreProposal[];
	evidenceCount: number;
};

export function readElementRows(framework: Framework, workspace: Y.Doc, reviewer: Y.Doc, problems: Problems = []): ElementRow[] {
	const proposals = readProposals(workspace, problems);
	const evidenceByElement = new Map<string, number>();
	for (const entry of readInterview(workspace, problems)) {
		evidenceByElement.set(entry.elementCode, (evidenceByElement.get(entry.elementCode) ?? 0) + entry.evidence.length);
	}
	return framework.elements.map((element) => {
		const cell = readGridCell(workspace, element.code, problems);
		const independent = readIndependentScore(reviewer, element.code, problems);
		const target = independent.target ?? element.defaultTarget;
		const current = independent.score ?? cell.selfScore;
		const derivedPriority = priorityFor({
			current,
			target,
			critical: element.critical,
			confidence: independent.confidence,
			applicability: cell.applicability
		});
		return {
			element,
			cell,
			independent,
			target,
			current,
			currentSource: independent.score !== null ? 'independent' : cell.selfScore !== null ? 'self' : null,
			gap: gap(target, current, cell.applicability),
			derivedPriority,
			priority: independent.priorityOverride ?? derivedPriority,
			proposals: proposals.filter((p) => p.elementCode === element.code),
			evidenceCount: evidenceByElement.get(element.code) ?? 0
		};
	});
}

export type Distribution = { count: number; min: number | null; max: number | null; median: number | null; perLevel: number[] };

/** Count per level 0..5, minimum, median and maximum: the spread, not only the mean. */
export function distribution(values: Array<number | null>): Distribution {
	const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
	const perLevel = [0, 0, 0, 0, 0, 0];
	for (const v of present) perLevel[v]++;
	if (present.length === 0) return { count: 0, min: null, max: null, median: null, perLevel };
	const mid = Math.floor(present.length / 2);
	const median = present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
	return { count: present.length, min: present[0], max: present[present.length - 1], median, perLevel };
}
