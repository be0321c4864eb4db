// The OpenID Connect test provider against openid-client 6 (the client the product's sign-in will
// use): discovery, the authorization code flow with PKCE and nonce, re-authentication with
// prompt=login and max_age, and the checks that make a client refuse a wrong issuer. The login
// page is driven without a browser (createSignInAgent) and once with Debian's Chromium.
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { chromium } from '@playwright/test';
import { startOidcProvider, type OidcTestProvider } from '../../helpers/infra/oidc-provider.ts';
import { createSignInAgent } from '../../helpers/infra/oidc-sign-in-agent.ts';

const CLIENT = { clientId: 'psems-review', clientSecret: 'client-secret-for-tests', redirectUris: ['http://127.0.0.1:3000/auth/callback'] };
const HEAD = { sub: 'u-head-security', email: 'head.security@port.test', email_verified: true, name: 'Dana Harbour', password: 'correct horse' };
const MANAGER = { sub: 'u-accountable', email: 'accountable@port.test', name: 'Alex Quay' };

let provider: OidcTestProvider;
let config: oidc.Configuration;
const timings: Record<string, number> = {};

/** What the product's sign-in will do: discover the issuer, with plain http allowed on loopback. */
function discover(issuer: string | URL, clientSecret = CLIENT.clientSecret): Promise<oidc.Configuration> {
	return oidc.discovery(new URL(issuer), CLIENT.clientId, undefined, oidc.ClientSecretBasic(clientSecret), { execute: [oidc.allowInsecureRequests] });
}

type Attempt = { url: URL; verifier: string; nonce: string; state: string };

async function authorizationRequest(on: oidc.Configuration, extra: Record<string, string> = {}): Promise<Attempt> {
	const verifier = oidc.randomPKCECodeVerifier();
	const nonce = oidc.randomNonce();
	const state = oidc.randomState();
	const url = oidc.buildAuthorizationUrl(on, {
		redirect_uri: CLIENT.redirectUris[0],
		scope: 'openid email profile',
		code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		nonce,
		state,
		...extra
	});
	return { url, verifier, nonce, state };
}

function redeem(on: oidc.Configuration, attempt: Attempt, callbackUrl: URL, checks: Partial<oidc.AuthorizationCodeGrantChecks> = {}) {
	return oidc.authorizationCodeGrant(on, callbackUrl, { pkceCodeVerifier: attempt.verifier, expectedNonce: attempt.nonce, expectedState: attempt.state, ...checks });
}

beforeAll(async () => {
	let startedAt = performance.now();
	provider = await startOidcProvider({ client: CLIENT, users: [HEAD, MANAGER] });
	timings.start = Math.round(performance.now() - startedAt);
	startedAt = performance.now();
	config = await discover(provider.issuer);
	timings.discovery = Math.round(performance.now() - startedAt);
});

afterAll(async () => {
	await provider?.stop();
	console.log('infra/oidc-provider ms:', JSON.stringify(timings));
});

describe('a test OpenID Connect provider', () => {
	it('publishes discovery metadata for its loopback issuer, with S256 PKCE', () => {
		const metadata = config.serverMetadata();
		expect(metadata.issuer).toBe(`http://127.0.0.1:${provider.port}`);
		expect(metadata.authorization_endpoint).toBe(`${provider.issuer}/auth`);
		expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
		expect(metadata.claims_supported).toEqual(expect.arrayContaining(['sub', 'email', 'email_verified', 'name', 'auth_time', 'amr']));
	});

	it('signs a user in with the authorization code flow, PKCE and nonce, and the ID token carries their claims', async () => {
		const agent = createSignInAgent();
		const attempt = await authorizationRequest(config);
		const startedAt = performance.now();
		const { callbackUrl, loginShown } = await agent.signIn(attempt.url, { email: HEAD.email, password: HEAD.password });
		const tokens = await redeem(config, attempt, callbackUrl);
		timings['sign-in (no browser) and code exchange'] = Math.round(performance.now() - startedAt);

		expect(loginShown).toBe(true);
		expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(CLIENT.redirectUris[0]);
		expect(callbackUrl.searchParams.get('iss')).toBe(provider.issuer);
		expect(tokens.claims()).toMatchObject({
			iss: provider.issuer,
			aud: CLIENT.clientId,
			sub: HEAD.sub,
			email: HEAD.email,
			email_verified: true,
			name: HEAD.name,
			nonce: attempt.nonce,
			amr: ['pwd']
		});
		expect(provider.logins.at(-1)).toMatchObject({ sub: HEAD.sub, reasons: ['no_session'] });
	});

	it('reuses its session for a later sign-in, and asks again with prompt=login or an expired max_age', async () => {
		const agent = createSignInAgent();
		const first = await authorizationRequest(config);
		const firstAuthTime = (await redeem(config, first, (await agent.signIn(first.url, { email: MANAGER.email })).callbackUrl)).claims()!.auth_time!;

		const silent = await authorizationRequest(config);
		const reused = await agent.signIn(silent.url); // no credentials: must not be asked
		expect(reused.loginShown).toBe(false);
		expect((await redeem(config, silent, reused.callbackUrl)).claims()).toMatchObject({ sub: MANAGER.sub, auth_time: firstAuthTime });

		const forced = await authorizationRequest(config, { prompt: 'login' });
		await expect(agent.signIn(forced.url)).rejects.toThrow(/asks for a login/);
		const again = await authorizationRequest(config, { prompt: 'login' });
		const relogin = await agent.signIn(again.url, { email: MANAGER.email });
		expect(relogin.loginShown).toBe(true);
		expect(provider.logins.at(-1)!.reasons).toContain('login_prompt');

		const lastLogin = (await redeem(config, again, relogin.callbackUrl)).claims()!.auth_time!;

		// A signature page asks for a login no older than max_age seconds: a fresh one is reused...
		const recent = await authorizationRequest(config, { max_age: '300' });
		const reusedRecent = await agent.signIn(recent.url);
		expect(reusedRecent.loginShown).toBe(false);
		expect((await redeem(config, recent, reusedRecent.callbackUrl, { maxAge: 300 })).claims()!.auth_time).toBe(lastLogin);
		// ...an older one is not. The package counts whole seconds (older than 1 s means 2 s on the
		// clock), and treats max_age=0 as prompt=login.
		await new Promise((resolve) => setTimeout(resolve, 2_100));
		const signature = await authorizationRequest(config, { max_age: '1' });
		const fresh = await agent.signIn(signature.url, { email: MANAGER.email });
		expect(fresh.loginShown).toBe(true);
		expect(provider.logins.at(-1)!.reasons).toContain('max_age');
		const claims = (await redeem(config, signature, fresh.callbackUrl, { maxAge: 1 })).claims()!;
		expect(claims.auth_time).toBeGreaterThan(lastLogin);
	});

	it('refuses a wrong password and reports a cancelled sign-in to the client', async () => {
		const agent = createSignInAgent();
		await expect(agent.signIn((await authorizationRequest(config)).url, { email: HEAD.email, password: 'wrong' })).rejects.toThrow(/Wrong email or password/);
		await expect(agent.signIn((await authorizationRequest(config)).url, { email: 'nobody@port.test' })).rejects.toThrow(/Wrong email or password/);

		const attempt = await authorizationRequest(config);
		const login = await fetch(attempt.url, { redirect: 'manual' });
		const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const interaction = new URL(login.headers.get('location')!, provider.issuer);
		const cancelled = await fetch(`${interaction}/abort`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
		const resumed = await fetch(new URL(cancelled.headers.get('location')!, provider.issuer), { headers: { cookie }, redirect: 'manual' });
		const callbackUrl = new URL(resumed.headers.get('location')!);
		expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
		await expect(redeem(config, attempt, callbackUrl)).rejects.toMatchObject({ error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
	});

	it('requires PKCE: no code challenge is refused, and a code is only redeemed with its own verifier', async () => {
		const agent = createSignInAgent();
		const withoutPkce = oidc.buildAuthorizationUrl(config, { redirect_uri: CLIENT.redirectUris[0], scope: 'openid', state: 's' });
		const refused = await agent.signIn(withoutPkce, { email: HEAD.email, password: HEAD.password });
		expect(refused.callbackUrl.searchParams.get('error')).toBe('invalid_request');
		expect(refused.callbackUrl.searchParams.get('error_description')).toMatch(/requires PKCE/);

		const attempt = await authorizationRequest(config);
		const { callbackUrl } = await agent.signIn(attempt.url, { email: HEAD.email, password: HEAD.password });
		await expect(redeem(config, attempt, callbackUrl, { pkceCodeVerifier: oidc.randomPKCECodeVerifier() })).rejects.toMatchObject({ error: 'invalid_grant' });
	});

	it('gives an ID token the client refuses when the nonce is not the one it sent', async () => {
		const attempt = await authorizationRequest(config);
		const { callbackUrl } = await createSignInAgent().signIn(attempt.url, { email: HEAD.email, password: HEAD.password });
		// openid-client 6 words its errors generally; the precise reason is in `cause` (oauth4webapi's error).
		await expect(redeem(config, attempt, callbackUrl, { expectedNonce: oidc.randomNonce() })).rejects.toMatchObject({
			message: 'unexpected JWT claim value encountered',
			cause: { message: 'unexpected ID Token "nonce" claim value' }
		});
	});

	it('is refused by the client when discovery answers for another issuer', async () => {
		// A server on another port serving this provider's metadata: its issuer is not that URL.
		const metadata = await (await fetch(provider.discoveryUrl)).text();
		const impostor = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(metadata));
		await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(impostor.address() as net.AddressInfo).port}`;
			await expect(discover(url)).rejects.toThrow('discovered metadata issuer does not match the expected issuer');
		} finally {
			impostor.close();
		}
	});

	it('is refused by the client when the authorization response comes from another provider (mix-up)', async () => {
		const other = await startOidcProvider({ client: CLIENT, users: [HEAD] });
		try {
			const otherConfig = await discover(other.issuer);
			const attempt = await authorizationRequest(otherConfig);
			const { callbackUrl } = await createSignInAgent().signIn(attempt.url, { email: HEAD.email, password: HEAD.password });
			expect(callbackUrl.searchParams.get('iss')).toBe(other.issuer);
			// The client expects its own provider: the response's iss (RFC 9207) gives the other away.
			await expect(redeem(config, attempt, callbackUrl)).rejects.toMatchObject({ message: 'invalid response encountered', cause: { message: expect.stringMatching(/"iss"/) } });
			// Its own configuration accepts the same response.
			expect((await redeem(otherConfig, attempt, callbackUrl)).claims()!.iss).toBe(other.issuer);
		} finally {
			await other.stop();
		}
	});

	it('serves a login page that a browser (Chromium) fills in by its labels', async () => {
		const startedAt = performance.now();
		const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
		try {
			const page = await browser.newPage();
			const callback = new Promise<string>((resolve) => {
				void page.route(`${CLIENT.redirectUris[0]}**`, (route) => {
					resolve(route.request().url());
					void route.fulfill({ contentType: 'text/html', body: '<h1>Signed in</h1>' });
				});
			});
			const attempt = await authorizationRequest(config, { login_hint: HEAD.email });
			await page.goto(attempt.url.href);
			await page.getByRole('heading', { name: 'Sign in' }).waitFor();
			expect(await page.getByLabel('Email').inputValue()).toBe(HEAD.email);
			await page.getByLabel('Password').fill('wrong');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
			await page.getByLabel('Password').fill(HEAD.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			const tokens = await redeem(config, attempt, new URL(await callback));
			expect(tokens.claims()).toMatchObject({ sub: HEAD.sub, email: HEAD.email });
			await page.getByRole('heading', { name: 'Signed in' }).waitFor();
		} finally {
			await browser.close();
			timings['browser sign-in incl. Chromium start'] = Math.round(performance.now() - startedAt);
		}
	});
});
