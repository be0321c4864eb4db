// Account operations: the first-run setup, sign-in, password change. Each returns a Result with a
// stable code; routes only map it to a page.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { LoginForm, SetupForm } from '../../src/lib/shared/forms.ts';
import type { UserRepository } from '../persistence/users.ts';
import type { RecordLanguage as InterfaceLocale } from '../../src/lib/shared/framework/languages.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import type { SessionService } from './sessions.ts';
import type { LoginThrottle } from './throttle.ts';
import type { AuditService } from '../records/audit.ts';
import { m } from './messages.ts';

// Messages are functions: each call speaks the language of the request it answers.
export const GENERIC_LOGIN_FAILURE = (): string => m.pages_auth_login_failure();
export const ACCOUNT_DEACTIVATED = (): string => m.pages_auth_account_deactivated();
export const PASSWORD_SIGN_IN_OFF = (): string => m.pages_auth_password_sign_in_off();

/** true / false, or how long the account is locked after too many wrong passwords. */
export type PasswordConfirmation = boolean | { throttledForSeconds: number };

/** "4 minutes", "1 minute": a remaining lock time as a person reads it, rounded up. */
export function describeWait(seconds: number): string {
	return m.pages_auth_wait_minutes({ count: Math.ceil(seconds / 60) });
}

type Deps = {
	users: UserRepository;
	/** false: PASSWORD_SIGN_IN=off, only the identity provider signs people in. */
	passwordSignIn?: boolean;
	sessions: SessionService;
	throttle: LoginThrottle;
	audit?: Pick<AuditService, 'append'>;
	now?: () => number;
};

export function createAccountService(deps: Deps) {
	const now = deps.now ?? Date.now;
	return {
		needsSetup: async (): Promise<boolean> => (await deps.users.count()) === 0,

		/** Creates the first account, an administrator. Closed for good once any user exists. */
		async setupFirstAccount(input: z.infer<typeof SetupForm>): Promise<Result<{ userId: string; token: string }>> {
			if ((await deps.users.count()) > 0) return fail('conflict', m.pages_auth_setup_complete());
			const passwordHash = await hashPassword(input.password);
			// Re-check after the await: two first-run tabs must not both become the first admin.
			if ((await deps.users.count()) > 0) return fail('conflict', m.pages_auth_setup_complete());
			const id = crypto.randomUUID();
			// The first account administers and may create reviews (it is the first facilitator too).
			await deps.users.insert({ id, email: input.email, name: input.name, passwordHash, isAdmin: true, mayCreateReviews: true, createdAt: now() });
			await deps.users.touchSignIn(id, now());
			await deps.audit?.append({ actorId: id, action: 'sign_in', details: { via: 'first-run setup' } });
			return ok({ userId: id, token: (await deps.sessions.create(id)).token });
		},

		async signIn(input: z.infer<typeof LoginForm>, ip: string): Promise<Result<{ userId: string; token: string }>> {
			if (deps.passwordSignIn === false) return fail('forbidden', PASSWORD_SIGN_IN_OFF());
			const { wait, attempt } = await deps.throttle.admit(input.email, ip);
			if (attempt === null) {
				return fail('throttled', m.pages_auth_sign_in_throttled({ wait: describeWait(wait) }));
			}
			const user = await deps.users.findByEmail(input.email);
			const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
			if (!user || !valid) return fail('unauthenticated', GENERIC_LOGIN_FAILURE());
			// Said only to someone who knows the password; the attempt still counts.
			if (user.deactivatedAt !== null) return fail('forbidden', ACCOUNT_DEACTIVATED());
			await deps.throttle.succeeded(input.email, attempt);
			await deps.users.touchSignIn(user.id, now());
			await deps.audit?.append({ actorId: user.id, action: 'sign_in', details: { ip } });
			return ok({ userId: user.id, token: (await deps.sessions.create(user.id)).token });
		},

		/** Changes the password and revokes every session of the user, then opens a fresh one. */
		async changePassword(userId: string, current: string, next: string): Promise<Result<{ token: string }>> {
			if (deps.passwordSignIn === false) return fail('forbidden', PASSWORD_SIGN_IN_OFF());
			const user = await deps.users.findById(userId);
			if (!user) return fail('not_found', m.pages_auth_account_not_found());
			if (!(await verifyPassword(user.passwordHash, current))) {
				return fail('unauthenticated', m.pages_auth_current_password_wrong(), 'current');
			}
			await deps.users.setPassword(userId, await hashPassword(next), now());
			await deps.sessions.invalidateAllForUser(userId);
			return ok({ token: (await deps.sessions.create(userId)).token });
		},

		/** The interface language the person chose; null hands the choice back to their browser. */
		async setInterfaceLocale(userId: string, locale: InterfaceLocale | null): Promise<void> {
			await deps.users.setLocale(userId, locale);
		},

		/** Whether this account can prove itself with a password (it has one, and passwords are on). */
		async hasUsablePassword(userId: string): Promise<boolean> {
			const user = await deps.users.findById(userId);
			return deps.passwordSignIn !== false && !!user && user.passwordHash !== '';
		},

		/**
		 * Re-checks a signed-in user's password (sign-off). Throttled like sign-in, per account, so a
		 * session left open cannot be used to guess the password at the signing step; a throttled
		 * answer says how many seconds remain.
		 */
		async confirmPassword(userId: string, password: string): Promise<PasswordConfirmation> {
			const user = await deps.users.findById(userId);
			if (!user || user.deactivatedAt !== null || deps.passwordSignIn === false) return false;
			const origin = `password-confirmation:${userId}`;
			const { wait, attempt } = await deps.throttle.admit(user.email, origin);
			if (attempt === null) return { throttledForSeconds: wait };
			if (!(await verifyPassword(user.passwordHash, password))) return false;
			await deps.throttle.succeeded(user.email, attempt);
			return true;
		}
	};
}

export type AccountService = ReturnType<typeof createAccountService>;
