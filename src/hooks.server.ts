import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { getServices, SESSION_COOKIE } from '#lib/server/services.ts';
import { clearSessionCookie } from '#lib/server/session-cookie.ts';
import { resolveInLocale } from '#lib/server/i18n.ts';
import { m } from '#lib/paraglide/messages.js';

// Security headers for every page. The Content-Security-Policy itself is SvelteKit's (configured
// in vite.config.ts) so its inline bootstrap script is allowed by hash, never by unsafe-inline.
const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

// The one place the SvelteKit side reads the process's services (server/registry.ts): every
// route, action and endpoint reaches them as event.locals.services, and so every rule they check.
export const handle: Handle = async ({ event, resolve }) => {
	const services = getServices();
	event.locals.services = services;
	// Links in mail point where people reach this server (ORIGIN, when set, wins).
	services.links.observe(event.url.origin);
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await services.sessions.validate(token) : null;
	if (token && !session) clearSessionCookie(event.cookies);
	event.locals.user = session?.user ?? null;
	event.locals.sessionId = session?.sessionId ?? null;

	const response = await resolveInLocale(event, session?.locale ?? null, resolve);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

// Never show a stack trace. Errors thrown with error() and SvelteKit's own (404s) keep their
// messages; anything unexpected is logged with a reference the user can quote.
export const handleError: HandleServerError = (input) => {
	if (input.kind !== 'unknown') return;
	const id = crypto.randomUUID().slice(0, 8);
	const logger = (input.event.locals as Partial<App.Locals>).services?.logger;
	if (logger) logger.error('http.error', { id, path: input.event.url.pathname, error: String(input.error) });
	else console.error(id, input.error);
	return { message: m.pages_error_server_reference({ id }), code: id };
};
