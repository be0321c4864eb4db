// The grid and the improvement plan of a frozen record as CSV, for people who track the plan in
// a spreadsheet. Codes are turned into the framework's labels; scores stay numbers so they can be
// summed and charted.
import type { EvaluationRecord } from '../../../src/lib/shared/record/record.ts';
import { csvDocument, type CsvCell } from './csv.ts';
import { labelsFor } from './labels.ts';

export const GRID_COLUMNS = [
	'Code',
	'Element',
	'Pillar',
	'Critical',
	'Applicability',
	'Justification',
	'Self score',
	'Independent score',
	'Target',
	'Gap',
	'Gap basis',
	'Priority',
	'Priority override',
	'Override reason',
	'Confidence',
	'Rationale',
	'Difference rationale',
	'Evidence count'
] as const;

export const PLAN_COLUMNS = [
	'ID',
	'Title',
	'Linked elements',
	'Owner',
	'Due date',
	'Priority',
	'Status',
	'Success measure',
	'Expected level after',
	'Description'
] as const;

export function gridCsv(record: EvaluationRecord): string {
	const label = labelsFor(record);
	const rows = record.elements.map((e): CsvCell[] => [
		e.code,
		e.title,
		`${e.pillar} ${label.pillar(e.pillar)}`,
		e.critical,
		label.applicability(e.applicability),
		e.justification,
		e.selfScore,
		e.independentScore,
		e.target,
		e.gap,
		label.gapBasis(e.gapBasis),
		e.priority,
		e.priorityOverride,
		e.overrideReason,
		label.confidence(e.confidence),
		e.rationale,
		// Records frozen before the field existed have none.
		e.differenceRationale ?? '',
		e.evidenceCount
	]);
	return csvDocument(GRID_COLUMNS, rows);
}

export function planCsv(record: EvaluationRecord): string {
	const label = labelsFor(record);
	const rows = record.plan.map((a): CsvCell[] => [
		a.id,
		a.title,
		a.linkedElements.join('; '),
		a.owner,
		a.dueDate,
		a.priority,
		label.planStatus(a.status),
		a.successMeasure,
		a.expectedLevelAfter,
		a.description.text
	]);
	return csvDocument(PLAN_COLUMNS, rows);
}
