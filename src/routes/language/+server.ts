// The language picker's form post. A signed-in person's choice is saved to their account (it
// follows them to any browser); everyone's is kept in a cookie, so the sign-in page speaks it too.
// Then back to the page they were on, which the server renders again in the new language.
import { error, redirect } from '@sveltejs/kit';
import { isInterfaceLocale, LOCALE_COOKIE } from '#lib/i18n/locales.ts';
import { safeRedirectPath } from '#lib/shared/safe-redirect.ts';
import { m } from '#lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (!isInterfaceLocale(locale)) error(400, m.common_language_unknown());
	if (locals.user) await locals.services.accounts.setInterfaceLocale(locals.user.id, locale);
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:' || locals.services.config.secureCookies,
		maxAge: ONE_YEAR_SECONDS
	});
	const back = form.get('redirectTo');
	redirect(303, safeRedirectPath(typeof back === 'string' ? back : null));
};
