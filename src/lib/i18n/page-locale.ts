// The browser's side of the locale decision: whatever the server rendered. The server writes the
// locale it chose on <html data-locale> (src/lib/server/i18n.ts); reading it back here means the
// hydrated page never disagrees with the server-rendered one, whatever cookies or browser
// languages say. Changing language is a form post to /language followed by a fresh page.
import { baseLocale, defineCustomClientStrategy, isLocale } from '#lib/paraglide/runtime.js';

export function usePageLocale(): void {
	defineCustomClientStrategy('custom-page', {
		getLocale: () => {
			const locale = document.documentElement.dataset.locale;
			return locale && isLocale(locale) ? locale : baseLocale;
		},
		setLocale: () => {}
	});
}
