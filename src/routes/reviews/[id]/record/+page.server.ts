// The frozen versions of a review, and (for facilitators) freezing a new one. The freeze action
// passes the form and the client's Yjs state vectors to the records service, which checks the
// role, the label and note, the pending difference rationales, and refuses while the
// facilitator's own edits have not reached the server.
import { fail, redirect } from '@sveltejs/kit';
import { errorsOf, readForm, statusOf } from '#lib/server/forms.ts';
import { colourFor, type PresenceUser } from '#lib/shared/presence.ts';
import type { VersionItem } from '#lib/record/types.ts';
import type { PendingDifference } from '#lib/shared/documents/self-vs-independent.ts';
import { failPage, openReview } from './access.server.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

async function pendingOf(locals: App.Locals, userId: string, reviewId: string): Promise<PendingDifference[]> {
	const pending = await locals.services.records.pendingDifferences(userId, reviewId);
	return pending.ok ? pending.value : [];
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, review, role, participants, can } = await openReview(locals, url, params.id);
	const listed = await locals.services.records.listVersions(user.id, review.id);
	if (!listed.ok) failPage(listed.error);
	const me = participants.find((p) => p.userId === user.id);
	const self: PresenceUser = { userId: user.id, name: user.name, role, color: colourFor(user.id) };
	const versions: VersionItem[] = listed.value.map((v) => ({
		version: v.version,
		label: v.label,
		note: v.note,
		frozenAt: v.frozenAt,
		frozenByName: v.frozenByName,
		contentHash: v.contentHash,
		status: v.status,
		signatureCount: v.signatures.length
	}));
	const canFreeze = can.freeze;
	return {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry, recordLanguage: review.recordLanguage },
		self: { ...self, department: me?.department ?? null },
		canFreeze,
		versions,
		// After sign-off the plan's actions are followed up (the review's page, or one's own on My actions).
		followUp: listed.value.some((v) => v.signatures.some((s) => s.meaning === 'approved'))
			? can.view_overdue
				? { href: `/reviews/${review.id}/follow-up`, mine: false }
				: { href: '/actions', mine: true }
			: null,
		// Shown beside the freeze form before anyone tries: the elements a freeze would refuse for.
		pendingDifferences: canFreeze ? await pendingOf(locals, user.id, review.id) : [],
		// The signed review this one started from, when the reader is a member of it too (the comparison reads both records).
		lastReview:
			review.previousReviewId !== null && review.previousVersion !== null && await locals.services.reviews.roleOf(review.previousReviewId, user.id) !== null
				? { reviewId: review.previousReviewId, version: review.previousVersion }
				: null
	};
};

export const actions: Actions = {
	freeze: async ({ locals, url, params, request }) => {
		const { user, review } = await openReview(locals, url, params.id);
		const form = readForm(await request.formData(), ['label', 'note', 'clientWorkspace', 'clientReviewer']);
		const values = { label: form.label.trim(), note: form.note.trim() };
		// Without JavaScript there is no live client on this page, so nothing of ours can be unsynced here.
		const client = form.clientWorkspace && form.clientReviewer ? { workspace: form.clientWorkspace, reviewer: form.clientReviewer } : undefined;
		const frozen = await locals.services.records.freeze(user, review.id, { ...values, client });
		if (!frozen.ok) {
			// The same rule from the same function as the freeze (the page keeps listing them after
			// any refusal). The service names every element in its message; the page lists them with
			// links just below, so the summary says it in short and points there.
			const pendingDifferences = await pendingOf(locals, user.id, review.id);
			const errors =
				frozen.error.field === 'differenceRationale' && pendingDifferences.length > 0
					? { differenceRationale: m.record_freeze_refused_pending({ codes: pendingDifferences.map((p) => p.code).join(', ') }) }
					: errorsOf(frozen.error);
			return fail(statusOf(frozen.error), { values, errors, pendingDifferences });
		}
		redirect(303, `/reviews/${review.id}/record/${frozen.value.version}?frozen=1`);
	}
};
