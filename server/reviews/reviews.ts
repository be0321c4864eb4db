// Creating and reading reviews. The creator becomes the first facilitator.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { CreateReviewForm } from '../../src/lib/shared/forms.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { getFramework, parseFrameworkRef } from '../../src/lib/shared/framework/index.ts';
import type { ReviewRow, ParticipantRow } from '../persistence/reviews.ts';
import type { Store, Tx } from '../persistence/store.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { may, mayCreateReview, REVIEW_ACTIONS, type ReviewAction } from '../auth/policy.ts';

/** `can`: the policy's answer for this user and review, so pages show only what the services allow. */
export type ReviewWithRole = { review: ReviewRow; role: Role; participants: ParticipantRow[]; can: Record<ReviewAction, boolean> };

const CREATE_FORBIDDEN = () => m.reviews_error_create_forbidden();

function permissionsOf(role: Role): Record<ReviewAction, boolean> {
	return Object.fromEntries(REVIEW_ACTIONS.map((action) => [action, may(role, action)])) as Record<ReviewAction, boolean>;
}

export function createReviewService(deps: { store: Pick<Store, 'transaction' | 'reviews'>; now?: () => number }) {
	const now = deps.now ?? Date.now;
	const reviews = deps.store.reviews;

	/** The review and its first facilitator, inside the caller's transaction. */
	function createIn(
		tx: Pick<Tx, 'reviews'>,
		user: SessionUser,
		input: z.infer<typeof CreateReviewForm>,
		previous: { previousReviewId: string; previousVersion: number } | null = null
	): Result<ReviewRow> {
		if (!mayCreateReview(user)) return fail('forbidden', CREATE_FORBIDDEN());
		const ref = parseFrameworkRef(input.framework);
		if (!ref || !getFramework(ref.id, ref.version)) {
			return fail('invalid_input', m.reviews_error_unknown_framework(), 'framework');
		}
		const review: ReviewRow = {
			id: crypto.randomUUID(),
			title: input.title,
			portName: input.portName,
			portCountry: input.portCountry,
			kind: input.kind,
			scheduledOn: input.scheduledOn,
			frameworkId: ref.id,
			frameworkVersion: ref.version,
			createdBy: user.id,
			createdAt: now(),
			recordLanguage: 'en',
			previousReviewId: previous?.previousReviewId ?? null,
			previousVersion: previous?.previousVersion ?? null
		};
		tx.reviews.insert(review);
		tx.reviews.addParticipant(review.id, user.id, 'facilitator', null, review.createdAt);
		return ok(review);
	}

	return {
		/** `previous`: the signed review and version it starts from (server/reviews/next-review.ts). */
		create: (
			user: SessionUser,
			input: z.infer<typeof CreateReviewForm>,
			previous: { previousReviewId: string; previousVersion: number } | null = null
		): Promise<Result<ReviewRow>> => deps.store.transaction((tx) => createIn(tx, user, input, previous)),

		createIn,

		/** Whether this user may create reviews (the new-review page asks before showing its form). */
		mayCreate: (user: SessionUser): Result<true> => (mayCreateReview(user) ? ok(true) : fail('forbidden', CREATE_FORBIDDEN())),

		listFor: (userId: string) => reviews.listForUser(userId),

		/** The review as this user may see it; not_found for non-members, so ids are not probed. */
		async open(userId: string, reviewId: string): Promise<Result<ReviewWithRole>> {
			const review = await reviews.findById(reviewId);
			const me = review ? await reviews.participant(reviewId, userId) : null;
			if (!review || !me || !may(me.role, 'view')) return fail('not_found', m.reviews_error_review_not_found());
			return ok({ review, role: me.role, participants: await reviews.participants(reviewId), can: permissionsOf(me.role) });
		},

		roleOf: async (reviewId: string, userId: string): Promise<Role | null> => (await reviews.participant(reviewId, userId))?.role ?? null
	};
}

export type ReviewService = ReturnType<typeof createReviewService>;
