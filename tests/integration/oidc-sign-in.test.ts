// Issue 13 item 4 against a real OpenID Connect provider on loopback (tests/helpers/infra/
// oidc-provider.ts: the npm `oidc-provider`, its login page driven without a browser by
// createSignInAgent): sign-in, first-sign-in linking by verified email, an unverified email and
// a stranger refused, an invitation creating the account and joining the review, a signature's
// re-authentication (prompt=login, max_age; a stale login refused, the proof spent once), a
// wrong issuer, nonce or state refused, and PASSWORD_SIGN_IN=off. The last block drives the
// same through the production build's HTTP routes (cookies, redirects, the login page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type net from 'node:net';
import { startOidcProvider, type OidcTestProvider } from '../helpers/infra/oidc-provider.ts';
import { createSignInAgent, type SignInAgent } from '../helpers/infra/oidc-sign-in-agent.ts';
import { startTestServer, removeDir, tempDataDir, type TestServer } from '../helpers/server.ts';
import { buildExists, BUILD_MISSING, startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { freePort } from '../helpers/fault-fixture.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { loadConfig } from '../../server/config.ts';
import { createServices } from '../../server/services.ts';
import { PASSWORD_SIGN_IN_OFF } from '../../server/auth/accounts.ts';
import { noAccount, unverifiedEmail, type OidcService } from '../../server/auth/oidc.ts';
import { InviteForm } from '../../src/lib/shared/forms.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';

const CLIENT = { clientId: 'psems-review', clientSecret: 'oidc sign-in test secret', redirectUris: ['http://127.0.0.1:4519/auth/oidc/callback'] };
const PROVIDER_NAME = 'Port Authority ID';
const PASSWORD = 'a harbour passphrase';
const PROVIDER_PASSWORD = 'provider passphrase';

let provider: OidcTestProvider;
let server: TestServer;
let oidc: OidcService;
let builtPort = 0;

function oidcEnv(issuer: string, redirectUri = CLIENT.redirectUris[0]): Record<string, string> {
	return { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.clientId, OIDC_CLIENT_SECRET: CLIENT.clientSecret, OIDC_REDIRECT_URI: redirectUri, OIDC_NAME: PROVIDER_NAME };
}

beforeAll(async () => {
	builtPort = await freePort();
	provider = await startOidcProvider({
		client: { ...CLIENT, redirectUris: [...CLIENT.redirectUris, `http://127.0.0.1:${builtPort}/auth/oidc/callback`] },
		users: []
	});
	server = await startTestServer(oidcEnv(provider.issuer));
	oidc = server.services.oidc!;
});

afterAll(async () => {
	await server?.stop();
	if (server) removeDir(server.dataDir);
	await provider?.stop();
});

let sequence = 0;
/** An account here and, unless told otherwise, the same person at the provider. */
async function person(name: string, opts: { password?: boolean; atProvider?: boolean; verified?: boolean; admin?: boolean } = {}) {
	const slug = `${name.toLowerCase().replace(/\W+/g, '.')}.${++sequence}`;
	const email = `${slug}@port.test`;
	const id = crypto.randomUUID();
	const passwordHash = opts.password ? await hashPassword(PASSWORD) : '';
	await server.services.repos.users.insert({ id, email, name, passwordHash, isAdmin: opts.admin ?? false, createdAt: Date.now() });
	const sub = `sub-${slug}`;
	if (opts.atProvider !== false) provider.addUser({ sub, email, email_verified: opts.verified ?? true, name, password: PROVIDER_PASSWORD });
	return { user: await sessionUser(id), email, sub };
}

async function sessionUser(id: string): Promise<SessionUser> {
	const row = (await server.services.repos.users.findById(id))!;
	return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, mayCreateReviews: row.mayCreateReviews };
}

type Begun = { url: URL; state: string };
function begun<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(`expected success: ${result.error.message}`);
	return result.value;
}

/** Follows the authorization URL through the provider's login page; the query the callback receives. */
async function atProvider(agent: SignInAgent, start: Begun | URL, email: string): Promise<URLSearchParams> {
	const { callbackUrl } = await agent.signIn(start instanceof URL ? start : start.url, { email, password: PROVIDER_PASSWORD });
	return callbackUrl.searchParams;
}

async function auditOf(action: string) {
	return (await server.services.audit.verifyChain()).rows.filter((r) => r.action === action)
		.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

describe('sign-in with the identity provider', () => {
	it('links an existing account by its verified email on the first sign-in, and later by the subject alone', async () => {
		const dana = await person('Dana Harbour', { password: true });
		const start = begun(await oidc.begin({ purpose: 'sign_in', returnTo: '/reviews/somewhere' }));
		expect(start.url.origin).toBe(provider.issuer);
		expect(start.url.searchParams.get('code_challenge_method')).toBe('S256');

		const query = await atProvider(createSignInAgent(), start, dana.email);
		const done = begun(await oidc.complete({ query, browserState: start.state, session: null }));
		expect(done).toMatchObject({ kind: 'signed_in', userId: dana.user.id, returnTo: '/reviews/somewhere' });
		if (done.kind !== 'signed_in') return;
		expect((await server.services.sessions.validate(done.token))?.user.email).toBe(dana.email);
		expect((await server.services.repos.oidc.identity(provider.issuer, dana.sub))?.userId).toBe(dana.user.id);
		expect((await auditOf('identity_linked')).at(-1)?.details).toMatchObject({ userId: dana.user.id, subject: dana.sub, email: dana.email, via: 'verified email' });
		expect((await auditOf('sign_in')).at(-1)).toMatchObject({ actorId: dana.user.id, details: { via: 'identity provider', issuer: provider.issuer } });

		// The provider now gives another address (renamed mailbox): the subject still finds the account.
		provider.addUser({ sub: dana.sub, email: `renamed.${dana.email}`, email_verified: false, name: 'Dana Harbour', password: PROVIDER_PASSWORD });
		const again = begun(await oidc.begin({ purpose: 'sign_in' }));
		const second = begun(await oidc.complete({ query: await atProvider(createSignInAgent(), again, `renamed.${dana.email}`), browserState: again.state, session: null }));
		expect(second).toMatchObject({ kind: 'signed_in', userId: dana.user.id, returnTo: '/' });
		expect((await auditOf('identity_linked')).filter((e) => e.details.subject === dana.sub)).toHaveLength(1);
		// The password keeps working beside it.
		expect((await server.services.accounts.signIn({ email: dana.email, password: PASSWORD }, '10.0.0.1')).ok).toBe(true);
	});

	it('refuses an email the provider has not verified, and links nothing', async () => {
		const uma = await person('Uma Unverified', { verified: false });
		const start = begun(await oidc.begin({ purpose: 'sign_in' }));
		const refused = await oidc.complete({ query: await atProvider(createSignInAgent(), start, uma.email), browserState: start.state, session: null });
		expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: unverifiedEmail(PROVIDER_NAME) } });
		expect(await server.services.repos.oidc.identity(provider.issuer, uma.sub)).toBeNull();
		expect((await server.services.repos.users.findById(uma.user.id))?.lastSignInAt).toBeNull();
	});

	it('creates no account for someone with neither an account nor an invitation', async () => {
		provider.addUser({ sub: 'sub-stranger', email: 'stranger@port.test', email_verified: true, password: PROVIDER_PASSWORD });
		const start = begun(await oidc.begin({ purpose: 'sign_in' }));
		const refused = await oidc.complete({ query: await atProvider(createSignInAgent(), start, 'stranger@port.test'), browserState: start.state, session: null });
		expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: noAccount('stranger@port.test') } });
		expect(await server.services.repos.users.findByEmail('stranger@port.test')).toBeNull();
	});

	it('refuses a deactivated account', async () => {
		const admin = await person('Ada Admin', { admin: true });
		const leaver = await person('Lee Leaver');
		expect((await server.services.people.deactivate(admin.user, leaver.user.id)).ok).toBe(true);
		const start = begun(await oidc.begin({ purpose: 'sign_in' }));
		const refused = await oidc.complete({ query: await atProvider(createSignInAgent(), start, leaver.email), browserState: start.state, session: null });
		expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('deactivated') } });
	});

	it('creates the account from a pending invitation and joins the review, coming from the invitation link', async () => {
		const facilitator = await person('Fran Facilitator', { admin: true });
		const reviewId = server.createReview(facilitator.user.id, 'Invitation review');
		const email = 'ivo.invited@port.test';
		const invited = await server.services.participants.invite(facilitator.user, reviewId, InviteForm.parse({ name: 'Ivo (as invited)', email, role: 'department_head', department: 'Marine' }));
		if (!invited.ok) throw new Error(invited.error.message);
		provider.addUser({ sub: 'sub-ivo', email, email_verified: true, name: 'Ivo Invited', password: PROVIDER_PASSWORD });

		const start = begun(await oidc.begin({ purpose: 'sign_in', returnTo: `/invite/${invited.value.token}`, loginHint: email }));
		expect(start.url.searchParams.get('login_hint')).toBe(email);
		const done = begun(await oidc.complete({ query: await atProvider(createSignInAgent(), start, email), browserState: start.state, session: null }));
		expect(done).toMatchObject({ kind: 'signed_in', returnTo: `/reviews/${reviewId}` });

		const account = (await server.services.repos.users.findByEmail(email))!;
		expect(account).toMatchObject({ id: done.userId, name: 'Ivo Invited', passwordHash: '', isAdmin: false, mayCreateReviews: false });
		expect(await server.services.repos.reviews.participant(reviewId, account.id)).toMatchObject({ role: 'department_head', department: 'Marine' });
		expect(await server.services.participants.pending(reviewId)).toHaveLength(0);
		expect((await auditOf('account_created')).at(-1)?.details).toMatchObject({ userId: account.id, email, via: 'invitation, identity provider' });
		expect((await auditOf('identity_linked')).at(-1)?.details).toMatchObject({ userId: account.id, subject: 'sub-ivo', via: 'invitation' });
		expect((await auditOf('invite_accepted')).at(-1)).toMatchObject({ reviewId, details: { userId: account.id } });
		// No password was set: the password form cannot sign this account in.
		expect(await server.services.accounts.hasUsablePassword(account.id)).toBe(false);
	});
});

describe('re-authentication for a signature', () => {
	async function signingRoom() {
		const facilitator = await person('Sig Facilitator', { admin: true });
		const reviewId = server.createReview(facilitator.user.id, 'Signature review');
		const manager = await person('Sam Security', { password: true });
		const head = await person('Hana Head');
		server.addParticipant(reviewId, manager.user.id, 'security_manager');
		server.addParticipant(reviewId, head.user.id, 'department_head', 'Marine');
		expect((await server.services.records.freeze(facilitator.user, reviewId, { label: 'Baseline', note: '' })).ok).toBe(true);
		return { facilitator, reviewId, manager, head };
	}

	/** Signs in at the provider (a session there, linked here) and returns the app session. */
	async function signedIn(agent: SignInAgent, who: { email: string; user: SessionUser }) {
		const start = begun(await oidc.begin({ purpose: 'sign_in' }));
		const done = begun(await oidc.complete({ query: await atProvider(agent, start, who.email), browserState: start.state, session: null }));
		if (done.kind !== 'signed_in') throw new Error('expected a sign-in');
		return { sessionId: (await server.services.sessions.validate(done.token))!.sessionId, user: who.user };
	}

	it('asks the provider for a new login, accepts a fresh one, and the proof signs once', async () => {
		const { facilitator, reviewId, manager } = await signingRoom();
		const agent = createSignInAgent();
		const session = await signedIn(agent, manager);

		const start = begun(await oidc.begin({ purpose: 'reauthenticate', user: manager.user, reviewId, returnTo: `/reviews/${reviewId}/record/1#sign` }));
		expect(start.url.searchParams.get('prompt')).toBe('login');
		expect(start.url.searchParams.get('max_age')).toBe('300');
		// The provider asks again although its session is fresh (prompt=login).
		const { callbackUrl, loginShown } = await agent.signIn(start.url, { email: manager.email, password: PROVIDER_PASSWORD });
		expect(loginShown).toBe(true);
		expect(provider.logins.at(-1)!.reasons).toContain('login_prompt');
		const done = begun(await oidc.complete({ query: callbackUrl.searchParams, browserState: start.state, session }));
		expect(done).toMatchObject({ kind: 'reauthenticated', userId: manager.user.id, returnTo: `/reviews/${reviewId}/record/1#sign` });
		expect(await oidc.hasSigningProof(session.sessionId, manager.user.id)).toBe(true);
		// Another session of the same person holds no proof.
		expect(await oidc.hasSigningProof((await server.services.sessions.create(manager.user.id)).token.split('.')[0], manager.user.id)).toBe(false);

		const signed = await server.services.records.sign(manager.user, reviewId, 1, { meaning: 'reviewed', password: '', proof: 'identity_provider', sessionId: session.sessionId });
		expect(signed.ok).toBe(true);
		expect((await auditOf('signature')).at(-1)?.details).toMatchObject({ meaning: 'reviewed', signerUserId: manager.user.id, proof: 'identity_provider' });
		expect(await oidc.hasSigningProof(session.sessionId, manager.user.id)).toBe(false);
		expect((await server.services.records.verifyReview(reviewId)).ok).toBe(true);

		// Spent: the next version needs a new login.
		expect((await server.services.records.freeze(facilitator.user, reviewId, { label: 'Second', note: '' })).ok).toBe(true);
		const reused = await server.services.records.sign(manager.user, reviewId, 2, { meaning: 'reviewed', password: '', proof: 'identity_provider', sessionId: session.sessionId });
		expect(reused).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('Nothing was signed') } });
		// Where the person has a password it remains possible, and the audit says which proof it was.
		const byPassword = await server.services.records.sign(manager.user, reviewId, 2, { meaning: 'reviewed', password: PASSWORD });
		expect(byPassword.ok).toBe(true);
		expect((await auditOf('signature')).at(-1)?.details).toMatchObject({ version: 2, proof: 'password' });
	});

	it('refuses a login older than the request (the provider did not ask again), and writes no proof', async () => {
		const { reviewId, manager } = await signingRoom();
		const agent = createSignInAgent();
		const session = await signedIn(agent, manager);
		// auth_time counts whole seconds: a second later, the request is strictly newer than that login.
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		const start = begun(await oidc.begin({ purpose: 'reauthenticate', user: manager.user, reviewId }));
		// A provider that ignores prompt=login and max_age (here: the parameters dropped on the way)
		// answers from its session, with the old auth_time.
		const lax = new URL(start.url);
		lax.searchParams.delete('prompt');
		lax.searchParams.delete('max_age');
		const { callbackUrl, loginShown } = await agent.signIn(lax);
		expect(loginShown).toBe(false);
		const refused = await oidc.complete({ query: callbackUrl.searchParams, browserState: start.state, session });
		expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('did not ask you to sign in again') } });
		expect(await oidc.hasSigningProof(session.sessionId, manager.user.id)).toBe(false);
	});

	it('is offered only to the signers of the review, and refuses a login as someone else', async () => {
		const { reviewId, manager, head } = await signingRoom();
		expect(await oidc.begin({ purpose: 'reauthenticate', user: head.user, reviewId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const outsider = await person('Olly Outsider');
		expect(await oidc.begin({ purpose: 'reauthenticate', user: outsider.user, reviewId })).toMatchObject({ ok: false, error: { code: 'not_found' } });

		const session = await signedIn(createSignInAgent(), manager);
		const start = begun(await oidc.begin({ purpose: 'reauthenticate', user: manager.user, reviewId }));
		// Someone else types their own credentials at the provider.
		const refused = await oidc.complete({ query: await atProvider(createSignInAgent(), start, head.email), browserState: start.state, session });
		expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('as someone else') } });
		expect(await oidc.hasSigningProof(session.sessionId, manager.user.id)).toBe(false);
	});
});

describe('answers that are refused', () => {
	it('refuses a state that this browser did not start, and a callback used twice', async () => {
		const paula = await person('Paula State');
		const start = begun(await oidc.begin({ purpose: 'sign_in' }));
		const query = await atProvider(createSignInAgent(), start, paula.email);
		// Another browser (no state cookie, or another sign-in's) brings this answer.
		expect(await oidc.complete({ query, browserState: undefined, session: null })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
		const other = begun(await oidc.begin({ purpose: 'sign_in' }));
		expect(await oidc.complete({ query, browserState: other.state, session: null })).toMatchObject({
			ok: false,
			error: { code: 'unauthenticated', message: expect.stringContaining('not belong to a sign-in started in this browser') }
		});
		expect((await oidc.complete({ query, browserState: start.state, session: null })).ok).toBe(true);
		expect(await oidc.complete({ query, browserState: start.state, session: null })).toMatchObject({ ok: false, error: { code: 'expired' } });
	});

	it('refuses an ID token whose nonce is not the one it sent', async () => {
		const nina = await person('Nina Nonce');
		const start = begun(await oidc.begin({ purpose: 'sign_in' }));
		const tampered = new URL(start.url);
		tampered.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing');
		const refused = await oidc.complete({ query: await atProvider(createSignInAgent(), tampered, nina.email), browserState: start.state, session: null });
		expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('could not be verified') } });
		expect(await server.services.repos.oidc.identity(provider.issuer, nina.sub)).toBeNull();
	});

	it('refuses an answer from another provider (mix-up: its iss and its signature)', async () => {
		const other = await startOidcProvider({ client: CLIENT, users: [] });
		try {
			const mo = await person('Mo Mixup');
			other.addUser({ sub: mo.sub, email: mo.email, email_verified: true, password: PROVIDER_PASSWORD });
			const start = begun(await oidc.begin({ purpose: 'sign_in' }));
			const elsewhere = new URL(start.url.pathname + start.url.search, other.issuer);
			const query = await atProvider(createSignInAgent(), elsewhere, mo.email);
			expect(query.get('iss')).toBe(other.issuer);
			const refused = await oidc.complete({ query, browserState: start.state, session: null });
			expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('could not be verified') } });
		} finally {
			await other.stop();
		}
	});

	it('does not start a sign-in when discovery answers for another issuer', async () => {
		const metadata = await (await fetch(provider.discoveryUrl)).text();
		const impostor = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(metadata));
		await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
		const wrong = await startTestServer(oidcEnv(`http://127.0.0.1:${(impostor.address() as net.AddressInfo).port}`));
		try {
			const refused = await wrong.services.oidc!.begin({ purpose: 'sign_in' });
			expect(refused).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining(`Sign-in with ${PROVIDER_NAME} is not available right now`) } });
			expect(wrong.services.db.prepare('SELECT COUNT(*) AS n FROM oidc_requests').get()).toEqual({ n: 0 });
		} finally {
			await wrong.stop();
			removeDir(wrong.dataDir);
			impostor.close();
		}
	});
});

describe('PASSWORD_SIGN_IN=off', () => {
	it('is refused without an identity provider, and accepted with one', () => {
		expect(() => loadConfig({ PASSWORD_SIGN_IN: 'off' })).toThrow('PASSWORD_SIGN_IN=off needs OIDC_ISSUER');
		expect(loadConfig({ PASSWORD_SIGN_IN: 'off', ...oidcEnv(provider.issuer) }).passwordSignIn).toBe(false);
	});

	it('refuses the password at sign-in and at a signature; the provider still signs people in', async () => {
		const dataDir = tempDataDir();
		const off = createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PASSWORD_SIGN_IN: 'off', ...oidcEnv(provider.issuer) }));
		try {
			const id = crypto.randomUUID();
			const email = 'pat.password@port.test';
			await off.repos.users.insert({ id, email, name: 'Pat Password', passwordHash: await hashPassword(PASSWORD), isAdmin: false, createdAt: Date.now() });
			expect(await off.accounts.signIn({ email, password: PASSWORD }, '10.0.0.9')).toEqual({ ok: false, error: { code: 'forbidden', message: PASSWORD_SIGN_IN_OFF() } });
			expect(await off.accounts.confirmPassword(id, PASSWORD)).toBe(false);
			expect(await off.accounts.hasUsablePassword(id)).toBe(false);
			expect(await off.accounts.changePassword(id, PASSWORD, 'another harbour passphrase')).toEqual({ ok: false, error: { code: 'forbidden', message: PASSWORD_SIGN_IN_OFF() } });

			provider.addUser({ sub: 'sub-pat', email, email_verified: true, password: PROVIDER_PASSWORD });
			const start = begun(await off.oidc!.begin({ purpose: 'sign_in' }));
			const done = await off.oidc!.complete({ query: await atProvider(createSignInAgent(), start, email), browserState: start.state, session: null });
			expect(done).toMatchObject({ ok: true, value: { kind: 'signed_in', userId: id } });
		} finally {
			off.close();
			removeDir(dataDir);
		}
	});
});

describe('through the production build (HTTP routes, cookies, pages)', () => {
	let built: BuiltServer | null = null;
	let dataDir = '';
	const EMAIL = 'bea.browser@port.test';

	beforeAll(async () => {
		if (!buildExists()) return;
		dataDir = tempDataDir('psems-oidc-built-');
		const env = { DATA_DIR: dataDir, PASSWORD_SIGN_IN: 'off', ...oidcEnv(provider.issuer, `http://127.0.0.1:${builtPort}/auth/oidc/callback`) };
		const setup = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
		await setup.repos.users.insert({ id: crypto.randomUUID(), email: EMAIL, name: 'Bea Browser', passwordHash: await hashPassword(PASSWORD), isAdmin: true, createdAt: Date.now() });
		setup.close();
		provider.addUser({ sub: 'sub-bea', email: EMAIL, email_verified: true, name: 'Bea Browser', password: PROVIDER_PASSWORD });
		built = await startBuiltServer(env, builtPort);
	});

	afterAll(async () => {
		await built?.stop();
		if (dataDir) removeDir(dataDir);
	});

	const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]);

	it('shows only the provider on the login page and refuses the password form on the server', async () => {
		expect(built, BUILD_MISSING).not.toBeNull();
		const page = await (await fetch(`${built!.base}/login`)).text();
		expect(page).toContain(`Sign in with ${PROVIDER_NAME}`);
		expect(page).not.toContain('type="password"');
		const posted = await fetch(`${built!.base}/login`, {
			method: 'POST',
			headers: { origin: built!.base, accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: new URLSearchParams({ email: EMAIL, password: PASSWORD })
		});
		const body = (await posted.json()) as { type: string; status: number; data: string };
		expect(body).toMatchObject({ type: 'failure', status: 403 });
		expect(body.data).toContain('Sign-in with a password is switched off here.');
	});

	it('signs in through /auth/oidc/start and /auth/oidc/callback, tied to the browser by its state cookie', async () => {
		expect(built, BUILD_MISSING).not.toBeNull();
		const start = await fetch(`${built!.base}/auth/oidc/start?returnTo=${encodeURIComponent('/account')}`, { redirect: 'manual' });
		expect(start.status).toBe(303);
		const authorization = new URL(start.headers.get('location')!);
		expect(authorization.origin).toBe(provider.issuer);
		const stateCookie = cookiesOf(start).find((c) => c.startsWith('psems_oidc_state='))!;
		expect(stateCookie).toBeDefined();

		const { callbackUrl } = await createSignInAgent().signIn(authorization, { email: EMAIL, password: PROVIDER_PASSWORD });
		expect(callbackUrl.origin).toBe(built!.base);
		// The same answer in a browser without the state cookie signs nobody in.
		const foreign = await fetch(callbackUrl, { redirect: 'manual' });
		expect(foreign.status).toBe(200);
		expect(await foreign.text()).toContain('does not belong to a sign-in started in this browser');

		const callback = await fetch(callbackUrl, { headers: { cookie: stateCookie }, redirect: 'manual' });
		expect(callback.status).toBe(303);
		expect(callback.headers.get('location')).toBe('/account');
		const session = cookiesOf(callback).find((c) => c.startsWith('psems_session='))!;
		expect(session).toBeDefined();
		const account = await fetch(`${built!.base}/account`, { headers: { cookie: session }, redirect: 'manual' });
		expect(account.status).toBe(200);
		expect(await account.text()).toContain('Bea Browser');
	});
});
