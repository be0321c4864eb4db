// What every section of the PDF receives: the document being drawn, the version it shows, and
// the language it is written in (the record's, never the request's: exports also run outside
// HTTP requests, so every message is called with this locale explicitly).
import type { RecordLanguage } from '../../../../src/lib/shared/framework/languages.ts';
import type { EvaluationRecord, RecordElement } from '../../../../src/lib/shared/record/record.ts';
import { m } from '../../../../src/lib/paraglide/messages.js';
import type { FrozenVersion } from '../../contract.ts';
import type { RecordLabels } from '../labels.ts';
import type { Pdf } from './theme.ts';

export type RecordContext = {
	doc: Pdf;
	version: FrozenVersion;
	record: EvaluationRecord;
	labels: RecordLabels;
	/** The record's language: every word of the PDF is in it. */
	language: RecordLanguage;
	element(code: string): RecordElement | undefined;
};

/** "Evaluation record v3", the name the footer, the cover and the file all use. */
export function recordName(version: Pick<FrozenVersion, 'version'>, language: RecordLanguage = 'en'): string {
	return m.exports_record_name({ version: version.version }, { locale: language });
}
