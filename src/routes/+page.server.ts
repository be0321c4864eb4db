import { redirect } from '@sveltejs/kit';
import { getServices, mayCreateReview } from '#lib/server/services.ts';
import { getFramework } from '#lib/shared/framework/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { accounts, reviews } = getServices();
	if (!locals.user) redirect(303, accounts.needsSetup() ? '/setup' : '/login');
	return {
		canCreate: mayCreateReview(locals.user),
		reviews: reviews.listFor(locals.user.id).map((review) => ({
			id: review.id,
			title: review.title,
			portName: review.portName,
			portCountry: review.portCountry,
			kind: review.kind,
			scheduledOn: review.scheduledOn,
			framework: `${getFramework(review.frameworkId, review.frameworkVersion)?.name ?? review.frameworkId} ${review.frameworkVersion}`,
			myRole: review.myRole
		}))
	};
};
