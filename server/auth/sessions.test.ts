import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestClock, createTestServices, insertUser, type TestServices } from '../../tests/helpers/services.ts';
import { hashSecret, SESSION_COOKIE, sessionTokenFromCookieHeader } from './sessions.ts';
import type { SessionUser } from './sessions.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('session service', () => {
	let clock: ReturnType<typeof createTestClock>;
	let services: TestServices;
	let user: SessionUser;

	beforeEach(() => {
		clock = createTestClock();
		services = createTestServices({ now: clock.now });
		user = insertUser(services, { name: 'Ana Harbour', isAdmin: true });
	});

	afterEach(() => services.cleanup());

	it('uses the documented lifetimes of 12 hours idle and 7 days absolute by default', () => {
		expect(services.config.sessionIdleMs).toBe(12 * HOUR);
		expect(services.config.sessionAbsoluteMs).toBe(7 * DAY);
	});

	it('validates a freshly created token and returns its user', async () => {
		const { token, expiresAt } = await services.sessions.create(user.id);
		expect(expiresAt).toBe(clock.now() + 12 * HOUR);

		const session = await services.sessions.validate(token);
		expect(session).not.toBeNull();
		expect(session?.user).toEqual({ id: user.id, email: user.email, name: 'Ana Harbour', isAdmin: true, mayCreateReviews: true });
		expect(session?.sessionId).toBe(token.split('.')[0]);
		expect(session?.expiresAt).toBe(clock.now() + 12 * HOUR);
	});

	it('stores only a 32-byte SHA-256 hash of the secret, never the secret itself', async () => {
		const { token } = await services.sessions.create(user.id);
		const [id, secret] = token.split('.');
		const rows = services.db.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(1);
		const row = rows[0];
		expect(row.id).toBe(id);
		expect(row.user_id).toBe(user.id);
		const stored = row.secret_hash as Buffer;
		expect(Buffer.isBuffer(stored)).toBe(true);
		expect(stored.byteLength).toBe(32);
		expect(new Uint8Array(stored)).toEqual(hashSecret(secret));
		for (const value of Object.values(row)) {
			const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
			expect(text).not.toContain(secret);
		}
	});

	it('gives every new session a different id and secret', async () => {
		const a = (await services.sessions.create(user.id)).token;
		const b = (await services.sessions.create(user.id)).token;
		expect(a.split('.')[0]).not.toBe(b.split('.')[0]);
		expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
	});

	it('rejects a token whose secret was changed', async () => {
		const { token } = await services.sessions.create(user.id);
		const [id, secret] = token.split('.');
		const flipped = (secret[0] === 'a' ? 'b' : 'a') + secret.slice(1);
		expect(await services.sessions.validate(`${id}.${flipped}`)).toBeNull();
		expect(await services.sessions.validate(`${id}.${secret}x`)).toBeNull();
		// The genuine token still works afterwards: a wrong guess does not destroy the session.
		expect(await services.sessions.validate(token)).not.toBeNull();
	});

	it('rejects malformed tokens without throwing', async () => {
		const { token } = await services.sessions.create(user.id);
		const [id, secret] = token.split('.');
		const malformed = [
			'',
			'nodot',
			`${id}`,
			`${id}.`,
			`.${secret}`,
			`${id}.${secret}.extra`,
			`${id}..${secret}`,
			`${id}.${secret}${'x'.repeat(300)}`,
			'.',
			'..'
		];
		for (const value of malformed) {
			expect(await services.sessions.validate(value), value).toBeNull();
		}
		expect(await services.sessions.validate(null)).toBeNull();
		expect(await services.sessions.validate(undefined)).toBeNull();
	});

	it('rejects a well-formed token with an unknown id', async () => {
		const { token } = await services.sessions.create(user.id);
		const secret = token.split('.')[1];
		expect(await services.sessions.validate(`unknownsessionid.${secret}`)).toBeNull();
	});

	it('keeps a session valid until just before the idle limit', async () => {
		const { token } = await services.sessions.create(user.id);
		clock.advance(12 * HOUR - 1);
		expect(await services.sessions.validate(token)).not.toBeNull();
	});

	it('ends a session left idle for 12 hours and deletes its row', async () => {
		const { token } = await services.sessions.create(user.id);
		clock.advance(12 * HOUR);
		expect(await services.sessions.validate(token)).toBeNull();
		expect(await services.repos.sessions.findById(token.split('.')[0])).toBeNull();
	});

	it('extends the idle window with active use', async () => {
		const { token } = await services.sessions.create(user.id);
		clock.advance(10 * HOUR);
		const session = await services.sessions.validate(token);
		expect(session?.expiresAt).toBe(clock.now() + 12 * HOUR);
		clock.advance(10 * HOUR); // 20 h after creation, 10 h after last use
		expect(await services.sessions.validate(token)).not.toBeNull();
	});

	it('extends the idle window with active use but never the absolute one', async () => {
		const created = clock.now();
		const { token } = await services.sessions.create(user.id);
		// Used every 11 hours for almost a week: never idle for 12 hours.
		while (clock.now() + 11 * HOUR < created + 7 * DAY) {
			clock.advance(11 * HOUR);
			const session = await services.sessions.validate(token);
			expect(session, `at +${(clock.now() - created) / HOUR} h`).not.toBeNull();
			expect(session?.expiresAt).toBe(Math.min(created + 7 * DAY, clock.now() + 12 * HOUR));
		}
		clock.set(created + 7 * DAY - 1);
		expect(await services.sessions.validate(token)).not.toBeNull();
		clock.set(created + 7 * DAY);
		expect(await services.sessions.validate(token)).toBeNull();
	});

	it('revokes one session without touching the user’s others', async () => {
		const a = await services.sessions.create(user.id);
		const b = await services.sessions.create(user.id);
		await services.sessions.invalidate(a.token.split('.')[0]);
		expect(await services.sessions.validate(a.token)).toBeNull();
		expect(await services.sessions.validate(b.token)).not.toBeNull();
	});

	it('revokes every session of a user at once and leaves other users signed in', async () => {
		const other = insertUser(services, { name: 'Ben Quay' });
		const mine = [await services.sessions.create(user.id), await services.sessions.create(user.id), await services.sessions.create(user.id)];
		const theirs = await services.sessions.create(other.id);

		expect(await services.sessions.invalidateAllForUser(user.id)).toBe(3);

		for (const s of mine) expect(await services.sessions.validate(s.token)).toBeNull();
		expect((await services.sessions.validate(theirs.token))?.user.id).toBe(other.id);
	});

	it('prunes sessions past their idle or absolute limit and keeps live ones', async () => {
		const stale = await services.sessions.create(user.id);
		clock.advance(11 * HOUR);
		const fresh = await services.sessions.create(user.id);
		clock.advance(2 * HOUR); // stale: 13 h idle; fresh: 2 h

		expect(await services.sessions.pruneExpired()).toBe(1);
		expect(await services.repos.sessions.findById(stale.token.split('.')[0])).toBeNull();
		expect(await services.sessions.validate(fresh.token)).not.toBeNull();
	});
});

describe('sessionTokenFromCookieHeader', () => {
	it('finds the session cookie among other cookies', () => {
		expect(sessionTokenFromCookieHeader(`theme=dark; ${SESSION_COOKIE}=abc.def; lang=en`)).toBe('abc.def');
		expect(sessionTokenFromCookieHeader(`${SESSION_COOKIE}=abc.def`)).toBe('abc.def');
		expect(sessionTokenFromCookieHeader(`a=1;${SESSION_COOKIE}=abc.def;b=2`)).toBe('abc.def');
	});

	it('decodes a percent-encoded value', () => {
		expect(sessionTokenFromCookieHeader(`${SESSION_COOKIE}=abc%2Edef`)).toBe('abc.def');
	});

	it('does not mistake a cookie whose name merely contains the session cookie name', () => {
		expect(sessionTokenFromCookieHeader(`x${SESSION_COOKIE}=abc.def`)).toBeNull();
		expect(sessionTokenFromCookieHeader(`${SESSION_COOKIE}_old=abc.def`)).toBeNull();
	});

	it('returns null for a missing header, a missing cookie, or garbage', () => {
		expect(sessionTokenFromCookieHeader(null)).toBeNull();
		expect(sessionTokenFromCookieHeader(undefined)).toBeNull();
		expect(sessionTokenFromCookieHeader('')).toBeNull();
		expect(sessionTokenFromCookieHeader('theme=dark; lang=en')).toBeNull();
		expect(sessionTokenFromCookieHeader(';;; ===; no-equals-sign')).toBeNull();
		expect(sessionTokenFromCookieHeader(`${SESSION_COOKIE}=%E0%A4%A`)).toBeNull();
	});
});
