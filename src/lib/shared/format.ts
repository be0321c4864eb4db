// Dates shown to people. Always en-GB and UTC, so the page the server renders and the page the
// browser hydrates say the same thing, and a scheduled day never shifts by a time zone.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

/** "2025-12-03" -> "3 December 2025"; anything else comes back unchanged. */
export function formatIsoDate(isoDate: string): string {
	const at = Date.parse(`${isoDate}T00:00:00Z`);
	return Number.isNaN(at) ? isoDate : DATE.format(at);
}

/** Milliseconds since the epoch -> "3 December 2025 at 14:05 UTC". */
export function formatTimestamp(ms: number): string {
	// Built from two parts: ICU versions disagree on the joining word, and server and browser may differ.
	return `${DATE.format(ms)} at ${TIME.format(ms)} UTC`;
}
