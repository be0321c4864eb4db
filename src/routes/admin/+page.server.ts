// The administration area: people (rights, deactivation, reset links), pending invitations of
// every review, and the mail outbox. Administrators only: every load and action asks the people
// service, which checks the right in the database (a withdrawn administrator stops at once).
import { error, fail } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { readForm, statusOf } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { people, mail } = locals.services;
	const listed = await people.list(user);
	if (!listed.ok) error(statusOf(listed.error), listed.error.message);
	const pending = await people.pendingInvitations(user);
	return {
		me: user.id,
		mailConfigured: mail.configured,
		people: listed.value.map((p) => ({
			id: p.id,
			name: p.name,
			email: p.email,
			isAdmin: p.isAdmin,
			mayCreateReviews: p.mayCreateReviews,
			active: p.deactivatedAt === null,
			lastSignInAt: p.lastSignInAt,
			reviewCount: p.reviewCount,
			hasPassword: p.hasPassword,
			linkedIdentity: p.linkedIdentity
		})),
		invitations: pending.ok ? pending.value : [],
		outbox: (await mail.recent(50)).map((m) => ({
			id: m.id,
			kind: m.kind,
			to: `${m.toName} <${m.toAddress}>`,
			subject: m.subject,
			createdAt: m.createdAt,
			sentAt: m.sentAt,
			attempts: m.attempts,
			lastError: m.lastError,
			// Links to copy only while the mail waits (a delivered secret link is blanked anyway).
			link: m.sentAt === null ? m.link : null
		}))
	};
};

type Change = 'grantAdmin' | 'withdrawAdmin' | 'grantReviewer' | 'withdrawReviewer' | 'deactivate' | 'reactivate';

function change(kind: Change): Actions[string] {
	return async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const { userId } = readForm(await request.formData(), ['userId']);
		const { people } = locals.services;
		const result =
			kind === 'grantAdmin' ? await people.setAdmin(user, userId, true)
			: kind === 'withdrawAdmin' ? await people.setAdmin(user, userId, false)
			: kind === 'grantReviewer' ? await people.setReviewer(user, userId, true)
			: kind === 'withdrawReviewer' ? await people.setReviewer(user, userId, false)
			: kind === 'deactivate' ? await people.deactivate(user, userId)
			: await people.reactivate(user, userId);
		if (!result.ok) return fail(statusOf(result.error), { userId, error: result.error.message });
		return { userId, done: kind };
	};
}

export const actions: Actions = {
	grantAdmin: change('grantAdmin'),
	withdrawAdmin: change('withdrawAdmin'),
	grantReviewer: change('grantReviewer'),
	withdrawReviewer: change('withdrawReviewer'),
	deactivate: change('deactivate'),
	reactivate: change('reactivate'),
	resetLink: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const { userId } = readForm(await request.formData(), ['userId']);
		const issued = await locals.services.people.issueResetLink(user, userId);
		if (!issued.ok) return fail(statusOf(issued.error), { userId, error: issued.error.message });
		return { userId, done: 'resetLink' as const, resetLink: issued.value.link };
	}
};
