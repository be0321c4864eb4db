// A reset link from the mail (or handed over by an administrator): choose a new password, which
// spends the link, signs out every other session, and signs in here; then back where the person
// was going (their review).
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formError, readForm, statusOf } from '#lib/server/forms.ts';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { fieldErrors, passwordField } from '#lib/shared/forms.ts';
import { safeRedirectPath } from '#lib/shared/safe-redirect.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

const ResetForm = z
	.object({ password: passwordField, confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.pages_reset_mismatch() });

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await locals.services.recovery.lookup(params.token);
	return found ? { valid: true as const, name: found.name, email: found.email } : { valid: false as const };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, params } = event;
		const parsed = ResetForm.safeParse(readForm(await request.formData(), ['password', 'confirm']));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await locals.services.recovery.reset(params.token, parsed.data.password);
		if (!result.ok) return fail(statusOf(result.error), { errors: formError(result.error.message) });
		setSessionCookie(event, result.value.sessionToken);
		redirect(303, safeRedirectPath(result.value.returnTo));
	}
};
