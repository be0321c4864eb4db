// Which language a page speaks, decided on the server in this order: the person's saved choice,
// else the language a signed-out visitor picked (cookie), else Accept-Language, else English;
// and the page says so on <html lang dir>. Against the production build, as a browser sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExists, BUILD_MISSING, startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { createTestServices, insertUser, type TestServices } from '../helpers/services.ts';
import { SESSION_COOKIE } from '../../server/auth/sessions.ts';

let services: TestServices;
let server: BuiltServer;

beforeAll(async () => {
	if (!buildExists()) throw new Error(BUILD_MISSING);
	services = createTestServices();
	// Someone exists, so /login is the sign-in page rather than the first-run setup.
	insertUser(services, { name: 'First Admin', isAdmin: true });
	server = await startBuiltServer({ DATA_DIR: services.dataDir });
});

afterAll(async () => {
	await server?.stop();
	services?.cleanup();
});

async function page(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${server.base}${path}`, { headers, redirect: 'manual' });
	const html = await response.text();
	const root = /<html lang="([^"]+)" dir="(ltr|rtl)" data-locale="([a-z]+)">/.exec(html);
	return { status: response.status, html, lang: root?.[1], dir: root?.[2], locale: root?.[3] };
}

function pickLanguage(locale: string, cookie = '', redirectTo = '/login') {
	return fetch(`${server.base}/language`, {
		method: 'POST',
		headers: { origin: server.base, cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ locale, redirectTo }),
		redirect: 'manual'
	});
}

async function signedIn(userId: string): Promise<string> {
	return `${SESSION_COOKIE}=${(await services.sessions.create(userId)).token}`;
}

describe('the interface language of a page', () => {
	it('follows the browser\'s Accept-Language, and is English when nothing matches', async () => {
		expect(await page('/login', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })).toMatchObject({ lang: 'fr', dir: 'ltr', locale: 'fr' });
		expect(await page('/login', { 'accept-language': 'ar-AE,ar;q=0.9' })).toMatchObject({ lang: 'ar', dir: 'rtl', locale: 'ar' });
		expect(await page('/login', { 'accept-language': 'de-DE,nl;q=0.8' })).toMatchObject({ lang: 'en-GB', dir: 'ltr', locale: 'en' });
		expect(await page('/login')).toMatchObject({ locale: 'en' });
		const french = await page('/login', { 'accept-language': 'fr' });
		expect(french.html).toContain('Aller au contenu principal');
		expect(french.html).not.toContain('Skip to main content');
	});

	it('keeps a signed-out visitor\'s pick (a cookie) over the browser\'s languages, and refuses an unknown one', async () => {
		const picked = await pickLanguage('es');
		expect(picked.status).toBe(303);
		expect(picked.headers.get('location')).toBe('/login');
		const cookie = picked.headers.getSetCookie().find((c) => c.startsWith('psems-locale='))!;
		expect(cookie).toMatch(/^psems-locale=es;/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(await page('/login', { cookie: cookie.split(';')[0], 'accept-language': 'fr' })).toMatchObject({ locale: 'es', lang: 'es' });

		const unknown = await pickLanguage('xx');
		expect(unknown.status).toBe(400);
		expect(unknown.headers.getSetCookie()).toEqual([]);
		// An off-site return address falls back to the home page instead of redirecting away.
		expect((await pickLanguage('fr', '', '//evil.example/')).headers.get('location')).toBe('/');
	});

	it('keeps following the browser when nothing was picked (the page itself never pins a language)', async () => {
		const first = await fetch(`${server.base}/login`, { headers: { 'accept-language': 'fr' } });
		expect(first.headers.getSetCookie().filter((c) => c.startsWith('psems-locale='))).toEqual([]);
		expect((await page('/login', { 'accept-language': 'es' })).locale).toBe('es');
	});

	it('follows a signed-in person\'s saved choice over cookie and browser, on any device', async () => {
		const user = insertUser(services, { name: 'Hana Harbour' });
		const session = await signedIn(user.id);
		expect((await page('/account', { cookie: session, 'accept-language': 'fr' })).locale).toBe('fr');

		expect((await pickLanguage('ar', session, '/account')).status).toBe(303);
		expect((await services.repos.users.findById(user.id))?.locale).toBe('ar');

		// Another browser (a new session, English browser, a Spanish cookie): still Arabic.
		const elsewhere = `${await signedIn(user.id)}; psems-locale=es`;
		expect(await page('/account', { cookie: elsewhere, 'accept-language': 'en-GB' })).toMatchObject({ locale: 'ar', dir: 'rtl' });
	});
});
