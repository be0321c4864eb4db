import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { LoginForm, fieldErrors } from '#lib/shared/forms.ts';
import { safeRedirectPath } from '#lib/shared/safe-redirect.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (await locals.services.accounts.needsSetup()) redirect(303, '/setup');
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	// An invitation page passes the invited address, so the person only types the password.
	const { config, oidc } = locals.services;
	return {
		redirectTo: url.searchParams.get('redirectTo'),
		email: url.searchParams.get('email') ?? '',
		/** "Sign in with <name>" when an identity provider is configured. */
		oidc: oidc ? { name: oidc.displayName } : null,
		/** PASSWORD_SIGN_IN=off: no password form (the action refuses too, in the account service). */
		passwordSignIn: config.passwordSignIn
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, url, locals, getClientAddress } = event;
		const { accounts } = locals.services;
		const input = readForm(await request.formData(), ['email', 'password']);
		const values = { email: input.email };
		const parsed = LoginForm.safeParse(input);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await accounts.signIn(parsed.data, getClientAddress());
		if (!result.ok) return fail(statusOf(result.error), { values, errors: errorsOf(result.error) });
		setSessionCookie(event, result.value.token);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	}
};
