// The record's wording for the exports: the shared labels (src/lib/shared/labels.ts) of the exact
// framework version the record names, in the language the record was rendered in.
import { getFramework } from '../../../src/lib/shared/framework/index.ts';
import { labelsFor as labelsOfFramework, RECORD_STATUS_LABELS, type Labels } from '../../../src/lib/shared/labels.ts';
import { recordLanguageOf, type EvaluationRecord } from '../../../src/lib/shared/record/record.ts';

export type RecordLabels = Labels;
export const STATUS_LABELS = RECORD_STATUS_LABELS;

export function labelsFor(record: EvaluationRecord): RecordLabels {
	const language = recordLanguageOf(record);
	return labelsOfFramework(getFramework(record.framework.id, record.framework.version, language), language);
}
