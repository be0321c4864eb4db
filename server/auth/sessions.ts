// Sessions in the Lucia project's current recipe: the token handed to the browser is
// "<id>.<secret>"; only SHA-256(secret) is stored, compared in constant time, so a read of the
// database does not yield usable tokens.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { SessionRepository } from '../persistence/sessions.ts';
import type { UserRepository, UserRow } from '../persistence/users.ts';
import type { Tx } from '../persistence/store.ts';

export const SESSION_COOKIE = 'psems_session';

/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionUser = Pick<UserRow, 'id' | 'email' | 'name' | 'isAdmin' | 'mayCreateReviews'>;
/** `locale`: the interface language the person chose, if any (their account's, not the session's). */
export type ValidSession = { sessionId: string; user: SessionUser; locale: UserRow['locale']; expiresAt: number };

export function randomSecret(bytes = 20): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export type SessionServiceOptions = {
	sessions: SessionRepository;
	users: UserRepository;
	idleMs: number;
	absoluteMs: number;
	now?: () => number;
};

export function createSessionService(opts: SessionServiceOptions) {
	const now = opts.now ?? Date.now;

	function expiryOf(createdAt: number, lastSeenAt: number): number {
		return Math.min(createdAt + opts.absoluteMs, lastSeenAt + opts.idleMs);
	}

	function newSession(userId: string) {
		const id = randomSecret();
		const secret = randomSecret();
		const at = now();
		return { row: { id, secretHash: hashSecret(secret), userId, createdAt: at, lastSeenAt: at }, issued: { token: `${id}.${secret}`, expiresAt: expiryOf(at, at) } };
	}

	return {
		/** Always a new session (a new id at every sign-in defeats session fixation). */
		async create(userId: string): Promise<{ token: string; expiresAt: number }> {
			const { row, issued } = newSession(userId);
			await opts.sessions.insert(row);
			return issued;
		},

		/** The same, inside the caller's transaction (it commits with the sign-in it belongs to). */
		createIn(tx: Pick<Tx, 'sessions'>, userId: string): { token: string; expiresAt: number } {
			const { row, issued } = newSession(userId);
			tx.sessions.insert(row);
			return issued;
		},

		async validate(token: string | null | undefined): Promise<ValidSession | null> {
			if (!token) return null;
			const parts = token.split('.');
			if (parts.length !== 2 || parts[0].length === 0 || parts[1].length === 0 || token.length > 200) return null;
			const [id, secret] = parts;
			const row = await opts.sessions.findById(id);
			if (!row) return null;
			if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return null;
			const at = now();
			if (at >= expiryOf(row.createdAt, row.lastSeenAt)) {
				await opts.sessions.delete(id);
				return null;
			}
			const user = await opts.users.findById(row.userId);
			if (!user) return null;
			// Deactivation deletes the sessions too; this also refuses one that raced it.
			if (user.deactivatedAt !== null) {
				await opts.sessions.delete(id);
				return null;
			}
			let lastSeen = row.lastSeenAt;
			if (at - row.lastSeenAt > TOUCH_INTERVAL_MS) {
				await opts.sessions.touch(id, at);
				lastSeen = at;
			}
			return {
				sessionId: id,
				user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, mayCreateReviews: user.mayCreateReviews },
				locale: user.locale,
				expiresAt: expiryOf(row.createdAt, lastSeen)
			};
		},

		invalidate: (sessionId: string) => opts.sessions.delete(sessionId),
		invalidateAllForUser: (userId: string) => opts.sessions.deleteForUser(userId),
		/** Inside the caller's transaction (a password change or deactivation ends them with it). */
		invalidateAllForUserIn: (tx: Pick<Tx, 'sessions'>, userId: string) => tx.sessions.deleteForUser(userId),
		pruneExpired: () => {
			const at = now();
			return opts.sessions.deleteExpired(at - opts.absoluteMs, at - opts.idleMs);
		}
	};
}

export type SessionService = ReturnType<typeof createSessionService>;

/** Reads the session token from a Cookie header (used by the WebSocket upgrade). */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() === SESSION_COOKIE) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}
