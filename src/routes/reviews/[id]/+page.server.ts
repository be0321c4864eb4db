import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getServices, may } from '#lib/server/services.ts';
import { colourFor, type PresenceUser } from '#lib/shared/presence.ts';

export const load = (async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const opened = getServices().reviews.open(locals.user.id, params.id);
	if (!opened.ok) error(404, opened.error.message);
	const { review, role, participants } = opened.value;
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
			editWorkspace: may(role, 'edit_workspace'),
			editReviewer: may(role, 'edit_reviewer'),
			manageParticipants: may(role, 'manage_participants'),
			propose: may(role, 'edit_workspace') && !may(role, 'edit_reviewer')
		}
	};
}) satisfies PageServerLoad;
