// The identity provider's answer (the OIDC_REDIRECT_URI): signs the person in, or records a fresh
// login for a signature, then goes back where they came from. A refusal is shown as a sentence.
import { error, redirect } from '@sveltejs/kit';
import { setSessionCookie, takeOidcStateCookie } from '#lib/server/session-cookie.ts';
import type { PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const { locals, url, cookies } = event;
	const { oidc } = locals.services;
	if (!oidc) error(404, m.pages_oidc_not_set_up());
	const done = await oidc.complete({
		query: url.searchParams,
		browserState: takeOidcStateCookie(cookies),
		session: locals.user && locals.sessionId ? { sessionId: locals.sessionId, user: locals.user } : null
	});
	if (!done.ok) return { provider: oidc.displayName, message: done.error.message, signedIn: locals.user !== null };
	if (done.value.kind === 'signed_in') setSessionCookie(event, done.value.token);
	redirect(303, done.value.returnTo);
};
