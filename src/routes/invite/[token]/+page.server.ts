// Opening an invitation link: who it is for, and the way in that fits the visitor (new account,
// existing account, or already signed in). The token is checked again by every action.
import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { signInPath } from '#lib/server/guards.ts';
import { errorsOf, formError, readForm, statusOf } from '#lib/server/forms.ts';
import { AcceptInvitationForm, fieldErrors } from '#lib/shared/forms.ts';
import { PASSWORD_SIGN_IN_OFF } from '#lib/server/services.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await locals.services.participants.lookupInvitation(params.token);
	const signedInAs = locals.user ? { name: locals.user.name, email: locals.user.email } : null;
	const { config, oidc } = locals.services;
	/** "Continue with <provider>": signs in (creating the account for this address) and accepts. */
	const provider = oidc ? { name: oidc.displayName } : null;
	const passwordSignIn = config.passwordSignIn;
	if (!found.ok) return { valid: false as const, message: found.error.message, signedInAs, provider, passwordSignIn };
	const { invitation, reviewTitle, portName, accountExists } = found.value;
	return {
		valid: true as const,
		reviewTitle,
		portName,
		invitee: { name: invitation.name, email: invitation.email, role: invitation.role, department: invitation.department },
		accountExists,
		signedInAs,
		provider,
		passwordSignIn,
		isForMe: signedInAs !== null && signedInAs.email.toLowerCase() === invitation.email.toLowerCase()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { locals, params, request } = event;
		const input = readForm(await request.formData(), ['name', 'password']);
		const values = { name: input.name };
		if (locals.user) {
			return fail(409, { values, errors: formError(m.pages_invite_already_signed_in()) });
		}
		if (!locals.services.config.passwordSignIn) return fail(403, { values, errors: formError(PASSWORD_SIGN_IN_OFF()) });
		const parsed = AcceptInvitationForm.safeParse(input);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await locals.services.participants.acceptAsNewUser(params.token, parsed.data);
		if (!result.ok) return fail(statusOf(result.error), { values, errors: errorsOf(result.error) });
		setSessionCookie(event, result.value.sessionToken);
		redirect(303, `/reviews/${result.value.reviewId}`);
	},

	accept: async ({ locals, url, params }) => {
		if (!locals.user) redirect(303, signInPath(url));
		const result = await locals.services.participants.acceptAsSignedIn(params.token, locals.user);
		if (!result.ok) return fail(statusOf(result.error), { values: { name: '' }, errors: errorsOf(result.error) });
		redirect(303, `/reviews/${result.value.reviewId}`);
	}
};
