// The languages a review's record can be written in. English is the framework's source language;
// the others are translations of the same framework version, keyed by the same codes, so a score
// given under one language compares with a score given under another.
export const RECORD_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

export const DEFAULT_RECORD_LANGUAGE: RecordLanguage = 'en';

/** Each language named in itself, as a picker shows it to someone who reads only that language. */
export const RECORD_LANGUAGE_NAMES: Record<RecordLanguage, string> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	ar: 'العربية'
};

/** The BCP 47 tag a document in the language declares (PDF /Lang, HTML lang). */
export const RECORD_LANGUAGE_TAGS: Record<RecordLanguage, string> = { en: 'en-GB', fr: 'fr', es: 'es', ar: 'ar' };

export const RECORD_LANGUAGE_DIRECTIONS: Record<RecordLanguage, 'ltr' | 'rtl'> = { en: 'ltr', fr: 'ltr', es: 'ltr', ar: 'rtl' };

export function isRecordLanguage(value: unknown): value is RecordLanguage {
	return typeof value === 'string' && (RECORD_LANGUAGES as readonly string[]).includes(value);
}
