import { describe, expect, it } from 'vitest';
import { formatDate, formatUtc, formatUtcShort, pdfSafe, shortHash } from './safe-text.ts';

describe('text for the standard PDF fonts', () => {
	it('keeps the Windows-1252 characters workshops use: accents, curly quotes, dashes, euro', () => {
		expect(pdfSafe('Zoë Ñúñez – “sûreté” costs €5 · OK’s')).toBe('Zoë Ñúñez – “sûreté” costs €5 · OK’s');
	});

	it('composes decomposed accents, spells out common symbols and reduces other letters to their base', () => {
		expect(pdfSafe('Cafe\u0301')).toBe('Café');
		expect(pdfSafe('score ≥ 4 → P2 ✓')).toBe('score >= 4 -> P2 yes');
		expect(pdfSafe('Łódź Ő')).toBe('?ódz O');
		expect(pdfSafe('港口')).toBe('??');
	});

	it('keeps line breaks, turns tabs into spaces and drops other control characters', () => {
		expect(pdfSafe('a\r\nb\tc\u0007d')).toBe('a\nb cd');
	});
});

describe('dates and hashes in the PDF', () => {
	it('formats UTC times and calendar dates without depending on the server locale', () => {
		expect(formatUtc('2026-11-25T14:03:07.123Z')).toBe('25 November 2026, 14:03:07 UTC');
		expect(formatUtcShort('2026-01-05T09:30:00.000Z')).toBe('5 Jan 2026, 09:30 UTC');
		expect(formatDate('2026-03-31')).toBe('31 March 2026');
		expect(formatDate('2026-09-30', true)).toBe('30 Sep 2026');
		expect(formatDate(null)).toBe('');
		expect(formatUtc('not a date')).toBe('not a date');
	});

	it('shortens a hash to its first 12 hex characters', () => {
		expect(shortHash('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('e3b0c44298fc');
	});
});
