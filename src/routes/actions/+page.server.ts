// My actions: every signed plan action the signed-in person owns, across reviews, with the report
// form; and, for those who may see it in some review, what is overdue there. The follow-up service
// decides everything (owner, role, status); this page only reads the form and maps the result.
import { fail } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const followup = locals.services.followup;
	return { mine: await followup.mine(user), overdue: await followup.overdue(user) };
};

export const actions: Actions = {
	update: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = readForm(await request.formData(), ['reviewId', 'actionId', 'status', 'note']);
		const updated = await locals.services.followup.update(user, form.reviewId, form.actionId, { status: form.status, note: form.note });
		if (!updated.ok) return fail(statusOf(updated.error), { actionId: form.actionId, errors: errorsOf(updated.error) });
		return { actionId: form.actionId, saved: true };
	}
};
