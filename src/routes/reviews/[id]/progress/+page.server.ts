// Progress over time for the port of this review: its signed reviews that this person may read.
import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const progress = await locals.services.progress.forReview(user.id, params.id);
	// Not a member: the same 404 as an unknown id, so review ids cannot be probed.
	if (!progress.ok) error(404, progress.error.message);
	return { reviewId: params.id, progress: progress.value };
};
