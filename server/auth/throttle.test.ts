import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestClock, createTestServices, uniqueEmail, type TestServices } from '../../tests/helpers/services.ts';
import { createLoginThrottle, DEFAULT_THROTTLE, type LoginThrottle } from './throttle.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('login throttle', () => {
	let clock: ReturnType<typeof createTestClock>;
	let services: TestServices;
	let throttle: LoginThrottle;

	beforeEach(() => {
		clock = createTestClock();
		services = createTestServices({ now: clock.now });
		throttle = createLoginThrottle(services.store, DEFAULT_THROTTLE, clock.now);
	});

	afterEach(() => services.cleanup());

	async function fail(times: number, email: string, ip: string) {
		for (let i = 0; i < times; i++) await throttle.begin(email, ip);
	}

	it('defaults to 5 failures per account and 20 per IP address within 15 minutes', () => {
		expect(DEFAULT_THROTTLE).toEqual({ perAccount: 5, perIp: 20, windowMs: 15 * MINUTE });
	});

	it('allows an account with fewer than 5 recent failures to try again', async () => {
		await fail(4, 'ana@example.test', '10.0.0.1');
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBeNull();
	});

	it('blocks an account after 5 failures for the rest of the 15-minute window', async () => {
		await fail(5, 'ana@example.test', '10.0.0.1');
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBe(15 * 60);
		clock.advance(10 * MINUTE);
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBe(5 * 60);
	});

	it('blocks the account from every IP address, however its email is spelled', async () => {
		await fail(5, 'ana@example.test', '10.0.0.1');
		expect(await throttle.check('ana@example.test', '192.168.7.7')).not.toBeNull();
		expect(await throttle.check('  ANA@Example.TEST ', '192.168.7.7')).not.toBeNull();
	});

	it('does not block another account signing in from another IP address', async () => {
		await fail(5, 'ana@example.test', '10.0.0.1');
		expect(await throttle.check('ben@example.test', '10.0.0.2')).toBeNull();
	});

	it('blocks every account from an IP address after 20 failures from it', async () => {
		for (let i = 0; i < 20; i++) await throttle.begin(`guess${i}@example.test`, '10.0.0.66');
		expect(await throttle.check('fresh@example.test', '10.0.0.66')).toBe(15 * 60);
		expect(await throttle.check('guess0@example.test', '10.0.0.66')).not.toBeNull();
		// The same accounts from elsewhere are fine: each of them failed only once.
		expect(await throttle.check('fresh@example.test', '10.0.0.67')).toBeNull();
		expect(await throttle.check('guess0@example.test', '10.0.0.67')).toBeNull();
	});

	it('does not block an IP address after 19 failures', async () => {
		for (let i = 0; i < 19; i++) await throttle.begin(`guess${i}@example.test`, '10.0.0.66');
		expect(await throttle.check('fresh@example.test', '10.0.0.66')).toBeNull();
	});

	it('lifts the block once the window has passed', async () => {
		await fail(5, 'ana@example.test', '10.0.0.1');
		clock.advance(15 * MINUTE - SECOND);
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBe(1);
		clock.advance(SECOND + 1);
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBeNull();
	});

	it('counts only failures inside the window', async () => {
		await fail(3, 'ana@example.test', '10.0.0.1');
		clock.advance(10 * MINUTE);
		await fail(2, 'ana@example.test', '10.0.0.1');
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBe(5 * 60);
		clock.advance(5 * MINUTE + 1); // the first three fall out of the window
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBeNull();
	});

	it('clears the account counter on a successful sign-in', async () => {
		await fail(4, 'ana@example.test', '10.0.0.1');
		await throttle.succeeded('ana@example.test', await throttle.begin('ana@example.test', '10.0.0.1'));
		await fail(4, 'ana@example.test', '10.0.0.1');
		expect(await throttle.check('ana@example.test', '10.0.0.1')).toBeNull();
	});

	it('does not count successful sign-ins against an office sharing one IP address', async () => {
		for (let i = 0; i < 30; i++) await throttle.succeeded(`colleague${i}@example.test`, await throttle.begin(`colleague${i}@example.test`, '10.0.0.9'));
		expect(await throttle.check('newcomer@example.test', '10.0.0.9')).toBeNull();
	});

	it('keeps the failures in the database, so a new throttle over the same data still blocks', async () => {
		await fail(5, 'ana@example.test', '10.0.0.1');
		const afterRestart = createLoginThrottle(services.store, DEFAULT_THROTTLE, clock.now);
		expect(await afterRestart.check('ana@example.test', '10.0.0.1')).not.toBeNull();
	});
});

describe('sign-in throttling as the user sees it', () => {
	let clock: ReturnType<typeof createTestClock>;
	let services: TestServices;

	beforeEach(() => {
		clock = createTestClock();
		services = createTestServices({ now: clock.now });
	});

	afterEach(() => services.cleanup());

	it('answers the 6th attempt on an account with a throttled error that names the minutes to wait', async () => {
		const email = uniqueEmail('ana');
		for (let i = 0; i < 5; i++) {
			const attempt = await services.accounts.signIn({ email, password: 'wrong password' }, '10.0.0.1');
			expect(attempt.ok ? null : attempt.error.code).toBe('unauthenticated');
		}
		const blocked = await services.accounts.signIn({ email, password: 'wrong password' }, '10.0.0.1');
		expect(blocked).toEqual({
			ok: false,
			error: { code: 'throttled', message: 'Too many failed sign-in attempts. Try again in 15 minutes.' }
		});
	});

	it('says "1 minute" when less than a minute remains', async () => {
		const email = uniqueEmail('ana');
		for (let i = 0; i < 5; i++) await services.accounts.signIn({ email, password: 'wrong password' }, '10.0.0.1');
		clock.advance(14 * MINUTE + 30 * SECOND);
		const blocked = await services.accounts.signIn({ email, password: 'wrong password' }, '10.0.0.1');
		expect(blocked.ok ? null : blocked.error.message).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
	});

	it('does not let parallel wrong guesses exceed the per-account limit', async () => {
		const email = uniqueEmail('ana');
		const attempts = await Promise.all(
			Array.from({ length: 10 }, () => services.accounts.signIn({ email, password: 'wrong password' }, '10.0.0.1'))
		);
		const checked = attempts.filter((a) => !a.ok && a.error.code === 'unauthenticated').length;
		const throttled = attempts.filter((a) => !a.ok && a.error.code === 'throttled').length;
		expect(checked).toBeLessThanOrEqual(DEFAULT_THROTTLE.perAccount);
		expect(checked + throttled).toBe(10);
	});
});
