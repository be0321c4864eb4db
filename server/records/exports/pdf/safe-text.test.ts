import { describe, expect, it } from 'vitest';
import { formatDate, formatUtc, formatUtcShort, pdfSafe, shortHash } from './safe-text.ts';

describe('text for the embedded fonts', () => {
	it('keeps what workshops type in English, French, Spanish and Arabic: accents, quotes, dashes, euro, symbols', () => {
		expect(pdfSafe('Zoë Ñúñez – “sûreté” costs €5 · OK’s')).toBe('Zoë Ñúñez – “sûreté” costs €5 · OK’s');
		expect(pdfSafe('score ≥ 4 → P2 ✓ Łódź Ő')).toBe('score ≥ 4 → P2 ✓ Łódź Ő');
		expect(pdfSafe('تقييم التهديدات (B1)')).toBe('تقييم التهديدات (B1)');
	});

	it('composes decomposed accents and prints "?" for letters the font lacks', () => {
		expect(pdfSafe('Cafe\u0301')).toBe('Café');
		expect(pdfSafe('港口')).toBe('??');
	});

	it('drops bidirectional controls but keeps the joiners Arabic shaping reads', () => {
		expect(pdfSafe('\u202bA\u200fB\u202c')).toBe('AB');
		expect(pdfSafe('ل\u200dا')).toBe('ل\u200dا');
	});

	it('keeps line breaks, turns tabs into spaces and drops other control characters', () => {
		expect(pdfSafe('a\r\nb\tc\u0007d')).toBe('a\nb cd');
	});
});

describe('dates and hashes in the PDF', () => {
	it('formats UTC times and calendar dates in the record language, without depending on the server locale', () => {
		expect(formatUtc('2026-11-25T14:03:07.123Z')).toBe('25 November 2026 at 14:03:07 UTC');
		expect(formatUtcShort('2026-01-05T09:30:00.000Z')).toBe('5 January 2026 at 09:30 UTC');
		expect(formatDate('2026-03-31')).toBe('31 March 2026');
		expect(formatDate('2026-09-30', 'en', true)).toBe('30 Sept 2026');
		expect(formatDate(null)).toBe('');
		expect(formatUtc('not a date')).toBe('not a date');
		expect(formatUtc('2026-11-25T14:03:07.123Z', 'fr')).toBe('25 novembre 2026 à 14:03:07 UTC');
		expect(formatDate('2026-03-31', 'es')).toBe('31 de marzo de 2026');
		// Latin digits in Arabic on purpose (src/lib/i18n/locales.ts).
		expect(formatDate('2026-03-31', 'ar')).toBe('31 مارس 2026');
	});

	it('shortens a hash to its first 12 hex characters', () => {
		expect(shortHash('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('e3b0c44298fc');
	});
});
