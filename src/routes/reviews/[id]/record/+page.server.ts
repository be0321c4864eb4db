// The frozen versions of a review, and (for facilitators) freezing a new one. The freeze action
// checks the role itself and passes the client's Yjs state vectors on, so the records service can
// refuse while the facilitator's own edits have not reached the server.
import { fail, redirect } from '@sveltejs/kit';
import { getServices, may } from '#lib/server/services.ts';
import { errorsOf, formError, readForm, statusOf } from '#lib/server/forms.ts';
import { colourFor, type PresenceUser } from '#lib/shared/presence.ts';
import type { VersionItem } from '#lib/record/types.ts';
import type { PendingDifference } from '#lib/shared/documents/self-vs-independent.ts';
import { failPage, openReview } from './access.server.ts';
import type { Actions, PageServerLoad } from './$types';

const LABEL_MAX = 120;
const NOTE_MAX = 4000;

function pendingOf(userId: string, reviewId: string): PendingDifference[] {
	const pending = getServices().records.pendingDifferences(userId, reviewId);
	return pending.ok ? pending.value : [];
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { user, review, role, participants } = openReview(locals, url, params.id);
	const listed = getServices().records.listVersions(user.id, review.id);
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
	const canFreeze = may(role, 'freeze');
	return {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry },
		self: { ...self, department: me?.department ?? null },
		canFreeze,
		versions,
		// Shown beside the freeze form before anyone tries: the elements a freeze would refuse for.
		pendingDifferences: canFreeze ? pendingOf(user.id, review.id) : []
	};
};

export const actions: Actions = {
	freeze: async ({ locals, url, params, request }) => {
		const { user, role, review } = openReview(locals, url, params.id);
		const form = readForm(await request.formData(), ['label', 'note', 'clientWorkspace', 'clientReviewer']);
		const values = { label: form.label.trim(), note: form.note.trim() };
		if (!may(role, 'freeze')) {
			return fail(403, { values, errors: formError('Only a facilitator can freeze the record.') });
		}
		if (values.label === '') return fail(400, { values, errors: { label: 'Enter a label for this version, for example “Agreed at the closing meeting”.' } });
		if (values.label.length > LABEL_MAX) return fail(400, { values, errors: { label: `Keep the label under ${LABEL_MAX} characters.` } });
		if (values.note.length > NOTE_MAX) return fail(400, { values, errors: { note: `Keep the note under ${NOTE_MAX} characters.` } });
		// Without JavaScript there is no live client on this page, so nothing of ours can be unsynced here.
		const client = form.clientWorkspace && form.clientReviewer ? { workspace: form.clientWorkspace, reviewer: form.clientReviewer } : undefined;
		const frozen = getServices().records.freeze(user, review.id, { ...values, client });
		if (!frozen.ok) {
			const pendingDifferences = pendingOf(user.id, review.id);
			// The service names every element in its message; the page lists them with links just
			// below, so the summary says it in short and points there.
			const errors =
				frozen.error.field === 'differenceRationale' && pendingDifferences.length > 0
					? { differenceRationale: `Not frozen: add a difference rationale to ${pendingDifferences.map((p) => p.code).join(', ')} first (listed below).` }
					: errorsOf(frozen.error);
			return fail(statusOf(frozen.error), { values, errors, pendingDifferences });
		}
		redirect(303, `/reviews/${review.id}/record/${frozen.value.version}?frozen=1`);
	}
};
