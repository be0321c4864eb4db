// Starts a sign-in at the organisation's identity provider: the provider's authorization URL,
// with the state tied to this browser by a cookie. purpose=reauthenticate asks for a fresh login
// (prompt=login, max_age) to confirm a signature in one review; only its signers may ask.
import { error, redirect } from '@sveltejs/kit';
import { failPage } from '#lib/server/forms.ts';
import { requireUser } from '#lib/server/guards.ts';
import { setOidcStateCookie } from '#lib/server/session-cookie.ts';
import type { PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const { oidc } = locals.services;
	if (!oidc) error(404, m.pages_oidc_not_set_up());
	const returnTo = url.searchParams.get('returnTo');
	const begun =
		url.searchParams.get('purpose') === 'reauthenticate'
			? await oidc.begin({ purpose: 'reauthenticate', user: requireUser(locals, url), reviewId: url.searchParams.get('reviewId') ?? '', returnTo })
			: await oidc.begin({ purpose: 'sign_in', returnTo, loginHint: url.searchParams.get('email') });
	if (!begun.ok) failPage(begun.error);
	setOidcStateCookie(event, begun.value.state);
	// The provider's authorization endpoint, from its discovered metadata (never from the request).
	redirect(303, begun.value.url.href, { external: true });
};
