// The server's side of a page's language: decided once per request by the one rule
// (decideLocale: saved choice, the picker's cookie, Accept-Language, English) and written on
// <html lang dir data-locale>, which the browser reads back (page-locale.ts) so it agrees.
import type { RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { decideLocale, runInLocale } from '#lib/i18n/shared-locale-storage.ts';
import { LOCALE_COOKIE, localeDirection, localeTag, type InterfaceLocale } from '#lib/i18n/locales.ts';

/**
 * Runs `resolve` with the request's locale in scope (every message rendered for this request
 * speaks it) and fills app.html's %psems.lang%, %psems.dir% and %psems.locale%.
 */
export function resolveInLocale(
	event: RequestEvent,
	savedChoice: InterfaceLocale | null,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const locale = decideLocale(savedChoice, event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	return runInLocale(locale, () =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%psems.lang%', localeTag(locale))
					.replace('%psems.dir%', localeDirection(locale))
					.replace('%psems.locale%', locale)
		})
	);
}
