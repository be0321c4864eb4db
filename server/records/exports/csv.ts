// RFC 4180 CSV, written for spreadsheets: CRLF line ends, every field that needs it quoted with
// inner quotes doubled, and a UTF-8 byte order mark so Excel reads accented names correctly.
// Cells are free text typed by workshop participants, so a cell that a spreadsheet would run as
// a formula (=, +, -, @, tab, CR) is prefixed with a single quote (OWASP "CSV injection").

export type CsvCell = string | number | boolean | null;

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: numbers as written, text guarded against formulas and quoted when needed. Booleans
 * become Yes/No; the exports pass words in the record's language instead (csv-export.ts).
 */
export function csvField(value: CsvCell): string {
	if (value === null) return '';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const guarded = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** A whole file: BOM, header row, then one row per item, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
	const width = header.length;
	for (const [i, row] of rows.entries()) {
		// A short or long row would shift every later column in the spreadsheet; fail loudly instead.
		if (row.length !== width) throw new Error(`CSV row ${i + 1} has ${row.length} cells, expected ${width}`);
	}
	const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
	return BOM + lines.map((line) => `${line}\r\n`).join('');
}
