// Sign out is a POST only (a link could be triggered by any page); a GET just goes home.
import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '#lib/server/session-cookie.ts';
import { safeRedirectPath } from '#lib/shared/safe-redirect.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ locals, cookies, request }) => {
		if (locals.sessionId) await locals.services.sessions.invalidate(locals.sessionId);
		clearSessionCookie(cookies);
		// An invitation page may ask to come back to itself, to be accepted with another account.
		const back = (await request.formData()).get('redirectTo');
		redirect(303, typeof back === 'string' && back ? safeRedirectPath(back, '/login') : '/login');
	}
};
