// The administration area's operations: people, their rights, deactivation, pending invitations
// across reviews, reset links to hand over. Administrators only (policy.ts mayAdminister); every
// change is one transaction with its audit entry. Two rules hold whatever the order of clicks:
// there is always at least one active administrator, and a deactivated account has no session
// and no open collaboration socket (closed at once, through the membership events).
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { Store, Tx } from '../persistence/store.ts';
import type { UserRepository, PersonRow } from '../persistence/users.ts';
import type { InvitationRepository } from '../persistence/invitations.ts';
import type { AuditService } from '../records/audit.ts';
import type { MembershipEvents } from '../reviews/membership-events.ts';
import type { RecoveryService } from './recovery.ts';
import type { SessionService, SessionUser } from './sessions.ts';
import { mayAdminister, type AdminAction } from './policy.ts';
import { m } from './messages.ts';

export const LAST_ADMIN = (): string => m.pages_auth_last_admin();

type Deps = {
	store: Pick<Store, 'transaction'>;
	users: UserRepository;
	invitations: InvitationRepository;
	sessions: SessionService;
	recovery: RecoveryService;
	events: MembershipEvents;
	audit: Pick<AuditService, 'appendIn'>;
	now: () => number;
};

export type Person = Omit<PersonRow, 'passwordHash'> & { hasPassword: boolean; linkedIdentity: boolean };

/** null actor: the operator at the command line (`psems users`), who has the database itself. */
type Actor = SessionUser | null;

export function createPeopleService(deps: Deps & { identitiesOf?: (userId: string) => Promise<unknown[]> }) {
	async function allowed(actor: Actor, action: AdminAction): Promise<Result<true>> {
		if (actor === null) return ok(true);
		// The right is read from the database, not the session's copy: a withdrawn admin stops at once.
		const current = await deps.users.findById(actor.id);
		if (!current || current.deactivatedAt !== null || !mayAdminister(current, action)) {
			return fail('forbidden', m.pages_auth_admin_only());
		}
		return ok(true);
	}

	function target(tx: Pick<Tx, 'users'>, userId: string) {
		const user = tx.users.findById(userId);
		return user ? ok(user) : fail('not_found', m.pages_auth_no_such_account());
	}

	return {
		async list(actor: Actor): Promise<Result<Person[]>> {
			const may = await allowed(actor, 'list_people');
			if (!may.ok) return may;
			const people: Person[] = [];
			for (const { passwordHash, ...person } of await deps.users.people()) {
				const identities = deps.identitiesOf ? await deps.identitiesOf(person.id) : [];
				people.push({ ...person, hasPassword: passwordHash !== '', linkedIdentity: identities.length > 0 });
			}
			return ok(people);
		},

		async setAdmin(actor: Actor, userId: string, isAdmin: boolean): Promise<Result<true>> {
			const may = await allowed(actor, 'grant_admin');
			if (!may.ok) return may;
			return await deps.store.transaction((tx): Result<true> => {
				const found = target(tx, userId);
				if (!found.ok) return found;
				const user = found.value;
				if (user.isAdmin === isAdmin) return ok(true);
				if (isAdmin && user.deactivatedAt !== null) return fail('conflict', m.pages_auth_target_deactivated({ name: user.name }));
				if (!isAdmin && user.deactivatedAt === null && tx.users.countActiveAdmins() <= 1) return fail('conflict', LAST_ADMIN());
				tx.users.setAdmin(userId, isAdmin);
				deps.audit.appendIn(tx, { actorId: actor?.id ?? null, action: isAdmin ? 'admin_granted' : 'admin_withdrawn', details: { userId, name: user.name } });
				return ok(true);
			});
		},

		async setReviewer(actor: Actor, userId: string, mayCreateReviews: boolean): Promise<Result<true>> {
			const may = await allowed(actor, 'grant_reviewer');
			if (!may.ok) return may;
			return await deps.store.transaction((tx): Result<true> => {
				const found = target(tx, userId);
				if (!found.ok) return found;
				if (found.value.mayCreateReviews === mayCreateReviews) return ok(true);
				tx.users.setReviewer(userId, mayCreateReviews);
				deps.audit.appendIn(tx, {
					actorId: actor?.id ?? null,
					action: mayCreateReviews ? 'reviewer_granted' : 'reviewer_withdrawn',
					details: { userId, name: found.value.name }
				});
				return ok(true);
			});
		},

		/** Ends every session and link, then closes every open socket; signatures and audit entries stay. */
		async deactivate(actor: Actor, userId: string): Promise<Result<true>> {
			const may = await allowed(actor, 'deactivate_account');
			if (!may.ok) return may;
			if (actor && actor.id === userId) return fail('conflict', m.pages_auth_no_self_deactivate());
			const outcome = await deps.store.transaction((tx): Result<boolean> => {
				const found = target(tx, userId);
				if (!found.ok) return found;
				const user = found.value;
				if (user.deactivatedAt !== null) return ok(false);
				if (user.isAdmin && tx.users.countActiveAdmins() <= 1) return fail('conflict', LAST_ADMIN());
				const at = deps.now();
				tx.users.setDeactivated(userId, at);
				const sessions = deps.sessions.invalidateAllForUserIn(tx, userId);
				tx.passwordResets.retireForUser(userId, at);
				deps.audit.appendIn(tx, { actorId: actor?.id ?? null, action: 'account_deactivated', details: { userId, name: user.name, sessionsEnded: sessions } });
				return ok(true);
			});
			if (!outcome.ok) return outcome;
			// After the commit: the sockets reconnect, and their session no longer validates.
			if (outcome.value) deps.events.publish({ type: 'account_closed', userId, reason: 'deactivated' });
			return ok(true);
		},

		async reactivate(actor: Actor, userId: string): Promise<Result<true>> {
			const may = await allowed(actor, 'deactivate_account');
			if (!may.ok) return may;
			return await deps.store.transaction((tx): Result<true> => {
				const found = target(tx, userId);
				if (!found.ok) return found;
				if (found.value.deactivatedAt === null) return ok(true);
				tx.users.setDeactivated(userId, null);
				deps.audit.appendIn(tx, { actorId: actor?.id ?? null, action: 'account_reactivated', details: { userId, name: found.value.name } });
				return ok(true);
			});
		},

		/**
		 * A new account without a password (the operator's `psems users create`): it signs in
		 * through the identity provider, or sets a password from the reset link returned.
		 */
		async create(actor: Actor, input: { name: string; email: string; isAdmin: boolean; mayCreateReviews: boolean }): Promise<Result<{ userId: string; link: string }>> {
			const may = await allowed(actor, 'grant_admin');
			if (!may.ok) return may;
			if (await deps.users.findByEmail(input.email)) return fail('conflict', m.pages_auth_account_exists({ email: input.email }), 'email');
			const userId = crypto.randomUUID();
			const created = await deps.store.transaction((tx) => {
				tx.users.insert({ id: userId, email: input.email, name: input.name, passwordHash: '', isAdmin: input.isAdmin, mayCreateReviews: input.mayCreateReviews, createdAt: deps.now() });
				deps.audit.appendIn(tx, { actorId: actor?.id ?? null, action: 'account_created', details: { userId, name: input.name, email: input.email, isAdmin: input.isAdmin, mayCreateReviews: input.mayCreateReviews } });
				return deps.recovery.issueForIn(tx, userId, actor?.id ?? null);
			});
			return created.ok ? ok({ userId, link: created.value.link }) : created;
		},

		/** A link to copy (and a mail, when mail is configured). */
		async issueResetLink(actor: Actor, userId: string): Promise<Result<{ link: string; expiresAt: number }>> {
			const may = await allowed(actor, 'issue_reset_link');
			if (!may.ok) return may;
			return deps.recovery.issueFor(userId, actor?.id ?? null);
		},

		async pendingInvitations(actor: Actor) {
			const may = await allowed(actor, 'list_people');
			if (!may.ok) return may;
			return ok(
				(await deps.invitations.pendingAll(deps.now())).map((i) => ({
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
