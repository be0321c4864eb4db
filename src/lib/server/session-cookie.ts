import type { Cookies } from '@sveltejs/kit';
import { OIDC_STATE_COOKIE, SESSION_COOKIE } from './services.ts';

// HttpOnly + SameSite=Lax; Secure whenever the app is served over https. The cookie lives as
// long as the absolute session lifetime; the server enforces the idle limit itself.
export function setSessionCookie(event: { cookies: Cookies; url: URL; locals: App.Locals }, token: string): void {
	const { config } = event.locals.services;
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:' || config.secureCookies,
		maxAge: Math.floor(config.sessionAbsoluteMs / 1000)
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * The state of a sign-in at the identity provider, for its callback only: ties the provider's
 * answer to the browser that started it. Lax, so the provider's redirect back carries it.
 */
export function setOidcStateCookie(event: { cookies: Cookies; url: URL; locals: App.Locals }, state: string): void {
	event.cookies.set(OIDC_STATE_COOKIE, state, {
		path: '/auth/oidc',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:' || event.locals.services.config.secureCookies,
		maxAge: 10 * 60
	});
}

/** Reads and forgets it: one callback per started sign-in. */
export function takeOidcStateCookie(cookies: Cookies): string | undefined {
	const state = cookies.get(OIDC_STATE_COOKIE);
	if (state !== undefined) cookies.delete(OIDC_STATE_COOKIE, { path: '/auth/oidc' });
	return state;
}
