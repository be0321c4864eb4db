// Dates, times and numbers shown to people, through Intl in the reader's interface language
// (digits Latin on purpose: src/lib/i18n/locales.ts). Server and browser format the same way:
// days are calendar days (UTC, so a scheduled day never shifts by a time zone), and moments are
// shown in UTC unless a time zone is passed (LocalTime.svelte passes the reader's own once the
// page runs in their browser, and names it).
import { getLocale } from '#lib/paraglide/runtime.js';
import { intlTag, type InterfaceLocale } from '#lib/i18n/locales.ts';

type Cache = Map<string, Intl.DateTimeFormat>;
const formats: Cache = new Map();

function dateTimeFormat(locale: InterfaceLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlTag(locale), options);
		formats.set(key, format);
	}
	return format;
}

function dayOf(isoDate: string): number {
	return Date.parse(`${isoDate}T00:00:00Z`);
}

/** "2025-12-03" -> "3 December 2025" / "3 décembre 2025" / "٣ ديسمبر ٢٠٢٥" (Latin digits); anything else unchanged. */
export function formatIsoDate(isoDate: string, locale: InterfaceLocale = getLocale()): string {
	const at = dayOf(isoDate);
	return Number.isNaN(at) ? isoDate : dateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** "2025-12-03" -> "3 Dec 2025": for tables and cards where a long month does not fit. */
export function formatShortDate(isoDate: string, locale: InterfaceLocale = getLocale()): string {
	const at = dayOf(isoDate);
	return Number.isNaN(at) ? isoDate : dateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/**
 * A moment with its time zone named: "3 December 2025, 14:05 UTC", or in the given zone
 * ("3 December 2025, 18:05 GMT+4"). 24-hour clock in every language.
 */
export function formatTimestamp(ms: number, locale: InterfaceLocale = getLocale(), timeZone = 'UTC'): string {
	return dateTimeFormat(locale, { ...MOMENT, timeZone }).format(ms);
}

/** The same to the second, for signatures and freezes where the exact time matters. Always UTC. */
export function formatTimestampPrecise(ms: number, locale: InterfaceLocale = getLocale()): string {
	return dateTimeFormat(locale, { ...MOMENT, second: '2-digit', timeZone: 'UTC' }).format(ms);
}

const MOMENT: Intl.DateTimeFormatOptions = {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZoneName: 'short'
};

/** A time of day only ("14:05 UTC"), for moments within today's workshop. */
export function formatTimeOfDay(ms: number, locale: InterfaceLocale = getLocale(), timeZone = 'UTC'): string {
	return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' }).format(ms);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "in 3 days", "yesterday", "dans 3 jours", "قبل يومين": a calendar day against today (both UTC days). */
export function formatRelativeDay(isoDate: string, todayIso: string, locale: InterfaceLocale = getLocale()): string {
	const days = Math.round((dayOf(isoDate) - dayOf(todayIso)) / DAY_MS);
	if (Number.isNaN(days)) return isoDate;
	return new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' }).format(days, 'day');
}

/** Whole numbers and decimals with the language's separators ("1,234.5", "1 234,5"). */
export function formatNumber(value: number, locale: InterfaceLocale = getLocale(), options?: Intl.NumberFormatOptions): string {
	return new Intl.NumberFormat(intlTag(locale), options).format(value);
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file size as people read it, decimal like file managers (1536 -> "1.5 kB", "1,5 ko",
 * "1,5 kB", "1.5 كيلوبايت"): one decimal below 10, whole numbers above. Bytes are written out
 * ("512 bytes", "512 octets"), since the short English form is "512 byte"; Arabic writes every
 * unit out, its abbreviations (م.ب) being rarely read.
 */
export function formatBytes(bytes: number, locale: InterfaceLocale = getLocale()): string {
	if (bytes < 1000) return new Intl.NumberFormat(intlTag(locale), { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
	let value = bytes / 1000;
	let unit = 0;
	while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(intlTag(locale), {
		style: 'unit',
		unit: BYTE_UNITS[unit],
		unitDisplay: locale === 'ar' ? 'long' : 'short',
		maximumFractionDigits: value >= 10 ? 0 : 1
	}).format(value);
}
