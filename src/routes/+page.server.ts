import { fail, redirect } from '@sveltejs/kit';
import { statusOf } from '#lib/server/forms.ts';
import { getFramework } from '#lib/shared/framework/index.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { accounts, reviews } = locals.services;
	if (!locals.user) redirect(303, await accounts.needsSetup() ? '/setup' : '/login');
	return {
		canCreate: reviews.mayCreate(locals.user).ok,
		reviews: (await reviews.listFor(locals.user.id)).map((review) => ({
			id: review.id,
			title: review.title,
			portName: review.portName,
			portCountry: review.portCountry,
			kind: review.kind,
			scheduledOn: review.scheduledOn,
			framework: `${(getFramework(review.frameworkId, review.frameworkVersion, getLocale()) ?? getFramework(review.frameworkId, review.frameworkVersion))?.name ?? review.frameworkId} ${review.frameworkVersion}`,
			myRole: review.myRole
		}))
	};
};

export const actions: Actions = {
	/** A filled sample workshop, so a newcomer sees the product working within a minute. */
	demo: async ({ locals }) => {
		if (!locals.user) redirect(303, '/login');
		const created = await locals.services.demo.create(locals.user);
		if (!created.ok) return fail(statusOf(created.error), { demoError: created.error.message });
		redirect(303, `/reviews/${created.value}`);
	}
};
