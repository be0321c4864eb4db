import { redirect } from '@sveltejs/kit';
import type { SessionUser } from './services.ts';

/** The signed-in user, or a redirect to sign-in that comes back to this page afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (locals.user) return locals.user;
	redirect(303, signInPath(url));
}

/** /login?redirectTo=<this page>, leaving out a form action's "?/name" marker. */
export function signInPath(url: URL): string {
	const params = new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('/')));
	const query = params.size > 0 ? `?${params}` : '';
	const back = `${url.pathname}${query}`;
	return back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`;
}
