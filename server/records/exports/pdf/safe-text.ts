// Text the embedded fonts can print (DejaVu Sans, pdf/fonts.ts): every character the font has a
// glyph for is kept as typed (accents, Arabic, Greek, Cyrillic, ≥ → ✓); a character it lacks
// would print as an empty box, so it is reduced to its base letter when that helps ("ő" is in
// the font, but a rarer letter may not be) and to "?" otherwise. Line breaks are kept, tabs become
// spaces, and control and format characters are dropped (the bidirectional layout of
// pdf/bidi-text.ts orders right-to-left text by itself). Dates go through src/lib/shared/format.ts in
// the record's language, always in UTC, so the PDF never depends on the server's locale or time zone.
import { formatIsoDate, formatShortDate, formatTimestamp, formatTimestampPrecise } from '../../../../src/lib/shared/format.ts';
import type { RecordLanguage } from '../../../../src/lib/shared/framework/languages.ts';
import { fontHas } from './fonts.ts';

/** Joiners shape Arabic (they are format characters, but fontkit reads them). */
const KEPT_FORMAT = new Set(['\u200c', '\u200d']);

function printable(ch: string): boolean {
	return fontHas('regular', ch.codePointAt(0) ?? 0) && fontHas('bold', ch.codePointAt(0) ?? 0);
}

/** Text the embedded fonts print faithfully; line breaks are kept, other controls dropped. */
export function pdfSafe(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
		if (ch === '\n') out += ch;
		else if (ch === '\t') out += ' ';
		else if (/\p{Cc}/u.test(ch) || (/\p{Cf}/u.test(ch) && !KEPT_FORMAT.has(ch))) continue;
		else if (KEPT_FORMAT.has(ch) || printable(ch)) out += ch;
		else {
			const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
			out += base !== '' && [...base].every(printable) ? base : '?';
		}
	}
	return out;
}

/** 25 November 2026 at 14:03:07 UTC (the stored value is ISO 8601 UTC), in the record's language. */
export function formatUtc(iso: string, language: RecordLanguage = 'en'): string {
	const at = Date.parse(iso);
	return Number.isNaN(at) ? iso : formatTimestampPrecise(at, language);
}

/** 24 November 2026 at 09:30 UTC: the form for metadata lines, to the minute. */
export function formatUtcShort(iso: string, language: RecordLanguage = 'en'): string {
	const at = Date.parse(iso);
	return Number.isNaN(at) ? iso : formatTimestamp(at, language);
}

/** 31 March 2026 (or 31 Mar 2026 when `short`), for calendar dates stored as YYYY-MM-DD. */
export function formatDate(isoDate: string | null, language: RecordLanguage = 'en', short = false): string {
	if (!isoDate) return '';
	return short ? formatShortDate(isoDate, language) : formatIsoDate(isoDate, language);
}

/** The short form of a hash shown in footers and signature lines. */
export function shortHash(hash: string): string {
	return hash.slice(0, 12);
}
