// The signed-in person's account: who they are, and changing the password (which signs out
// every other session, DESIGN.md §6).
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '#lib/server/guards.ts';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { fieldErrors, passwordField } from '#lib/shared/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const ChangePasswordForm = z
	.object({
		current: z.string().min(1, { error: 'Enter your current password.' }),
		next: passwordField,
		confirm: z.string()
	})
	.refine((v) => v.next === v.confirm, { path: ['confirm'], error: 'The two new passwords do not match.' })
	.refine((v) => v.next !== v.current, { path: ['next'], error: 'Choose a password different from the current one.' });

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { accounts, oidc, repos } = locals.services;
	return {
		account: { name: user.name, email: user.email, isAdmin: user.isAdmin },
		/** How this account signs in: its password (when it has one and passwords are on), the provider. */
		hasPassword: accounts.hasUsablePassword(user.id),
		passwordSignIn: locals.services.config.passwordSignIn,
		provider: oidc ? { name: oidc.displayName, linked: repos.oidc.identitiesOf(user.id).length > 0 } : null
	};
};

export const actions: Actions = {
	changePassword: async (event) => {
		const { locals, url, request } = event;
		const user = requireUser(locals, url);
		const parsed = ChangePasswordForm.safeParse(readForm(await request.formData(), ['current', 'next', 'confirm']));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await locals.services.accounts.changePassword(user.id, parsed.data.current, parsed.data.next);
		if (!result.ok) return fail(statusOf(result.error), { errors: errorsOf(result.error) });
		setSessionCookie(event, result.value.token);
		return { changed: true };
	}
};
