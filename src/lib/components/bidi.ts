// Text a person typed (a name, an address) set inside a translated sentence: in a right-to-left
// page it is wrapped in Unicode isolates (FSI … PDI, what <bdi> does), so "hana@port.test" or an
// English name keeps its own direction and does not pull the Arabic punctuation around with it.
// Left-to-right pages get the text unchanged (their sentences read correctly already).
import { getLocale } from '#lib/paraglide/runtime.js';
import { localeDirection } from '#lib/i18n/locales.ts';

export function bidi(text: string): string {
	return localeDirection(getLocale()) === 'rtl' ? `\u2068${text}\u2069` : text;
}
