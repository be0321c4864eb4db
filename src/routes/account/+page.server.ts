// The signed-in person's account: who they are, the interface language they chose, and changing
// the password (which signs out every other session, DESIGN.md §6).
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '#lib/server/guards.ts';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { fieldErrors, passwordField } from '#lib/shared/forms.ts';
import { isInterfaceLocale, LOCALE_COOKIE } from '#lib/i18n/locales.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

const ChangePasswordForm = z
	.object({
		current: z.string().min(1, { error: () => m.pages_account_current_required() }),
		next: passwordField,
		confirm: z.string()
	})
	.refine((v) => v.next === v.confirm, { path: ['confirm'], error: () => m.pages_account_new_mismatch() })
	.refine((v) => v.next !== v.current, { path: ['next'], error: () => m.pages_account_same_password() });

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { accounts, oidc, repos } = locals.services;
	return {
		account: { name: user.name, email: user.email, isAdmin: user.isAdmin },
		/** The language this person chose (null: their browser's), and the one this page speaks. */
		language: { saved: (await repos.users.findById(user.id))?.locale ?? null, current: locals.locale, justSaved: url.searchParams.get('language') === 'saved' },
		/** How this account signs in: its password (when it has one and passwords are on), the provider. */
		hasPassword: await accounts.hasUsablePassword(user.id),
		passwordSignIn: locals.services.config.passwordSignIn,
		provider: oidc ? { name: oidc.displayName, linked: (await repos.oidc.identitiesOf(user.id)).length > 0 } : null
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
	},

	/**
	 * The interface language, saved to the account (it follows the person to any browser). The
	 * language cookie agrees with it: set to the same language, or removed with "my browser's
	 * language", so that choice is not overruled by a cookie from an earlier pick. Then a new page
	 * load, which the server renders in the language just chosen.
	 */
	setLanguage: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const { locale } = readForm(await request.formData(), ['locale']);
		const choice = locale === '' ? null : locale;
		if (choice !== null && !isInterfaceLocale(choice)) return fail(400, { languageError: m.common_language_unknown() });
		await locals.services.accounts.setInterfaceLocale(user.id, choice);
		const secure = url.protocol === 'https:' || locals.services.config.secureCookies;
		if (choice === null) cookies.delete(LOCALE_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
		else cookies.set(LOCALE_COOKIE, choice, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: ONE_YEAR_SECONDS });
		redirect(303, '/account?language=saved');
	}
};
