// The grid and the improvement plan of a frozen record as CSV, for people who track the plan in
// a spreadsheet. Codes are turned into the framework's labels; scores stay numbers so they can be
// summed and charted.
//
// Language (issue 14): the file is for people, so it speaks the record's language throughout,
// header row included (recordLanguageOf(record), never the request's). The header row is the
// only header row, translated; what stays the same in every language is the column order (the
// arrays below), the element and action codes, the numbers and the dates (ISO 8601 YYYY-MM-DD, so
// a spreadsheet in any locale sorts and reads them as dates). A program should read the JSON
// export, whose keys are stable codes, or rely on the column order, never on the header words.
import { m } from '../../../src/lib/paraglide/messages.js';
import type { RecordLanguage } from '../../../src/lib/shared/framework/languages.ts';
import { recordLanguageOf, type EvaluationRecord } from '../../../src/lib/shared/record/record.ts';
import { csvDocument, type CsvCell } from './csv.ts';
import { labelsFor } from './labels.ts';

/** The grid's header row in a language, in the fixed column order. */
export function gridColumns(language: RecordLanguage): string[] {
	const o = { locale: language };
	return [
		m.exports_csv_code({}, o),
		m.exports_csv_element({}, o),
		m.exports_csv_pillar({}, o),
		m.exports_csv_critical({}, o),
		m.exports_csv_applicability({}, o),
		m.exports_csv_justification({}, o),
		m.exports_csv_self_score({}, o),
		m.exports_csv_independent_score({}, o),
		m.exports_csv_target({}, o),
		m.exports_csv_gap({}, o),
		m.exports_csv_gap_basis({}, o),
		m.exports_csv_priority({}, o),
		m.exports_csv_priority_override({}, o),
		m.exports_csv_override_reason({}, o),
		m.exports_csv_confidence({}, o),
		m.exports_csv_rationale({}, o),
		m.exports_csv_difference_rationale({}, o),
		m.exports_csv_evidence_count({}, o)
	];
}

/** The plan's header row in a language, in the fixed column order. */
export function planColumns(language: RecordLanguage): string[] {
	const o = { locale: language };
	return [
		m.exports_csv_action_id({}, o),
		m.exports_csv_title({}, o),
		m.exports_csv_linked_elements({}, o),
		m.exports_csv_owner({}, o),
		m.exports_csv_due_date({}, o),
		m.exports_csv_priority({}, o),
		m.exports_csv_status({}, o),
		m.exports_csv_success_measure({}, o),
		m.exports_csv_expected_level_after({}, o),
		m.exports_csv_description({}, o)
	];
}

export function gridCsv(record: EvaluationRecord): string {
	const language = recordLanguageOf(record);
	const label = labelsFor(record);
	const yesNo = (value: boolean) => (value ? m.exports_csv_yes({}, { locale: language }) : m.exports_csv_no({}, { locale: language }));
	const rows = record.elements.map((e): CsvCell[] => [
		e.code,
		e.title,
		`${e.pillar} ${label.pillar(e.pillar)}`,
		yesNo(e.critical),
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
	return csvDocument(gridColumns(language), rows);
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
	return csvDocument(planColumns(recordLanguageOf(record)), rows);
}
