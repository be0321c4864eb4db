// The standard PDF fonts (Helvetica, Courier) only carry the Windows-1252 character set. Text
// outside it would print as wrong glyphs, so it is mapped here first: composed accents kept,
// common symbols spelt out, other accented letters reduced to their base letter, the rest "?".
// Dates are formatted by hand so the PDF never depends on the server's locale or time zone.

const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const SPELT_OUT: Record<string, string> = {
	'≥': '>=',
	'≤': '<=',
	'≠': '!=',
	'→': '->',
	'←': '<-',
	'⇒': '=>',
	'✓': 'yes',
	'✔': 'yes',
	'✗': 'no',
	'✘': 'no',
	'−': '-',
	'‐': '-',
	'‑': '-',
	'′': "'",
	'″': '"',
	'\u2009': ' ',
	'\u202f': ' ',
	'\u200b': '',
	'\t': ' '
};

function printable(ch: string): boolean {
	const code = ch.codePointAt(0) ?? 0;
	return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch) || ch === '\n';
}

/** Text the standard fonts can print faithfully; line breaks are kept, other controls dropped. */
export function pdfSafe(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
		if (printable(ch)) out += ch;
		else if (ch in SPELT_OUT) out += SPELT_OUT[ch];
		else if ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f') continue;
		else {
			// "ő" -> "o": the base letter reads better than a question mark.
			const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
			out += base !== '' && [...base].every(printable) ? base : '?';
		}
	}
	return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** 25 November 2026, 14:03:07 UTC (the stored value is ISO 8601 UTC). */
export function formatUtc(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC`;
}

/** 24 Nov 2026, 09:30 UTC: the compact form for metadata lines. */
export function formatUtcShort(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()].slice(0, 3)} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** 31 March 2026 (or 31 Mar 2026 when `short`), for calendar dates stored as YYYY-MM-DD. */
export function formatDate(isoDate: string | null, short = false): string {
	if (!isoDate) return '';
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
	const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
	if (!match || !month) return isoDate;
	return `${Number(match[3])} ${short ? month.slice(0, 3) : month} ${match[1]}`;
}

/** The short form of a hash shown in footers and signature lines. */
export function shortHash(hash: string): string {
	return hash.slice(0, 12);
}
