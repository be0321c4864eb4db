// Who takes part in a review, and (for facilitators) inviting, re-roling and removing people.
// Each action needs a signed-in member here; the participant service decides what they may do.
// Nothing is trusted from the page.
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { ChangeRoleForm, InviteForm, fieldErrors } from '#lib/shared/forms.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/** The review as this user sees it. Non-members and unknown ids look the same (404), so ids cannot be probed. */
async function openOr404(locals: App.Locals, userId: string, reviewId: string) {
	const opened = await locals.services.reviews.open(userId, reviewId);
	if (!opened.ok) error(404, opened.error.message);
	return opened.value;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { review, participants, can } = await openOr404(locals, user.id, params.id);
	const canManage = can.manage_participants;
	return {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry },
		me: user.id,
		canManage,
		participants: participants.map((p) => ({ userId: p.userId, name: p.name, email: p.email, role: p.role, department: p.department })),
		// Only the facilitator sees who is invited; the token itself is never stored, so never shown again.
		pending: canManage
			? (await locals.services.participants.pending(review.id)).map((i) => ({
					id: i.id,
					name: i.name,
					email: i.email,
					role: i.role,
					department: i.department,
					expiresAt: i.expiresAt
				}))
			: []
	};
};

export const actions: Actions = {
	invite: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		await openOr404(locals, user.id, params.id);
		const values = readForm(await request.formData(), ['name', 'email', 'role', 'department']);
		const parsed = InviteForm.safeParse(values);
		if (!parsed.success) return fail(400, { type: 'invite' as const, values, errors: fieldErrors(parsed.error) });
		const result = await locals.services.participants.invite(user, params.id, parsed.data);
		if (!result.ok) {
			return fail(statusOf(result.error), { type: 'invite' as const, values, errors: errorsOf(result.error) });
		}
		const { token, invitation } = result.value;
		return {
			type: 'invited' as const,
			invitation: {
				link: `${url.origin}/invite/${token}`,
				name: invitation.name,
				email: invitation.email,
				role: invitation.role,
				expiresAt: invitation.expiresAt
			}
		};
	},

	revoke: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		await openOr404(locals, user.id, params.id);
		const { invitationId } = readForm(await request.formData(), ['invitationId']);
		const result = await locals.services.participants.revoke(user, params.id, invitationId);
		if (!result.ok) {
			return fail(statusOf(result.error), { type: 'revoke' as const, invitationId, errors: errorsOf(result.error) });
		}
		return { type: 'revoked' as const };
	},

	changeRole: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		await openOr404(locals, user.id, params.id);
		const values = readForm(await request.formData(), ['userId', 'role', 'department']);
		const parsed = ChangeRoleForm.safeParse(values);
		if (!parsed.success) {
			return fail(400, { type: 'changeRole' as const, userId: values.userId, values, errors: fieldErrors(parsed.error) });
		}
		const result = await locals.services.participants.changeRole(user, params.id, parsed.data);
		if (!result.ok) {
			const errors = errorsOf(result.error);
			return fail(statusOf(result.error), { type: 'changeRole' as const, userId: values.userId, values, errors });
		}
		return { type: 'roleChanged' as const, userId: values.userId, role: parsed.data.role };
	},

	remove: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const { participants } = await openOr404(locals, user.id, params.id);
		const { userId, intent } = readForm(await request.formData(), ['userId', 'intent']);
		// Without JavaScript the first press of "Remove" arrives here: answer with the question.
		if (intent !== 'confirm') return { type: 'confirmRemove' as const, userId };
		const result = await locals.services.participants.remove(user, params.id, userId);
		if (!result.ok) {
			return fail(statusOf(result.error), { type: 'remove' as const, userId, errors: errorsOf(result.error) });
		}
		// Someone who removed themselves can no longer open this page.
		if (userId === user.id) redirect(303, '/');
		return { type: 'removed' as const, name: participants.find((p) => p.userId === userId)?.name ?? m.reviews_participants_fallback_name() };
	}
};
