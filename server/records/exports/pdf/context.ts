// What every section of the PDF receives: the document being drawn and the version it shows.
import type { EvaluationRecord, RecordElement } from '../../../../src/lib/shared/record/record.ts';
import type { FrozenVersion } from '../../contract.ts';
import type { RecordLabels } from '../labels.ts';
import type { Pdf } from './theme.ts';

export type RecordContext = {
	doc: Pdf;
	version: FrozenVersion;
	record: EvaluationRecord;
	labels: RecordLabels;
	element(code: string): RecordElement | undefined;
};

/** "Evaluation record v3", the name the footer, the cover and the file all use. */
export function recordName(version: Pick<FrozenVersion, 'version'>): string {
	return `Evaluation record v${version.version}`;
}
