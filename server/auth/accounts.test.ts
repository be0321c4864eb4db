import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestClock, createTestServices, uniqueEmail, type TestServices } from '../../tests/helpers/services.ts';
import { LoginForm, SetupForm } from '../../src/lib/shared/forms.ts';
import { GENERIC_LOGIN_FAILURE } from './accounts.ts';

const PASSWORD = 'correct horse battery';
const IP = '10.0.0.1';

describe('account service', () => {
	let clock: ReturnType<typeof createTestClock>;
	let services: TestServices;

	beforeEach(() => {
		clock = createTestClock();
		services = createTestServices({ now: clock.now });
	});

	afterEach(() => services.cleanup());

	async function setupAdmin(email = uniqueEmail('admin')) {
		const result = await services.accounts.setupFirstAccount(SetupForm.parse({ name: 'Ada Admin', email, password: PASSWORD }));
		if (!result.ok) throw new Error(result.error.message);
		return { ...result.value, email };
	}

	const signIn = async (email: string, password: string, ip = IP) => await services.accounts.signIn(LoginForm.parse({ email, password }), ip);

	describe('first-run setup', () => {
		it('needs setup while no account exists, and not afterwards', async () => {
			expect(await services.accounts.needsSetup()).toBe(true);
			await setupAdmin();
			expect(await services.accounts.needsSetup()).toBe(false);
		});

		it('records the first sign-in in the audit log', async () => {
			const admin = await setupAdmin();
			expect((await services.repos.auditLog.all()).map((e) => ({ action: e.action, actorId: e.actorId }))).toContainEqual({ action: 'sign_in', actorId: admin.userId });
		});

		it('creates an administrator and signs them in', async () => {
			const admin = await setupAdmin();
			const session = await services.sessions.validate(admin.token);
			expect(session?.user).toEqual({ id: admin.userId, email: admin.email, name: 'Ada Admin', isAdmin: true, mayCreateReviews: true });
		});

		it('refuses a second setup once an account exists', async () => {
			await setupAdmin();
			const second = await services.accounts.setupFirstAccount(
				SetupForm.parse({ name: 'Mallory', email: uniqueEmail('mallory'), password: PASSWORD })
			);
			expect(second).toEqual({ ok: false, error: { code: 'conflict', message: 'Setup is already complete. Sign in instead.' } });
			expect(await services.repos.users.count()).toBe(1);
		});

		it('lets only one of two simultaneous first-run setups become the administrator', async () => {
			const [a, b] = await Promise.all([
				await services.accounts.setupFirstAccount(SetupForm.parse({ name: 'A', email: uniqueEmail('a'), password: PASSWORD })),
				await services.accounts.setupFirstAccount(SetupForm.parse({ name: 'B', email: uniqueEmail('b'), password: PASSWORD }))
			]);
			expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
			expect(await services.repos.users.count()).toBe(1);
		});

		it('stores the password as an argon2id hash with m=19456, t=2, p=1', async () => {
			const admin = await setupAdmin();
			const row = services.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(admin.userId) as { password_hash: string };
			expect(row.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
			expect(row.password_hash).not.toContain(PASSWORD);
		});
	});

	describe('sign-in', () => {
		it('signs in with the right password, whatever the case of the email', async () => {
			const admin = await setupAdmin();
			const result = await signIn(admin.email.toUpperCase(), PASSWORD);
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.value.userId).toBe(admin.userId);
			expect((await services.sessions.validate(result.value.token))?.user.id).toBe(admin.userId);
		});

		it('answers a wrong password and an unknown email with the same generic error', async () => {
			const admin = await setupAdmin();
			const wrongPassword = await signIn(admin.email, 'not the password');
			const unknownEmail = await signIn(uniqueEmail('nobody'), PASSWORD, '10.0.0.2');
			const expected = { ok: false, error: { code: 'unauthenticated', message: GENERIC_LOGIN_FAILURE() } };
			expect(wrongPassword).toEqual(expected);
			expect(unknownEmail).toEqual(expected);
		});

		it('throttles the 6th attempt on an account even when the password is right', async () => {
			const admin = await setupAdmin();
			for (let i = 0; i < 5; i++) expect((await signIn(admin.email, `wrong ${i}`)).ok).toBe(false);
			const sixth = await signIn(admin.email, PASSWORD);
			expect(sixth.ok ? null : sixth.error.code).toBe('throttled');
		});

		it('lets the account in again after the throttle window', async () => {
			const admin = await setupAdmin();
			for (let i = 0; i < 5; i++) await signIn(admin.email, `wrong ${i}`);
			clock.advance(15 * 60 * 1000 + 1);
			expect((await signIn(admin.email, PASSWORD)).ok).toBe(true);
		});

		it('forgets earlier failures after a successful sign-in', async () => {
			const admin = await setupAdmin();
			for (let i = 0; i < 4; i++) await signIn(admin.email, `wrong ${i}`);
			expect((await signIn(admin.email, PASSWORD)).ok).toBe(true);
			for (let i = 0; i < 4; i++) await signIn(admin.email, `wrong again ${i}`);
			expect((await signIn(admin.email, PASSWORD)).ok).toBe(true);
		});

		it('opens a new session at every sign-in, keeping the earlier ones', async () => {
			const admin = await setupAdmin();
			const first = await signIn(admin.email, PASSWORD);
			const second = await signIn(admin.email, PASSWORD);
			if (!first.ok || !second.ok) throw new Error('sign-in failed');
			expect(first.value.token).not.toBe(second.value.token);
			expect(first.value.token.split('.')[0]).not.toBe(second.value.token.split('.')[0]);
			expect(await services.sessions.validate(first.value.token)).not.toBeNull();
			expect(await services.sessions.validate(second.value.token)).not.toBeNull();
		});
	});

	describe('password change', () => {
		it('refuses a wrong current password and changes nothing', async () => {
			const admin = await setupAdmin();
			const other = await signIn(admin.email, PASSWORD);
			if (!other.ok) throw new Error('sign-in failed');
			const hashBefore = (await services.repos.users.findById(admin.userId))?.passwordHash;

			const result = await services.accounts.changePassword(admin.userId, 'not the password', 'a brand new password');

			expect(result).toEqual({
				ok: false,
				error: { code: 'unauthenticated', message: 'The current password is not correct.', field: 'current' }
			});
			expect((await services.repos.users.findById(admin.userId))?.passwordHash).toBe(hashBefore);
			expect(await services.sessions.validate(admin.token)).not.toBeNull();
			expect(await services.sessions.validate(other.value.token)).not.toBeNull();
			expect((await signIn(admin.email, 'a brand new password')).ok).toBe(false);
		});

		it('with the right current password, revokes every other session and returns a working new one', async () => {
			const admin = await setupAdmin();
			const other = await signIn(admin.email, PASSWORD);
			if (!other.ok) throw new Error('sign-in failed');
			clock.advance(60 * 60 * 1000);

			const result = await services.accounts.changePassword(admin.userId, PASSWORD, 'a brand new password');

			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(await services.sessions.validate(admin.token)).toBeNull();
			expect(await services.sessions.validate(other.value.token)).toBeNull();
			expect((await services.sessions.validate(result.value.token))?.user.id).toBe(admin.userId);
			expect((await services.repos.users.findById(admin.userId))?.passwordChangedAt).toBe(clock.now());
			expect((await signIn(admin.email, PASSWORD, '10.0.0.9')).ok).toBe(false);
			expect((await signIn(admin.email, 'a brand new password', '10.0.0.9')).ok).toBe(true);
		});

		it('stores the new password as an argon2id hash with the same parameters', async () => {
			const admin = await setupAdmin();
			await services.accounts.changePassword(admin.userId, PASSWORD, 'a brand new password');
			const hash = (await services.repos.users.findById(admin.userId))?.passwordHash ?? '';
			expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
		});

		it('reports an unknown account as not found', async () => {
			const result = await services.accounts.changePassword('no-such-user', PASSWORD, 'a brand new password');
			expect(result.ok ? null : result.error.code).toBe('not_found');
		});
	});

	describe('password confirmation', () => {
		it('confirms the right password and rejects a wrong one or an unknown user', async () => {
			const admin = await setupAdmin();
			expect(await services.accounts.confirmPassword(admin.userId, PASSWORD)).toBe(true);
			expect(await services.accounts.confirmPassword(admin.userId, 'not the password')).toBe(false);
			expect(await services.accounts.confirmPassword(admin.userId, '')).toBe(false);
			expect(await services.accounts.confirmPassword('no-such-user', PASSWORD)).toBe(false);
		});

		it('stops checking a password at sign-off after 5 wrong ones, even the right one, and says how long the lock lasts', async () => {
			const admin = await setupAdmin();
			for (let i = 0; i < 5; i++) expect(await services.accounts.confirmPassword(admin.userId, `wrong ${i}`)).toBe(false);
			const locked = await services.accounts.confirmPassword(admin.userId, PASSWORD);
			expect(locked).toEqual({ throttledForSeconds: expect.any(Number) });
			const seconds = typeof locked === 'object' ? locked.throttledForSeconds : 0;
			expect(seconds).toBeGreaterThan(14 * 60);
			expect(seconds).toBeLessThanOrEqual(15 * 60);
		});
	});
});
