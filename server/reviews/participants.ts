// Invitations and participant management. An invitation is a single-use link valid for 7 days;
// only SHA-256 of its token is stored, like session secrets.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { AcceptInvitationForm, ChangeRoleForm, InviteForm } from '../../src/lib/shared/forms.ts';
import type { InvitationRow } from '../persistence/invitations.ts';
import type { Store, Tx } from '../persistence/store.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashSecret, randomSecret, type SessionService, type SessionUser } from '../auth/sessions.ts';
import { may } from '../auth/policy.ts';
import type { MembershipEvents } from './membership-events.ts';
import type { AuditService } from '../records/audit.ts';
import type { MailOutbox } from '../mail/outbox.ts';
import type { PublicLinks } from '../mail/links.ts';
import { invitationMail } from '../mail/templates.ts';
import { m } from '../../src/lib/paraglide/messages.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

// Each operation's checks and writes are one transaction (the last facilitator stays, a link is
// spent once); on PostgreSQL these need row locks on the review's participants and the invitation.
type Deps = {
	store: Pick<Store, 'transaction' | 'invitations'>;
	sessions: SessionService;
	events: MembershipEvents;
	audit?: Pick<AuditService, 'appendIn'>;
	/** The invitation mail is written with the invitation (same transaction), when given. */
	mail?: Pick<MailOutbox, 'enqueueIn'>;
	links?: PublicLinks;
	now?: () => number;
};

export type InvitationView = {
	invitation: InvitationRow;
	reviewTitle: string;
	portName: string;
	accountExists: boolean;
};

export function createParticipantService(deps: Deps) {
	const now = deps.now ?? Date.now;
	const { store } = deps;

	function requireManager(tx: Tx, actor: SessionUser, reviewId: string): Result<true> {
		const role = tx.reviews.participant(reviewId, actor.id)?.role ?? null;
		if (!tx.reviews.findById(reviewId) || role === null) return fail('not_found', m.reviews_error_review_not_found());
		if (!may(role, 'manage_participants')) return fail('forbidden', m.reviews_error_manage_forbidden());
		return ok(true);
	}

	function usableInvitation(tx: Tx, token: string): Result<InvitationRow> {
		const invitation = token.length <= 100 ? tx.invitations.findByTokenHash(hashSecret(token)) : null;
		if (!invitation) return fail('not_found', m.reviews_error_invitation_invalid());
		if (invitation.acceptedAt !== null) return fail('expired', m.reviews_error_invitation_used_sign_in());
		if (invitation.revokedAt !== null) return fail('expired', m.reviews_error_invitation_withdrawn());
		if (invitation.expiresAt <= now()) return fail('expired', m.reviews_error_invitation_expired());
		return ok(invitation);
	}

	/**
	 * Adds the participant and spends the invitation. Someone who is already a participant keeps
	 * their current role: a leftover link must not change roles behind the facilitator's back
	 * (or demote the last facilitator). Returns whether membership changed (publish after commit).
	 */
	function join(tx: Tx, invitation: InvitationRow, userId: string): Result<{ reviewId: string; joined: boolean }> {
		if (!tx.invitations.markAccepted(invitation.id, userId, now())) {
			return fail('expired', m.reviews_error_invitation_used());
		}
		if (tx.reviews.participant(invitation.reviewId, userId)) return ok({ reviewId: invitation.reviewId, joined: false });
		tx.reviews.addParticipant(invitation.reviewId, userId, invitation.role, invitation.department, now());
		deps.audit?.appendIn(tx, {
			actorId: userId,
			action: 'invite_accepted',
			reviewId: invitation.reviewId,
			details: { invitationId: invitation.id, userId, role: invitation.role, department: invitation.department }
		});
		return ok({ reviewId: invitation.reviewId, joined: true });
	}

	function announceJoin(joined: Result<{ reviewId: string; joined: boolean }>, userId: string): Result<{ reviewId: string }> {
		if (!joined.ok) return joined;
		if (joined.value.joined) deps.events.publish({ type: 'role_changed', reviewId: joined.value.reviewId, userId });
		return ok({ reviewId: joined.value.reviewId });
	}

	/** Writes the invitation and its mail inside the caller's transaction. */
	function inviteIn(tx: Tx, actor: SessionUser, reviewId: string, input: z.infer<typeof InviteForm>): Result<{ token: string; invitation: InvitationRow }> {
		const allowed = requireManager(tx, actor, reviewId);
		if (!allowed.ok) return allowed;
		const existing = tx.users.findByEmail(input.email);
		if (existing && tx.reviews.participant(reviewId, existing.id)) {
			return fail('conflict', m.reviews_error_already_participant({ name: existing.name }), 'email');
		}
		const token = randomSecret(24);
		const at = now();
		const invitation = {
			id: crypto.randomUUID(),
			tokenHash: hashSecret(token),
			reviewId,
			email: input.email,
			name: input.name,
			role: input.role,
			department: input.department,
			invitedBy: actor.id,
			createdAt: at,
			expiresAt: at + INVITATION_LIFETIME_MS
		};
		const review = tx.reviews.findById(reviewId);
		tx.invitations.insert(invitation);
		if (deps.mail && deps.links && review) {
			deps.mail.enqueueIn(tx, {
				kind: 'invitation',
				toAddress: input.email,
				toName: input.name,
				secret: true,
				...invitationMail({
					to: { email: input.email, name: input.name },
					inviterName: actor.name,
					reviewTitle: review.title,
					portName: review.portName,
					// E-mails speak the review's record language, not the inviting facilitator's interface.
					role: input.role,
					language: review.recordLanguage,
					link: deps.links.to(`/invite/${token}`),
					expiresAt: invitation.expiresAt
				})
			});
		}
		return ok({ token, invitation: { ...invitation, acceptedAt: null, acceptedBy: null, revokedAt: null } });
	}

	return {
		invite: (actor: SessionUser, reviewId: string, input: z.infer<typeof InviteForm>): Promise<Result<{ token: string; invitation: InvitationRow }>> =>
			store.transaction((tx) => inviteIn(tx, actor, reviewId, input)),

		inviteIn,

		pending: (reviewId: string) => store.invitations.pendingForReview(reviewId, now()),

		revoke: (actor: SessionUser, reviewId: string, invitationId: string): Promise<Result<true>> =>
			store.transaction((tx): Result<true> => {
				const allowed = requireManager(tx, actor, reviewId);
				if (!allowed.ok) return allowed;
				return tx.invitations.revoke(invitationId, reviewId, now()) ? ok(true) : fail('not_found', m.reviews_error_invitation_not_pending());
			}),

		lookupInvitation: (token: string): Promise<Result<InvitationView>> =>
			store.transaction((tx): Result<InvitationView> => {
				const found = usableInvitation(tx, token);
				if (!found.ok) return found;
				const review = tx.reviews.findById(found.value.reviewId);
				if (!review) return fail('not_found', m.reviews_error_invitation_review_gone());
				return ok({
					invitation: found.value,
					reviewTitle: review.title,
					portName: review.portName,
					accountExists: tx.users.findByEmail(found.value.email) !== null
				});
			}),

		/** A new person: creates the account with the invited email, joins, and signs in. */
		async acceptAsNewUser(token: string, input: z.infer<typeof AcceptInvitationForm>): Promise<Result<{ reviewId: string; sessionToken: string }>> {
			const found = await store.transaction((tx): Result<InvitationRow> => {
				const usable = usableInvitation(tx, token);
				if (usable.ok && tx.users.findByEmail(usable.value.email)) return fail('conflict', m.reviews_error_account_exists_sign_in());
				return usable;
			});
			if (!found.ok) return found;
			const passwordHash = await hashPassword(input.password);
			// Everything again after the slow hash, in the transaction that writes: a second tab may have won.
			const userId = crypto.randomUUID();
			const joined = await store.transaction((tx) => {
				const again = usableInvitation(tx, token);
				if (!again.ok) return again;
				if (tx.users.findByEmail(again.value.email)) return fail('conflict', m.reviews_error_account_exists());
				tx.users.insert({ id: userId, email: again.value.email, name: input.name, passwordHash, isAdmin: false, createdAt: now() });
				const result = join(tx, again.value, userId);
				// Accepting signs the new person in: People shows it as their first sign-in.
				if (result.ok) tx.users.touchSignIn(userId, now());
				return result;
			});
			const announced = announceJoin(joined, userId);
			if (!announced.ok) return announced;
			return ok({ reviewId: announced.value.reviewId, sessionToken: (await deps.sessions.create(userId)).token });
		},

		/** A signed-in user accepts; the invitation's email must be theirs. */
		async acceptAsSignedIn(token: string, user: SessionUser): Promise<Result<{ reviewId: string }>> {
			const joined = await store.transaction((tx): Result<{ reviewId: string; joined: boolean }> => {
				const found = usableInvitation(tx, token);
				if (!found.ok) return found;
				if (found.value.email.toLowerCase() !== user.email.toLowerCase()) {
					return fail('forbidden', m.reviews_error_invitation_other_email({ email: found.value.email }));
				}
				return join(tx, found.value, user.id);
			});
			return announceJoin(joined, user.id);
		},

		async changeRole(actor: SessionUser, reviewId: string, input: z.infer<typeof ChangeRoleForm>): Promise<Result<true>> {
			const changed = await store.transaction((tx): Result<true> => {
				const allowed = requireManager(tx, actor, reviewId);
				if (!allowed.ok) return allowed;
				const target = tx.reviews.participant(reviewId, input.userId);
				if (!target) return fail('not_found', m.reviews_error_not_participant());
				if (target.role === 'facilitator' && input.role !== 'facilitator' && tx.reviews.countWithRole(reviewId, 'facilitator') === 1) {
					return fail('conflict', m.reviews_error_last_facilitator_role(), 'role');
				}
				tx.reviews.updateParticipant(reviewId, input.userId, input.role, input.department);
				deps.audit?.appendIn(tx, {
					actorId: actor.id,
					action: 'role_changed',
					reviewId,
					details: { userId: input.userId, from: target.role, to: input.role, department: input.department }
				});
				return ok(true);
			});
			if (changed.ok) deps.events.publish({ type: 'role_changed', reviewId, userId: input.userId });
			return changed;
		},

		async remove(actor: SessionUser, reviewId: string, userId: string): Promise<Result<true>> {
			const removed = await store.transaction((tx): Result<true> => {
				const allowed = requireManager(tx, actor, reviewId);
				if (!allowed.ok) return allowed;
				const target = tx.reviews.participant(reviewId, userId);
				if (!target) return fail('not_found', m.reviews_error_not_participant());
				if (target.role === 'facilitator' && tx.reviews.countWithRole(reviewId, 'facilitator') === 1) {
					return fail('conflict', m.reviews_error_last_facilitator());
				}
				tx.reviews.removeParticipant(reviewId, userId);
				deps.audit?.appendIn(tx, { actorId: actor.id, action: 'participant_removed', reviewId, details: { userId, role: target.role } });
				return ok(true);
			});
			if (removed.ok) deps.events.publish({ type: 'removed', reviewId, userId });
			return removed;
		}
	};
}

export type ParticipantService = ReturnType<typeof createParticipantService>;
