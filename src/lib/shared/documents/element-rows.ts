// One derived row per framework element: the port's self-score, the independent score, the
// target, gap and priority. The grid, the charts, the plan's default priority and the frozen
// record all read rows from here, so the numbers never disagree. A row is flat, with the same
// field names as the record's element, so every rule (differences, charts) takes either.
import type * as Y from 'yjs';
import type { Framework, Element } from '../framework/schema.ts';
import type { Applicability, Confidence, Priority } from '../framework/codes.ts';
import { gap, priorityFor } from '../framework/scoring.ts';
import { readGridCell, readProposals, type ScoreProposal } from './grid.ts';
import { readIndependentScore } from './reviewer.ts';
import { readInterview } from './interview.ts';
import type { Problems } from './schema/fields.ts';

/** What the workshop concluded about one element: the fields a live row and a frozen record element share. */
export type ElementFacts = {
	code: string;
	title: string;
	pillar: string;
	critical: boolean;
	applicability: Applicability;
	justification: string;
	selfScore: number | null;
	independentScore: number | null;
	target: number;
	targetRationale: string;
	gap: number | null;
	/** Until the reviewer scores, the gap is provisional: computed from the port's self-score. */
	gapBasis: 'independent' | 'self' | null;
	derivedPriority: Priority | null;
	priority: Priority | null;
	priorityOverride: Priority | null;
	overrideReason: string;
	confidence: Confidence | null;
	rationale: string;
	/** Why the independent score differs from the self-score by 2 or more ('' when not needed or not given). */
	differenceRationale: string;
	evidenceCount: number;
	comments: string;
};

export type ElementRow = ElementFacts & {
	/** The framework's element: its intent, prompts and level descriptors. */
	element: Element;
	/** The level the gap is measured from: the independent score, else the self-score. */
	current: number | null;
	/** The target the reviewer set; null when the framework's default target applies. */
	chosenTarget: number | null;
	proposals: ScoreProposal[];
};

/** The level the gap is measured from, as the row or record element recorded it. */
export function currentLevel(facts: Pick<ElementFacts, 'gapBasis' | 'independentScore' | 'selfScore'>): number | null {
	return facts.gapBasis === 'independent' ? facts.independentScore : facts.gapBasis === 'self' ? facts.selfScore : null;
}

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
		const derivedPriority = priorityFor({ current, target, critical: element.critical, confidence: independent.confidence, applicability: cell.applicability });
		return {
			element,
			code: element.code,
			title: element.title,
			pillar: element.pillar,
			critical: element.critical,
			applicability: cell.applicability,
			justification: cell.justification,
			selfScore: cell.selfScore,
			independentScore: independent.score,
			target,
			targetRationale: independent.targetRationale,
			gap: gap(target, current, cell.applicability),
			gapBasis: independent.score !== null ? 'independent' : cell.selfScore !== null ? 'self' : null,
			derivedPriority,
			priority: independent.priorityOverride ?? derivedPriority,
			priorityOverride: independent.priorityOverride,
			overrideReason: independent.overrideReason,
			confidence: independent.confidence,
			rationale: independent.rationale,
			differenceRationale: independent.differenceRationale,
			evidenceCount: evidenceByElement.get(element.code) ?? 0,
			comments: cell.comments,
			current,
			chosenTarget: independent.target,
			proposals: proposals.filter((p) => p.elementCode === element.code)
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
