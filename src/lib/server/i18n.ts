// The server's side of the locale decision, once per request, in this order: the person's saved
// choice (their account), else the language picked in this browser (LOCALE_COOKIE, set only by
// the picker), else the browser's Accept-Language, else English (Paraglide's strategies after
// "custom-page").
// The chosen locale is written on <html lang dir data-locale> so the browser agrees with it.
import '#lib/i18n/shared-locale-storage.ts';
import type { RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { defineCustomServerStrategy } from '#lib/paraglide/runtime.js';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { isInterfaceLocale, LOCALE_COOKIE, localeDirection, localeTag, type InterfaceLocale } from '#lib/i18n/locales.ts';

const savedChoices = new WeakMap<Request, InterfaceLocale>();

defineCustomServerStrategy('custom-page', {
	getLocale: (request) => (request ? savedChoices.get(request) : undefined)
});

/**
 * Runs `resolve` with the request's locale in scope (every message rendered for this request
 * speaks it) and fills app.html's %psems.lang%, %psems.dir% and %psems.locale%.
 */
export function resolveInLocale(
	event: RequestEvent,
	savedChoice: InterfaceLocale | null,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const picked = event.cookies.get(LOCALE_COOKIE);
	const choice = savedChoice ?? (isInterfaceLocale(picked) ? picked : null);
	if (choice) savedChoices.set(event.request, choice);
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.locals.locale = locale;
		// SvelteKit 3's event.request is read-only: hand resolve a new event rather than assigning.
		return resolve({ ...event, request }, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%psems.lang%', localeTag(locale))
					.replace('%psems.dir%', localeDirection(locale))
					.replace('%psems.locale%', locale)
		});
	});
}
