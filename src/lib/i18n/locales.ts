// The interface languages and how each one is written. They are the record languages too: one
// list, so a review's record can always be read in a language its interface speaks.
import {
	RECORD_LANGUAGES,
	RECORD_LANGUAGE_DIRECTIONS,
	RECORD_LANGUAGE_NAMES,
	RECORD_LANGUAGE_TAGS,
	isRecordLanguage,
	type RecordLanguage
} from '#lib/shared/framework/languages.ts';

export type InterfaceLocale = RecordLanguage;

/** The language a person picked with the picker, for the pages they see before or without signing in. */
export const LOCALE_COOKIE = 'psems-locale';
export const INTERFACE_LOCALES = RECORD_LANGUAGES;
export const isInterfaceLocale = isRecordLanguage;

/** Each language named in itself, so someone who reads only that language finds it. */
export const LOCALE_NAMES = RECORD_LANGUAGE_NAMES;
export const localeTag = (locale: InterfaceLocale): string => RECORD_LANGUAGE_TAGS[locale];
export const localeDirection = (locale: InterfaceLocale): 'ltr' | 'rtl' => RECORD_LANGUAGE_DIRECTIONS[locale];

/**
 * The tag Intl formats with. Digits are Latin (0-9) in every language on purpose: levels,
 * element codes and dates then read the same on a French screen, an Arabic screen and the
 * record, and a department head in Tunis or Dubai reads "3" where the grid says 3.
 */
export const intlTag = (locale: InterfaceLocale): string => `${localeTag(locale)}-u-nu-latn`;
