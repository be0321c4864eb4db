import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { colourFor, type PresenceUser } from '#lib/shared/presence.ts';

export const load = (async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const opened = locals.services.reviews.open(locals.user.id, params.id);
	if (!opened.ok) error(404, opened.error.message);
	const { review, role, participants, can } = opened.value;
	const me = participants.find((p) => p.userId === locals.user?.id);
	const self: PresenceUser & { department: string | null } = {
		userId: locals.user.id,
		name: locals.user.name,
		role,
		color: colourFor(locals.user.id),
		department: me?.department ?? null
	};
	return {
		review,
		role,
		self,
		participants: participants.map((p) => ({ userId: p.userId, name: p.name, role: p.role, department: p.department })),
		can: {
			editWorkspace: can.edit_workspace,
			editReviewer: can.edit_reviewer,
			manageParticipants: can.manage_participants,
			propose: can.edit_workspace && !can.edit_reviewer
		}
	};
}) satisfies PageServerLoad;
