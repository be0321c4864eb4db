// The frozen record's elements as the rows the shared charts draw, the same numbers the live grid
// feeds them through chartRowsFrom, so a chart in the record matches the one in the workshop.
import type { GapRow } from '../components/charts/types.ts';
import type { RecordElement } from '../shared/record/record.ts';
import { PRIORITIES, type Priority } from '../shared/framework/codes.ts';

function asPriority(value: string | null): Priority | null {
	return value !== null && (PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : null;
}

export function recordChartRows(elements: readonly RecordElement[]): GapRow[] {
	return elements.map((element) => ({
		code: element.code,
		title: element.title,
		pillar: element.pillar,
		critical: element.critical,
		current: element.gapBasis === 'independent' ? element.independentScore : element.gapBasis === 'self' ? element.selfScore : null,
		currentSource: element.gapBasis,
		self: element.selfScore,
		target: element.target,
		applicable: element.applicability !== 'not_applicable',
		gap: element.gap,
		priority: asPriority(element.priority)
	}));
}

export { asPriority };
