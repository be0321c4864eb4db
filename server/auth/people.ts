// The administration area's operations: people, their rights, deactivation, pending invitations
// across reviews, reset links to hand over. Administrators only (policy.ts mayAdminister); every
// change is one transaction with its audit entry. Two rules hold whatever the order of clicks:
// there is always at least one active administrator, and a deactivated account has no session
// and no open collaboration socket (closed at once, through the membership events).
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { Db } from '../persistence/database.ts';
import type { UserRepository, PersonRow } from '../persistence/users.ts';
import type { InvitationRepository } from '../persistence/invitations.ts';
import type { PasswordResetRepository } from '../persistence/password-resets.ts';
import type { AuditService } from '../records/audit.ts';
import type { MembershipEvents } from '../reviews/membership-events.ts';
import type { RecoveryService } from './recovery.ts';
import type { SessionService, SessionUser } from './sessions.ts';
import { mayAdminister, type AdminAction } from './policy.ts';
import { m } from './messages.ts';

export const LAST_ADMIN = (): string => m.pages_auth_last_admin();

type Deps = {
	db: Db;
	users: UserRepository;
	invitations: InvitationRepository;
	resets: PasswordResetRepository;
	sessions: SessionService;
	recovery: RecoveryService;
	events: MembershipEvents;
	audit: Pick<AuditService, 'append'>;
	now: () => number;
};

export type Person = Omit<PersonRow, 'passwordHash'> & { hasPassword: boolean; linkedIdentity: boolean };

/** null actor: the operator at the command line (`psems users`), who has the database itself. */
type Actor = SessionUser | null;

export function createPeopleService(deps: Deps & { identitiesOf?: (userId: string) => unknown[] }) {
	function allowed(actor: Actor, action: AdminAction): Result<true> {
		if (actor === null) return ok(true);
		// The right is read from the database, not the session's copy: a withdrawn admin stops at once.
		const current = deps.users.findById(actor.id);
		if (!current || current.deactivatedAt !== null || !mayAdminister(current, action)) {
			return fail('forbidden', m.pages_auth_admin_only());
		}
		return ok(true);
	}

	function target(userId: string) {
		const user = deps.users.findById(userId);
		return user ? ok(user) : fail('not_found', m.pages_auth_no_such_account());
	}

	return {
		list(actor: Actor): Result<Person[]> {
			const may = allowed(actor, 'list_people');
			if (!may.ok) return may;
			return ok(
				deps.users.people().map(({ passwordHash, ...person }) => ({
					...person,
					hasPassword: passwordHash !== '',
					linkedIdentity: (deps.identitiesOf?.(person.id).length ?? 0) > 0
				}))
			);
		},

		setAdmin(actor: Actor, userId: string, isAdmin: boolean): Result<true> {
			const may = allowed(actor, 'grant_admin');
			if (!may.ok) return may;
			return deps.db.transaction((): Result<true> => {
				const found = target(userId);
				if (!found.ok) return found;
				const user = found.value;
				if (user.isAdmin === isAdmin) return ok(true);
				if (isAdmin && user.deactivatedAt !== null) return fail('conflict', m.pages_auth_target_deactivated({ name: user.name }));
				if (!isAdmin && user.deactivatedAt === null && deps.users.countActiveAdmins() <= 1) return fail('conflict', LAST_ADMIN());
				deps.users.setAdmin(userId, isAdmin);
				deps.audit.append({ actorId: actor?.id ?? null, action: isAdmin ? 'admin_granted' : 'admin_withdrawn', details: { userId, name: user.name } });
				return ok(true);
			})();
		},

		setReviewer(actor: Actor, userId: string, mayCreateReviews: boolean): Result<true> {
			const may = allowed(actor, 'grant_reviewer');
			if (!may.ok) return may;
			return deps.db.transaction((): Result<true> => {
				const found = target(userId);
				if (!found.ok) return found;
				if (found.value.mayCreateReviews === mayCreateReviews) return ok(true);
				deps.users.setReviewer(userId, mayCreateReviews);
				deps.audit.append({
					actorId: actor?.id ?? null,
					action: mayCreateReviews ? 'reviewer_granted' : 'reviewer_withdrawn',
					details: { userId, name: found.value.name }
				});
				return ok(true);
			})();
		},

		/** Ends every session and link, then closes every open socket; signatures and audit entries stay. */
		deactivate(actor: Actor, userId: string): Result<true> {
			const may = allowed(actor, 'deactivate_account');
			if (!may.ok) return may;
			if (actor && actor.id === userId) return fail('conflict', m.pages_auth_no_self_deactivate());
			const outcome = deps.db.transaction((): Result<boolean> => {
				const found = target(userId);
				if (!found.ok) return found;
				const user = found.value;
				if (user.deactivatedAt !== null) return ok(false);
				if (user.isAdmin && deps.users.countActiveAdmins() <= 1) return fail('conflict', LAST_ADMIN());
				const at = deps.now();
				deps.users.setDeactivated(userId, at);
				const sessions = deps.sessions.invalidateAllForUser(userId);
				deps.resets.retireForUser(userId, at);
				deps.audit.append({ actorId: actor?.id ?? null, action: 'account_deactivated', details: { userId, name: user.name, sessionsEnded: sessions } });
				return ok(true);
			})();
			if (!outcome.ok) return outcome;
			// After the commit: the sockets reconnect, and their session no longer validates.
			if (outcome.value) deps.events.publish({ type: 'account_closed', userId, reason: 'deactivated' });
			return ok(true);
		},

		reactivate(actor: Actor, userId: string): Result<true> {
			const may = allowed(actor, 'deactivate_account');
			if (!may.ok) return may;
			return deps.db.transaction((): Result<true> => {
				const found = target(userId);
				if (!found.ok) return found;
				if (found.value.deactivatedAt === null) return ok(true);
				deps.users.setDeactivated(userId, null);
				deps.audit.append({ actorId: actor?.id ?? null, action: 'account_reactivated', details: { userId, name: found.value.name } });
				return ok(true);
			})();
		},

		/**
		 * A new account without a password (the operator's `psems users create`): it signs in
		 * through the identity provider, or sets a password from the reset link returned.
		 */
		create(actor: Actor, input: { name: string; email: string; isAdmin: boolean; mayCreateReviews: boolean }): Result<{ userId: string; link: string }> {
			const may = allowed(actor, 'grant_admin');
			if (!may.ok) return may;
			if (deps.users.findByEmail(input.email)) return fail('conflict', m.pages_auth_account_exists({ email: input.email }), 'email');
			const userId = crypto.randomUUID();
			const created = deps.db.transaction(() => {
				deps.users.insert({ id: userId, email: input.email, name: input.name, passwordHash: '', isAdmin: input.isAdmin, mayCreateReviews: input.mayCreateReviews, createdAt: deps.now() });
				deps.audit.append({ actorId: actor?.id ?? null, action: 'account_created', details: { userId, name: input.name, email: input.email, isAdmin: input.isAdmin, mayCreateReviews: input.mayCreateReviews } });
				return deps.recovery.issueFor(userId, actor?.id ?? null);
			})();
			return created.ok ? ok({ userId, link: created.value.link }) : created;
		},

		/** A link to copy (and a mail, when mail is configured). */
		issueResetLink(actor: Actor, userId: string): Result<{ link: string; expiresAt: number }> {
			const may = allowed(actor, 'issue_reset_link');
			if (!may.ok) return may;
			return deps.recovery.issueFor(userId, actor?.id ?? null);
		},

		pendingInvitations(actor: Actor) {
			const may = allowed(actor, 'list_people');
			if (!may.ok) return may;
			return ok(
				deps.invitations.pendingAll(deps.now()).map((i) => ({
					id: i.id,
					reviewId: i.reviewId,
					reviewTitle: i.reviewTitle,
					name: i.name,
					email: i.email,
					role: i.role,
					createdAt: i.createdAt,
					expiresAt: i.expiresAt
				}))
			);
		}
	};
}

export type PeopleService = ReturnType<typeof createPeopleService>;
