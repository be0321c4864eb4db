// The follow-up of one review: every action of its latest signed version with its status, for the
// facilitators, the security manager and the accountable manager (view_overdue); facilitators and
// the security manager verify done actions with the level reached or send them back (verify_actions).
// The follow-up service decides who may; this page reads the form and maps the result.
import { fail } from '@sveltejs/kit';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { failPage, frameworkOf, openReview } from '../record/access.server.ts';
import { getFramework } from '#lib/shared/framework/index.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

const SHOW = ['all', 'awaiting', 'overdue'] as const;
type Show = (typeof SHOW)[number];

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, review } = await openReview(locals, url, params.id);
	const got = await locals.services.followup.forReview(user, review.id);
	if (!got.ok) failPage(got.error);
	const asked = url.searchParams.get('show');
	const show: Show = (SHOW as readonly string[]).includes(asked ?? '') ? (asked as Show) : 'all';
	// The level names in the reader's language (the framework's translation), English where it has none.
	const framework = getFramework(review.frameworkId, review.frameworkVersion, getLocale()) ?? frameworkOf(review);
	const levels = framework?.scale.levels.map((l) => ({ value: l.value, label: l.label })) ?? [0, 1, 2, 3, 4, 5].map((value) => ({ value, label: '' }));
	return { review: { id: review.id, title: review.title, portName: review.portName }, show, levels, ...got.value };
};

export const actions: Actions = {
	verify: async ({ locals, url, params, request }) => {
		const { user, review } = await openReview(locals, url, params.id);
		const form = readForm(await request.formData(), ['actionId', 'level']);
		const verified = await locals.services.followup.verify(user, review.id, form.actionId, { level: form.level });
		if (!verified.ok) return fail(statusOf(verified.error), { actionId: form.actionId, kind: 'verify' as const, errors: errorsOf(verified.error) });
		return { actionId: form.actionId, done: 'verified' as const };
	},
	sendBack: async ({ locals, url, params, request }) => {
		const { user, review } = await openReview(locals, url, params.id);
		const form = readForm(await request.formData(), ['actionId', 'reason']);
		const sent = await locals.services.followup.sendBack(user, review.id, form.actionId, { reason: form.reason });
		if (!sent.ok) return fail(statusOf(sent.error), { actionId: form.actionId, kind: 'sendBack' as const, errors: errorsOf(sent.error), reason: form.reason });
		return { actionId: form.actionId, done: 'sent_back' as const };
	}
};
