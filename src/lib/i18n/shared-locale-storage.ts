// The one rule for a request's interface language, and the one store it is kept in while the
// request runs. Every way into the server uses it: SvelteKit pages (src/lib/server/i18n.ts) and the
// evidence endpoints served before SvelteKit (server/http/evidence-routes.ts).
//
// The store is shared because there are two copies of the Paraglide runtime: the SvelteKit build
// bundles its own, while server/ (services, mail, evidence routes) imports src/lib/paraglide
// directly. Each copy imports this file beside its own runtime and points it at the same
// AsyncLocalStorage, kept on globalThis, so a service's message speaks the page's language.
import { AsyncLocalStorage } from 'node:async_hooks';
import { baseLocale, extractLocaleFromHeader, overwriteServerAsyncLocalStorage, type Locale } from '../paraglide/runtime.js';
import { isInterfaceLocale } from './locales.ts';

type Storage = NonNullable<Parameters<typeof overwriteServerAsyncLocalStorage>[0]>;
const KEY = Symbol.for('psems.requestLocale');
const holder = globalThis as { [KEY]?: Storage };
holder[KEY] ??= new AsyncLocalStorage() as unknown as Storage;
const storage = holder[KEY];
overwriteServerAsyncLocalStorage(storage);

/**
 * The person's saved choice, else the language picked in this browser (the picker's cookie),
 * else the browser's Accept-Language, else English.
 */
export function decideLocale(saved: string | null | undefined, picked: string | null | undefined, acceptLanguage: string | null): Locale {
	if (isInterfaceLocale(saved)) return saved;
	if (isInterfaceLocale(picked)) return picked;
	const headers = new Headers(acceptLanguage ? { 'accept-language': acceptLanguage } : {});
	return extractLocaleFromHeader({ headers } as Request) ?? baseLocale;
}

/** Runs `work` with `locale` as the language of every message it renders. */
export function runInLocale<T>(locale: Locale, work: () => T): T {
	return storage.run({ locale, origin: 'http://local', messageCalls: new Set<string>() }, work);
}
