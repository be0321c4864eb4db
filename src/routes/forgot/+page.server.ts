// "Forgot your password?": the same answer whether or not the address has an account.
import { error, fail } from '@sveltejs/kit';
import { PASSWORD_SIGN_IN_OFF } from '#lib/server/services.ts';
import { z } from 'zod';
import { formError, readForm, statusOf } from '#lib/server/forms.ts';
import { emailField, fieldErrors } from '#lib/shared/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const ForgotForm = z.object({ email: emailField });

/** With PASSWORD_SIGN_IN=off there is no password to reset: the identity provider signs people in. */
function requirePasswords(locals: App.Locals): void {
	if (!locals.services.config.passwordSignIn) error(403, PASSWORD_SIGN_IN_OFF());
}

export const load: PageServerLoad = ({ url, locals }) => {
	requirePasswords(locals);
	return {
		redirectTo: url.searchParams.get('redirectTo'),
		email: url.searchParams.get('email') ?? '',
		mailConfigured: locals.services.mail.configured
	};
};

export const actions: Actions = {
	default: async ({ request, url, locals, getClientAddress }) => {
		requirePasswords(locals);
		const input = readForm(await request.formData(), ['email']);
		const parsed = ForgotForm.safeParse(input);
		if (!parsed.success) return fail(400, { values: input, errors: fieldErrors(parsed.error) });
		const result = await locals.services.recovery.request(parsed.data.email, getClientAddress(), url.searchParams.get('redirectTo') ?? '/');
		if (!result.ok) return fail(statusOf(result.error), { values: input, errors: formError(result.error.message) });
		return { sent: result.value.message };
	}
};
