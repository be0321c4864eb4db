// Account recovery: a single-use reset link, 30 minutes, only SHA-256 of its token stored (like
// session secrets and invitations). Asking for one answers the same whether or not the address
// has an account, and is throttled per address and per IP. The link is spent in the same
// transaction that sets the new password and ends every session of the account; the account's
// open collaboration sockets are closed right after.
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { safeRedirectPath } from '../../src/lib/shared/safe-redirect.ts';
import type { Store, Tx } from '../persistence/store.ts';
import type { UserRepository, UserRow } from '../persistence/users.ts';
import type { AuditService } from '../records/audit.ts';
import type { MembershipEvents } from '../reviews/membership-events.ts';
import type { MailOutbox } from '../mail/outbox.ts';
import type { PublicLinks } from '../mail/links.ts';
import { passwordResetMail } from '../mail/templates.ts';
import { hashPassword } from './passwords.ts';
import { hashSecret, randomSecret, type SessionService } from './sessions.ts';
import type { LoginThrottle } from './throttle.ts';
import { m } from './messages.ts';
import { describeWait } from './accounts.ts';

export const RESET_LIFETIME_MS = 30 * 60 * 1000;
export const RESET_REQUESTED = (): string => m.pages_auth_reset_requested();
const LINK_UNUSABLE = (): string => m.pages_auth_reset_unusable();

type Deps = {
	store: Pick<Store, 'transaction'>;
	users: UserRepository;
	sessions: SessionService;
	/** Its own throttle (keys apart from sign-in), so asking for links cannot lock anyone's sign-in. */
	throttle: LoginThrottle;
	mail: MailOutbox;
	links: PublicLinks;
	events: MembershipEvents;
	audit: Pick<AuditService, 'appendIn'>;
	now: () => number;
};

export function createRecoveryService(deps: Deps) {
	/** Writes a new link for the user (retiring earlier ones) and returns its token. Inside a transaction. */
	function issue(tx: Tx, user: UserRow, issuedBy: string | null, returnTo: string): { token: string; link: string; expiresAt: number } {
		const at = deps.now();
		tx.passwordResets.retireForUser(user.id, at);
		const token = randomSecret(24);
		const expiresAt = at + RESET_LIFETIME_MS;
		tx.passwordResets.insert({ id: crypto.randomUUID(), tokenHash: hashSecret(token), userId: user.id, issuedBy, createdAt: at, expiresAt, returnTo: safeRedirectPath(returnTo) });
		deps.audit.appendIn(tx, { actorId: issuedBy, action: 'password_reset_issued', details: { userId: user.id, by: issuedBy ? 'administrator' : 'self' } });
		return { token, link: deps.links.to(`/reset/${token}`), expiresAt };
	}

	/** Read inside a transaction: the reset re-checks the link in the one that spends it. */
	function usable(tx: Pick<Tx, 'passwordResets' | 'users'>, token: string) {
		const row = token.length > 0 && token.length <= 100 ? tx.passwordResets.findByTokenHash(hashSecret(token)) : null;
		if (!row || row.usedAt !== null || row.expiresAt <= deps.now()) return null;
		const user = tx.users.findById(row.userId);
		if (!user || user.deactivatedAt !== null) return null;
		return { row, user };
	}

	function issueForIn(tx: Tx, userId: string, issuedBy: string | null): Result<{ link: string; expiresAt: number }> {
		const user = tx.users.findById(userId);
		if (!user) return fail('not_found', m.pages_auth_account_not_found());
		if (user.deactivatedAt !== null) return fail('conflict', m.pages_auth_target_deactivated({ name: user.name }));
		const issued = issue(tx, user, issuedBy, '/');
		deps.mail.enqueueIn(tx, {
			kind: 'password_reset',
			toAddress: user.email,
			toName: user.name,
			secret: true,
			...passwordResetMail({ to: user, link: issued.link, minutes: RESET_LIFETIME_MS / 60_000, byAdministrator: true })
		});
		return ok({ link: issued.link, expiresAt: issued.expiresAt });
	}

	return {
		/** "Forgot your password?"
: the same answer for every address; mail only to an active account. */
		async request(email: string, ip: string, returnTo = '/'): Promise<Result<{ message: string }>> {
			// Every request counts (found or not), so the throttle says nothing about which addresses exist.
			const { wait, attempt } = await deps.throttle.admit(email, ip);
			if (attempt === null) {
				return fail('throttled', m.pages_auth_reset_throttled({ wait: describeWait(wait) }));
			}
			const user = await deps.users.findByEmail(email);
			if (user && user.deactivatedAt === null) {
				await deps.store.transaction((tx) => {
					const { link } = issue(tx, user, null, returnTo);
					deps.mail.enqueueIn(tx, {
						kind: 'password_reset',
						toAddress: user.email,
						toName: user.name,
						secret: true,
						...passwordResetMail({ to: user, link, minutes: RESET_LIFETIME_MS / 60_000, byAdministrator: false })
					});
				});
			}
			return ok({ message: RESET_REQUESTED() });
		},

		/**
		 * A link an administrator (or the CLI) hands over: also mailed, when mail is configured.
		 * Inside the caller's checks; returns the link to copy.
		 */
		issueFor: (userId: string, issuedBy: string | null): Promise<Result<{ link: string; expiresAt: number }>> =>
			deps.store.transaction((tx) => issueForIn(tx, userId, issuedBy)),

		/** The same inside the caller's transaction (an account created with its first link). */
		issueForIn,


		/** Whose link this is, for the reset page; null when it cannot be used. */
		async lookup(token: string): Promise<{ name: string; email: string; expiresAt: number } | null> {
			const found = await deps.store.transaction((tx) => usable(tx, token));
			return found ? { name: found.user.name, email: found.user.email, expiresAt: found.row.expiresAt } : null;
		},

		/** Sets the new password, spends the link, ends every session, and opens a fresh one. */
		async reset(token: string, password: string): Promise<Result<{ sessionToken: string; userId: string; returnTo: string }>> {
			if (!(await deps.store.transaction((tx) => usable(tx, token)))) return fail('expired', LINK_UNUSABLE());
			const passwordHash = await hashPassword(password);
			// Everything is checked again after the slow hash: a second tab may have used the link.
			const outcome = await deps.store.transaction((tx): Result<{ userId: string; returnTo: string }> => {
				const found = usable(tx, token);
				if (!found || !tx.passwordResets.markUsed(found.row.id, deps.now())) return fail('expired', LINK_UNUSABLE());
				tx.users.setPassword(found.user.id, passwordHash, deps.now());
				tx.passwordResets.retireForUser(found.user.id, deps.now());
				deps.sessions.invalidateAllForUserIn(tx, found.user.id);
				deps.audit.appendIn(tx, { actorId: found.user.id, action: 'password_reset', details: { userId: found.user.id } });
				return ok({ userId: found.user.id, returnTo: found.row.returnTo });
			});
			if (!outcome.ok) return outcome;
			deps.events.publish({ type: 'account_closed', userId: outcome.value.userId, reason: 'password_reset' });
			await deps.users.touchSignIn(outcome.value.userId, deps.now());
			return ok({ ...outcome.value, sessionToken: (await deps.sessions.create(outcome.value.userId)).token });
		}
	};
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;
