// First run: with no accounts yet, the first person creates the administrator account. Closed for
// good once any account exists.
import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '#lib/server/session-cookie.ts';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { SetupForm, fieldErrors } from '#lib/shared/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!await locals.services.accounts.needsSetup()) redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const { accounts } = locals.services;
		if (!(await accounts.needsSetup())) redirect(303, '/login');
		const input = readForm(await request.formData(), ['name', 'email', 'password']);
		const values = { name: input.name, email: input.email };
		const parsed = SetupForm.safeParse(input);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await accounts.setupFirstAccount(parsed.data);
		if (!result.ok) return fail(statusOf(result.error), { values, errors: errorsOf(result.error) });
		setSessionCookie(event, result.value.token);
		redirect(303, '/');
	}
};
