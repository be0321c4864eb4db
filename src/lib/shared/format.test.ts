import { describe, expect, it } from 'vitest';
import { formatBytes, formatIsoDate, formatNumber, formatRelativeDay, formatShortDate, formatTimestamp, formatTimestampPrecise, formatTimeOfDay } from './format.ts';

const MOMENT = Date.UTC(2025, 11, 3, 14, 5, 9);

describe('formatting for people in their own language', () => {
	it('writes calendar days in each interface language, never shifted by a time zone', () => {
		expect(formatIsoDate('2025-12-03', 'en')).toBe('3 December 2025');
		expect(formatIsoDate('2025-12-03', 'fr')).toBe('3 décembre 2025');
		expect(formatIsoDate('2025-12-03', 'es')).toBe('3 de diciembre de 2025');
		expect(formatIsoDate('2025-12-03', 'ar')).toBe('3 ديسمبر 2025');
		expect(formatShortDate('2027-03-31', 'en')).toBe('31 Mar 2027');
		expect(formatIsoDate('not a date', 'fr')).toBe('not a date');
	});

	it('uses Latin digits in Arabic, on purpose, so levels and dates read as on the record', () => {
		for (const text of [formatIsoDate('2025-12-03', 'ar'), formatTimestamp(MOMENT, 'ar'), formatNumber(1234.5, 'ar')]) {
			expect(text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
			expect(text).toMatch(/[0-9]/);
		}
	});

	it('names the time zone of every moment: UTC by default, the reader\'s own when given', () => {
		expect(formatTimestamp(MOMENT, 'en')).toBe('3 December 2025 at 14:05 UTC');
		expect(formatTimestamp(MOMENT, 'fr')).toBe('3 décembre 2025 à 14:05 UTC');
		expect(formatTimestamp(MOMENT, 'en', 'Asia/Dubai')).toMatch(/^3 December 2025 at 18:05 (GST|GMT\+4)$/);
		expect(formatTimestamp(MOMENT, 'es', 'America/Panama')).toMatch(/09:05 (GMT-5|EST)$/);
		expect(formatTimeOfDay(MOMENT, 'en')).toBe('14:05 UTC');
		expect(formatTimestampPrecise(MOMENT, 'en')).toBe('3 December 2025 at 14:05:09 UTC');
	});

	it('says relative days and numbers the way each language does', () => {
		expect(formatRelativeDay('2025-12-06', '2025-12-03', 'en')).toBe('in 3 days');
		expect(formatRelativeDay('2025-12-02', '2025-12-03', 'en')).toBe('yesterday');
		expect(formatRelativeDay('2025-12-06', '2025-12-03', 'fr')).toBe('dans 3 jours');
		expect(formatRelativeDay('2025-12-01', '2025-12-03', 'es')).toBe('anteayer');
		expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
		expect(formatNumber(1234.5, 'fr')).toBe('1\u202f234,5');
	});

	it('writes file sizes decimal, in each language, with one decimal below 10', () => {
		expect(formatBytes(512, 'en')).toBe('512 bytes');
		expect(formatBytes(1536, 'en')).toBe('1.5 kB');
		expect(formatBytes(4096, 'en')).toBe('4.1 kB');
		expect(formatBytes(25_400_000, 'en')).toBe('25 MB');
		expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
		expect(formatBytes(3_000_000_000_000, 'en')).toBe('3,000 GB');
		expect(formatBytes(1536, 'fr')).toBe('1,5\u202fko');
		expect(formatBytes(512, 'fr')).toBe('512\u00a0octets');
		expect(formatBytes(1536, 'es')).toBe('1,5 kB');
		expect(formatBytes(25_400_000, 'ar')).toBe('25 ميغابايت');
		expect(formatBytes(1536, 'ar')).not.toMatch(/[\u0660-\u0669]/);
	});
});
