import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { errorsOf, failPage, readForm, statusOf } from '#lib/server/forms.ts';
import { CreateReviewForm, fieldErrors } from '#lib/shared/forms.ts';
import { DEFAULT_FRAMEWORK, frameworkRef, getFramework, listFrameworkVersions } from '#lib/shared/framework/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'portName', 'portCountry', 'kind', 'scheduledOn', 'framework', 'source'] as const;

/** A framework's status in the reader's language; a status added later shows as its code until it has a message. */
function frameworkStatusLabel(status: string): string {
	return status === 'proposal' ? m.reviews_framework_status_proposal() : status;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const allowed = locals.services.reviews.mayCreate(user);
	if (!allowed.ok) failPage(allowed.error);
	return {
		// Signed reviews this person took part in: a next review can start from one (issue 15).
		startingPoints: await locals.services.nextReview.startingPoints(user),
		startFrom: url.searchParams.get('from') ?? '',
		defaultFramework: frameworkRef(DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version),
		frameworks: listFrameworkVersions().map((f) => ({
			value: f.ref,
			label: m.reviews_new_framework_option({
				name: getFramework(f.id, f.version, getLocale())?.name ?? f.name,
				version: f.version,
				status: frameworkStatusLabel(f.status)
			})
		}))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		// Asked before the form is read, so a visitor who may not create reviews learns only that.
		const allowed = locals.services.reviews.mayCreate(user);
		if (!allowed.ok) failPage(allowed.error);
		const values = readForm(await request.formData(), FIELDS);
		const parsed = CreateReviewForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = values.source
			? await locals.services.nextReview.startFrom(user, values.source, parsed.data)
			: await locals.services.reviews.create(user, parsed.data);
		if (!result.ok) {
			if (result.error.code === 'forbidden') failPage(result.error);
			return fail(statusOf(result.error), { values, errors: errorsOf(result.error) });
		}
		redirect(303, `/reviews/${'review' in result.value ? result.value.review.id : result.value.id}/participants`);
	}
};
