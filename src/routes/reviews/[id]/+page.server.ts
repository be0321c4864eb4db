import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { colourFor, type PresenceUser } from '#lib/shared/presence.ts';
import { requireUser } from '#lib/server/guards.ts';
import { readForm, statusOf } from '#lib/server/forms.ts';

export const load = (async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const opened = await locals.services.reviews.open(locals.user.id, params.id);
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
		// The signed record this review started from, if any: its scores sit beside the new grid.
		lastReview: await locals.services.nextReview.lastReview(locals.user.id, review.id),
		participants: participants.map((p) => ({ userId: p.userId, name: p.name, role: p.role, department: p.department })),
		can: {
			editWorkspace: can.edit_workspace,
			editReviewer: can.edit_reviewer,
			manageParticipants: can.manage_participants,
			setRecordLanguage: can.set_record_language,
			uploadEvidence: can.upload_evidence,
			viewConfidential: can.view_confidential,
			propose: can.edit_workspace && !can.edit_reviewer
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Facilitators choose the language the next frozen version is written in (issue 14). */
	recordLanguage: async ({ locals, params, request, url }) => {
		const user = requireUser(locals, url);
		const form = readForm(await request.formData(), ['language']);
		const result = await locals.services.recordLanguage.set(user, params.id, form);
		if (!result.ok) return fail(statusOf(result.error), { languageError: result.error.message });
		return { recordLanguage: result.value.language };
	}
} satisfies Actions;
