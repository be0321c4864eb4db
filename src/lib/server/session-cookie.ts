import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './services.ts';

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
