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

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG_CHAR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * The direction of typed text by its first strong letter, as dir="auto" decides, for text whose
 * element also holds words of the page (visually hidden labels) that dir="auto" would read first.
 */
export function textDirection(text: string): 'ltr' | 'rtl' | undefined {
	const first = STRONG_CHAR.exec(text)?.[0];
	return first === undefined ? undefined : RTL_CHAR.test(first) ? 'rtl' : 'ltr';
}

/**
 * Typed text (a title, a label, a name) set inside a sentence of the page's language, isolated
 * (U+2068 … U+2069) so a Latin title in an Arabic sentence, or the reverse, keeps its own order
 * and does not pull the punctuation around it; only when it runs against the page. For attributes and <option>s, where <bdi> cannot go.
 */
export function isolate(text: string): string {
	const direction = textDirection(text);
	// Text that runs the page's way needs nothing (and stays plain for search and copy).
	if (direction === undefined || direction === RECORD_LANGUAGE_DIRECTIONS[getLocale()]) return text;
	return `\u2068${text}\u2069`;
}
