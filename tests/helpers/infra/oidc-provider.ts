// An OpenID Connect provider for tests: the npm `oidc-provider` (a certified implementation) on a
// 127.0.0.1 port with one client and the users the test gives, and a login page of our own in
// place of the package's development pages. Authorization code flow with PKCE (required), nonce,
// `prompt=login` and `max_age` re-authentication are the package's own behaviour; consent is
// granted automatically (a first-party client, as the product's sign-in will be).
//
// The login page is plain HTML that a browser (Playwright: fill "Email" and "Password", click
// "Sign in") and `createSignInAgent` (oidc-sign-in-agent.ts: fetch with a cookie jar, no browser)
// drive alike. In-process like the SMTP sink: nothing to orphan; its state lives in memory and
// ends with the provider.
import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import Provider, { type Adapter, type AdapterPayload, type Configuration } from 'oidc-provider';
import { LOOPBACK } from './ports.ts';

export type OidcUser = {
	sub: string;
	email: string;
	email_verified?: boolean;
	name?: string;
	/** When set, the login form checks it; when not, any password signs this user in. */
	password?: string;
};

export type OidcClientRegistration = {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	postLogoutRedirectUris?: string[];
	/** How the client authenticates at the token endpoint; openid-client: ClientSecretBasic / ClientSecretPost. */
	tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
};

export type OidcProviderOptions = {
	client: OidcClientRegistration;
	users: OidcUser[];
	/**
	 * false (default): email and name are in the ID token whenever their scope is granted, as
	 * Google, Entra ID and Keycloak do. true: the spec's strict form, where with a code flow they
	 * are only at the userinfo endpoint unless asked for with the `claims` parameter.
	 */
	conformIdTokenClaims?: boolean;
	/** A fixed loopback port (the issuer must be known before the app starts, as in Playwright); default: a free one. */
	port?: number;
};

/** One completed login form: who signed in and why the provider asked (no_session, login_prompt, max_age…). */
export type OidcLogin = { sub: string; at: Date; reasons: string[] };

export type OidcTestProvider = {
	/** http://127.0.0.1:PORT (what openid-client's `discovery` is given and what ID tokens carry as `iss`) */
	issuer: string;
	port: number;
	discoveryUrl: string;
	/** Every completed login, oldest first. */
	readonly logins: readonly OidcLogin[];
	addUser(user: OidcUser): void;
	stop(): Promise<void>;
};

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcTestProvider> {
	const users = new Map(options.users.map((u) => [u.sub, u]));
	const logins: OidcLogin[] = [];
	let provider: Provider | undefined;
	let callback: ReturnType<Provider['callback']> | undefined;

	const server = http.createServer((req, res) => {
		if (!provider || !callback) return void res.writeHead(503).end();
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path.startsWith('/interaction/')) {
			handleInteraction(provider, users, logins, req, res).catch((error: Error) => {
				if (!res.headersSent) page(res, 400, 'Sign-in failed', `<p role="alert">${escapeHtml(error.message)}</p>`);
			});
		} else {
			callback(req, res);
		}
	});
	const port = await new Promise<number>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, LOOPBACK, () => resolve((server.address() as net.AddressInfo).port));
	});
	const issuer = `http://${LOOPBACK}:${port}`;

	const { client } = options;
	// A fresh signing key per provider: a token from another test provider never verifies here.
	const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
	const configuration: Configuration = {
		clients: [
			{
				client_id: client.clientId,
				client_secret: client.clientSecret,
				redirect_uris: client.redirectUris,
				post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
				response_types: ['code'],
				grant_types: ['authorization_code'],
				token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
				// auth_time in every ID token: a signature page checks how fresh the login is.
				require_auth_time: true
			}
		],
		async findAccount(_ctx, sub) {
			const user = users.get(sub);
			if (!user) return undefined;
			return {
				accountId: sub,
				claims: () => ({ sub, email: user.email, email_verified: user.email_verified ?? true, name: user.name })
			};
		},
		// acr, auth_time, sid and iss are the package's defaults, kept (`claims` replaces them all);
		// amr (how the user signed in: ["pwd"]) goes with openid, as Entra ID sends it.
		claims: { acr: null, auth_time: null, sid: null, iss: null, openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
		conformIdTokenClaims: options.conformIdTokenClaims ?? false,
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		features: { devInteractions: { enabled: false } },
		pkce: { required: () => true },
		jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' }] },
		cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
		adapter: memoryAdapter(),
		// Explicit lifetimes (seconds), so the package does not print a notice for each default.
		ttl: { Interaction: 600, Session: 86_400, Grant: 86_400, AccessToken: 3_600, IdToken: 3_600, AuthorizationCode: 60 }
	};
	provider = new Provider(issuer, configuration);
	callback = provider.callback();

	return {
		issuer,
		port,
		discoveryUrl: `${issuer}/.well-known/openid-configuration`,
		logins,
		addUser: (user) => void users.set(user.sub, user),
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

async function handleInteraction(
	provider: Provider,
	users: Map<string, OidcUser>,
	logins: OidcLogin[],
	req: http.IncomingMessage,
	res: http.ServerResponse
): Promise<void> {
	const [, , uid, action] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
	const details = await provider.interactionDetails(req, res);
	if (details.uid !== uid) throw new Error('This sign-in page belongs to another sign-in; start again from the application.');
	const { prompt, params } = details;

	if (req.method === 'GET' && prompt.name === 'consent') {
		// Auto-consent: grant exactly what the client asked for.
		const grant = details.grantId
			? await provider.Grant.find(details.grantId)
			: new provider.Grant({ accountId: details.session!.accountId, clientId: String(params.client_id) });
		if (!grant) throw new Error('grant not found');
		const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
		if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
		if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
		const grantId = await grant.save();
		return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
	}
	if (prompt.name !== 'login') throw new Error(`unexpected interaction prompt "${prompt.name}"`);

	const reauthenticate = prompt.reasons.some((r) => r === 'login_prompt' || r === 'max_age');
	if (req.method === 'GET') return loginPage(res, uid, { email: String(params.login_hint ?? ''), reauthenticate });
	if (req.method !== 'POST') return void res.writeHead(405).end();

	if (action === 'abort') {
		return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }, { mergeWithLastSubmission: false });
	}
	const form = new URLSearchParams(await readBody(req));
	const email = (form.get('email') ?? '').trim().toLowerCase();
	const user = [...users.values()].find((u) => u.email.toLowerCase() === email);
	if (!user || (user.password !== undefined && user.password !== form.get('password'))) {
		return loginPage(res, uid, { email, reauthenticate, error: 'Wrong email or password.' }, 401);
	}
	logins.push({ sub: user.sub, at: new Date(), reasons: [...prompt.reasons] });
	return provider.interactionFinished(req, res, { login: { accountId: user.sub, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
}

function loginPage(res: http.ServerResponse, uid: string, view: { email: string; reauthenticate: boolean; error?: string }, status = 200): void {
	const action = `/interaction/${encodeURIComponent(uid)}`;
	page(
		res,
		status,
		'Sign in',
		`${view.reauthenticate ? '<p role="status">Sign in again to confirm it is you.</p>' : ''}
${view.error ? `<p role="alert">${escapeHtml(view.error)}</p>` : ''}
<form method="post" action="${action}/login">
<p><label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(view.email)}"></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Sign in</button> <button type="submit" formaction="${action}/abort" formnovalidate>Cancel</button></p>
</form>`
	);
}

function page(res: http.ServerResponse, status: number, title: string, body: string): void {
	res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
	res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Test identity provider</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`);
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => {
			body += chunk;
			if (body.length > 64 * 1024) req.destroy(new Error('form too large'));
		});
		req.on('end', () => resolve(body));
		req.on('error', reject);
	});
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Storage for one provider, gone with it: sessions, interactions, grants and codes. (The package's
 * own in-memory adapter is the default but prints a warning at every start.)
 */
function memoryAdapter(): (model: string) => Adapter {
	const rows = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
	const live = (key: string) => {
		const row = rows.get(key);
		if (row && row.expiresAt <= Date.now()) rows.delete(key);
		return row && row.expiresAt > Date.now() ? row.payload : undefined;
	};
	return (model) => {
		const key = (id: string) => `${model}:${id}`;
		return {
			async upsert(id, payload, expiresIn) {
				rows.set(key(id), { payload: structuredClone(payload), expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
			},
			find: async (id) => live(key(id)),
			async findByUid(uid) {
				for (const [k, row] of rows) if (k.startsWith(`${model}:`) && row.payload.uid === uid) return live(k);
				return undefined;
			},
			async findByUserCode(userCode) {
				for (const [k, row] of rows) if (k.startsWith(`${model}:`) && row.payload.userCode === userCode) return live(k);
				return undefined;
			},
			async consume(id) {
				const payload = live(key(id));
				if (payload) payload.consumed = Math.floor(Date.now() / 1000);
			},
			async destroy(id) {
				rows.delete(key(id));
			},
			async revokeByGrantId(grantId) {
				for (const [k, row] of rows) if (row.payload.grantId === grantId) rows.delete(k);
			}
		};
	};
}
