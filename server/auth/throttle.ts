// Sign-in throttling per account and per IP address. Fixed windows over recorded failures:
// simple to reason about and survives restarts (the failures live in SQLite).
// Checking and counting an attempt are one transaction (`admit`), so parallel guesses cannot all
// pass the check before any is counted; on PostgreSQL that transaction needs a per-key lock.
import type { LoginAttemptQueries } from '../persistence/login-attempts.ts';
import type { Store } from '../persistence/store.ts';

export type ThrottleLimits = { perAccount: number; perIp: number; windowMs: number };

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perIp: 20, windowMs: 15 * 60 * 1000 };

/** Reset-link requests: fewer per address (each one is a mail), the same per IP. */
export const RESET_REQUEST_THROTTLE: ThrottleLimits = { perAccount: 3, perIp: 20, windowMs: 15 * 60 * 1000 };

export type Admission = { wait: number; attempt: null } | { wait: null; attempt: { ipAttempt: number } };

export function createLoginThrottle(
	store: Pick<Store, 'transaction'>,
	limits: ThrottleLimits = DEFAULT_THROTTLE,
	now: () => number = Date.now,
	/** Keeps another throttle's counts apart (e.g. "reset:"); sign-in uses none. */
	scope = ''
) {
	const accountKey = (email: string) => `${scope}account:${email.trim().toLowerCase()}`;
	const ipKey = (ip: string) => `${scope}ip:${ip}`;

	function retryAfter(attempts: LoginAttemptQueries, key: string, limit: number): number | null {
		const since = now() - limits.windowMs;
		const { count, oldest } = attempts.countSince(key, since);
		if (count < limit || oldest === null) return null;
		return Math.max(1, Math.ceil((oldest + limits.windowMs - now()) / 1000));
	}

	function check(attempts: LoginAttemptQueries, email: string, ip: string): number | null {
		const a = retryAfter(attempts, accountKey(email), limits.perAccount);
		const b = retryAfter(attempts, ipKey(ip), limits.perIp);
		if (a === null && b === null) return null;
		return Math.max(a ?? 0, b ?? 0);
	}

	function begin(attempts: LoginAttemptQueries, email: string, ip: string): { ipAttempt: number } {
		const at = now();
		attempts.record(accountKey(email), at);
		const ipAttempt = attempts.record(ipKey(ip), at);
		attempts.prune(at - limits.windowMs * 4);
		return { ipAttempt };
	}

	return {
		/** Seconds until another attempt is allowed, or null when allowed now. */
		check: (email: string, ip: string): Promise<number | null> => store.transaction((tx) => check(tx.loginAttempts, email, ip)),
		/**
		 * Checks and, when allowed, counts an attempt before the password is checked. Password
		 * hashing is slow and asynchronous, so counting only afterwards would let parallel guesses
		 * all pass the check.
		 */
		admit: (email: string, ip: string): Promise<Admission> =>
			store.transaction((tx): Admission => {
				const wait = check(tx.loginAttempts, email, ip);
				return wait !== null ? { wait, attempt: null } : { wait: null, attempt: begin(tx.loginAttempts, email, ip) };
			}),
		/** Counts an attempt without checking (a request that is answered the same either way). */
		begin: (email: string, ip: string): Promise<{ ipAttempt: number }> => store.transaction((tx) => begin(tx.loginAttempts, email, ip)),
		/** A correct password: the account's failures are forgiven and this attempt does not count. */
		succeeded: (email: string, attempt: { ipAttempt: number }): Promise<void> =>
			store.transaction((tx) => {
				tx.loginAttempts.clear(accountKey(email));
				tx.loginAttempts.remove(attempt.ipAttempt);
			})
	};
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
