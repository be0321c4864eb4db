// Small wording helpers shared by the record pages. Pure functions, so the server render and the
// browser agree (dates are always UTC and say so).
import { formatTimestamp, formatTimestampPrecise } from '../shared/format.ts';

/** The first 12 hex digits: enough to tell versions apart at a glance; the full hash is shown too. */
export function shortHash(hash: string): string {
	return hash.slice(0, 12);
}

/** An ISO 8601 UTC time as "3 December 2025 at 14:05 UTC"; an unreadable value comes back unchanged. */
export function formatUtc(iso: string): string {
	const at = Date.parse(iso);
	return Number.isNaN(at) ? iso : formatTimestamp(at);
}

/** The same instant to the second, for signatures where the exact time matters. */
export function formatUtcPrecise(iso: string): string {
	const at = Date.parse(iso);
	if (Number.isNaN(at)) return iso;
	return formatTimestampPrecise(at);
}

/** Plain text with blank-line or newline separated blocks, as paragraphs; empty lines dropped. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\n+/)
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
}
