// Invitations and participant management. An invitation is a single-use link valid for 7 days;
// only SHA-256 of its token is stored, like session secrets.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { AcceptInvitationForm, ChangeRoleForm, InviteForm } from '../../src/lib/shared/forms.ts';
import type { InvitationRepository, InvitationRow } from '../persistence/invitations.ts';
import type { ReviewRepository } from '../persistence/reviews.ts';
import type { UserRepository } from '../persistence/users.ts';
import type { Db } from '../persistence/database.ts';
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

type Deps = {
	/** The connection, so the invitation and its mail commit together. */
	db?: Db;
	reviews: ReviewRepository;
	invitations: InvitationRepository;
	users: UserRepository;
	sessions: SessionService;
	events: MembershipEvents;
	audit?: Pick<AuditService, 'append'>;
	/** The invitation mail is written with the invitation (same transaction), when given. */
	mail?: Pick<MailOutbox, 'enqueue'>;
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

	function requireManager(actor: SessionUser, reviewId: string): Result<true> {
		const role = deps.reviews.participant(reviewId, actor.id)?.role ?? null;
		if (!deps.reviews.findById(reviewId) || role === null) return fail('not_found', m.reviews_error_review_not_found());
		if (!may(role, 'manage_participants')) return fail('forbidden', m.reviews_error_manage_forbidden());
		return ok(true);
	}

	function usableInvitation(token: string): Result<InvitationRow> {
		const invitation = token.length <= 100 ? deps.invitations.findByTokenHash(hashSecret(token)) : null;
		if (!invitation) return fail('not_found', m.reviews_error_invitation_invalid());
		if (invitation.acceptedAt !== null) return fail('expired', m.reviews_error_invitation_used_sign_in());
		if (invitation.revokedAt !== null) return fail('expired', m.reviews_error_invitation_withdrawn());
		if (invitation.expiresAt <= now()) return fail('expired', m.reviews_error_invitation_expired());
		return ok(invitation);
	}

	/**
	 * Adds the participant and spends the invitation. Someone who is already a participant keeps
	 * their current role: a leftover link must not change roles behind the facilitator's back
	 * (or demote the last facilitator).
	 */
	function join(invitation: InvitationRow, userId: string): Result<{ reviewId: string }> {
		if (!deps.invitations.markAccepted(invitation.id, userId, now())) {
			return fail('expired', m.reviews_error_invitation_used());
		}
		if (deps.reviews.participant(invitation.reviewId, userId)) return ok({ reviewId: invitation.reviewId });
		deps.reviews.addParticipant(invitation.reviewId, userId, invitation.role, invitation.department, now());
		deps.audit?.append({
			actorId: userId,
			action: 'invite_accepted',
			reviewId: invitation.reviewId,
			details: { invitationId: invitation.id, userId, role: invitation.role, department: invitation.department }
		});
		deps.events.publish({ type: 'role_changed', reviewId: invitation.reviewId, userId });
		return ok({ reviewId: invitation.reviewId });
	}

	return {
		invite(actor: SessionUser, reviewId: string, input: z.infer<typeof InviteForm>): Result<{ token: string; invitation: InvitationRow }> {
			const allowed = requireManager(actor, reviewId);
			if (!allowed.ok) return allowed;
			const existing = deps.users.findByEmail(input.email);
			if (existing && deps.reviews.participant(reviewId, existing.id)) {
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
			const review = deps.reviews.findById(reviewId);
			const write = () => {
				deps.invitations.insert(invitation);
				if (deps.mail && deps.links && review) {
					deps.mail.enqueue({
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
			};
			if (deps.db) deps.db.transaction(write)();
			else write();
			return ok({ token, invitation: { ...invitation, acceptedAt: null, acceptedBy: null, revokedAt: null } });
		},

		pending: (reviewId: string) => deps.invitations.pendingForReview(reviewId, now()),

		revoke(actor: SessionUser, reviewId: string, invitationId: string): Result<true> {
			const allowed = requireManager(actor, reviewId);
			if (!allowed.ok) return allowed;
			return deps.invitations.revoke(invitationId, reviewId, now())
				? ok(true)
				: fail('not_found', m.reviews_error_invitation_not_pending());
		},

		lookupInvitation(token: string): Result<InvitationView> {
			const found = usableInvitation(token);
			if (!found.ok) return found;
			const review = deps.reviews.findById(found.value.reviewId);
			if (!review) return fail('not_found', m.reviews_error_invitation_review_gone());
			return ok({
				invitation: found.value,
				reviewTitle: review.title,
				portName: review.portName,
				accountExists: deps.users.findByEmail(found.value.email) !== null
			});
		},

		/** A new person: creates the account with the invited email, joins, and signs in. */
		async acceptAsNewUser(token: string, input: z.infer<typeof AcceptInvitationForm>): Promise<Result<{ reviewId: string; sessionToken: string }>> {
			const found = usableInvitation(token);
			if (!found.ok) return found;
			if (deps.users.findByEmail(found.value.email)) {
				return fail('conflict', m.reviews_error_account_exists_sign_in());
			}
			const passwordHash = await hashPassword(input.password);
			const again = usableInvitation(token);
			if (!again.ok) return again;
			if (deps.users.findByEmail(found.value.email)) return fail('conflict', m.reviews_error_account_exists());
			const userId = crypto.randomUUID();
			deps.users.insert({ id: userId, email: found.value.email, name: input.name, passwordHash, isAdmin: false, createdAt: now() });
			const joined = join(found.value, userId);
			if (!joined.ok) return joined;
			// Accepting signs the new person in: People shows it as their first sign-in.
			deps.users.touchSignIn(userId, now());
			return ok({ reviewId: joined.value.reviewId, sessionToken: deps.sessions.create(userId).token });
		},

		/** A signed-in user accepts; the invitation's email must be theirs. */
		acceptAsSignedIn(token: string, user: SessionUser): Result<{ reviewId: string }> {
			const found = usableInvitation(token);
			if (!found.ok) return found;
			if (found.value.email.toLowerCase() !== user.email.toLowerCase()) {
				return fail('forbidden', m.reviews_error_invitation_other_email({ email: found.value.email }));
			}
			return join(found.value, user.id);
		},

		changeRole(actor: SessionUser, reviewId: string, input: z.infer<typeof ChangeRoleForm>): Result<true> {
			const allowed = requireManager(actor, reviewId);
			if (!allowed.ok) return allowed;
			const target = deps.reviews.participant(reviewId, input.userId);
			if (!target) return fail('not_found', m.reviews_error_not_participant());
			if (target.role === 'facilitator' && input.role !== 'facilitator' && deps.reviews.countWithRole(reviewId, 'facilitator') === 1) {
				return fail('conflict', m.reviews_error_last_facilitator_role(), 'role');
			}
			deps.reviews.updateParticipant(reviewId, input.userId, input.role, input.department);
			deps.audit?.append({
				actorId: actor.id,
				action: 'role_changed',
				reviewId,
				details: { userId: input.userId, from: target.role, to: input.role, department: input.department }
			});
			deps.events.publish({ type: 'role_changed', reviewId, userId: input.userId });
			return ok(true);
		},

		remove(actor: SessionUser, reviewId: string, userId: string): Result<true> {
			const allowed = requireManager(actor, reviewId);
			if (!allowed.ok) return allowed;
			const target = deps.reviews.participant(reviewId, userId);
			if (!target) return fail('not_found', m.reviews_error_not_participant());
			if (target.role === 'facilitator' && deps.reviews.countWithRole(reviewId, 'facilitator') === 1) {
				return fail('conflict', m.reviews_error_last_facilitator());
			}
			deps.reviews.removeParticipant(reviewId, userId);
			deps.audit?.append({ actorId: actor.id, action: 'participant_removed', reviewId, details: { userId, role: target.role } });
			deps.events.publish({ type: 'removed', reviewId, userId });
			return ok(true);
		}
	};
}

export type ParticipantService = ReturnType<typeof createParticipantService>;
