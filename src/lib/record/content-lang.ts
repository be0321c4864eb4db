// The record's own words (framework titles, labels and levels as frozen) are in the record's
// language, which may not be the page's: their container declares it, so a screen reader speaks
// them in the right voice and Arabic is shaped and laid out right to left inside a French page.
import { getLocale } from '../paraglide/runtime.js';
import { RECORD_LANGUAGE_DIRECTIONS, RECORD_LANGUAGE_TAGS, type RecordLanguage } from '../shared/framework/languages.ts';

export type ContentLang = { lang?: string; dir?: 'ltr' | 'rtl' };

/** `lang` and `dir` for content in `language`, or nothing when it is the page's language. */
export function contentLang(language: RecordLanguage | null | undefined): ContentLang {
	if (!language || language === getLocale()) return {};
	return { lang: RECORD_LANGUAGE_TAGS[language], dir: RECORD_LANGUAGE_DIRECTIONS[language] };
}
