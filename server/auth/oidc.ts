// Sign-in with the organisation's OpenID Connect provider (openid-client 6): the authorization
// code flow with PKCE, nonce and state, the client authenticated with client_secret_basic.
//
// begin() keeps state, nonce and the PKCE verifier on the server (oidc_requests, 10 minutes,
// answered once); the browser carries only the state, in the URL and in a cookie of its own, so a
// callback URL made in another browser signs nobody in (login CSRF). complete() redeems the code
// and decides who that is:
//   - a linked identity (issuer + sub) signs its account in, whatever the email says today;
//   - otherwise only a verified email (email_verified true) is used: it links the identity to
//     the account with that email, or creates the account when a pending invitation is for it;
//   - otherwise nobody is signed in (no self-registration).
// A re-authentication for a signature asks the provider for a fresh login (prompt=login,
// max_age) and accepts only a login made after it was asked for; it writes a signing proof for
// this session that one signature spends (server/records/sign.ts).
import * as client from 'openid-client';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { safeRedirectPath } from '../../src/lib/shared/safe-redirect.ts';
import { SIGNATURE_MEANINGS } from '../../src/lib/shared/framework/codes.ts';
import type { OidcConfig } from '../config.ts';
import type { Store, Tx } from '../persistence/store.ts';
import type { OidcIdentity, OidcRepository, OidcRequest } from '../persistence/oidc.ts';
import type { UserRepository, UserRow } from '../persistence/users.ts';
import type { ReviewRepository } from '../persistence/reviews.ts';
import type { AuditService } from '../records/audit.ts';
import type { Logger } from '../logger.ts';
import type { SessionService, SessionUser } from './sessions.ts';
import { may } from './policy.ts';
import { ACCOUNT_DEACTIVATED } from './accounts.ts';
import { m } from './messages.ts';

/** How long a started sign-in may take at the provider. */
export const OIDC_REQUEST_LIFETIME_MS = 10 * 60 * 1000;
/** A signature's re-authentication: the login at the provider may be at most this old (max_age). */
export const REAUTH_MAX_AGE_SECONDS = 300;
/** A confirmed identity stays usable for one signature this long. */
export const SIGNING_PROOF_LIFETIME_MS = 5 * 60 * 1000;
/** The cookie that ties a callback to the browser that started the sign-in. */
export const OIDC_STATE_COOKIE = 'psems_oidc_state';

export type OidcOutcome =
	| { kind: 'signed_in'; userId: string; token: string; returnTo: string }
	| { kind: 'reauthenticated'; userId: string; returnTo: string; authenticatedAt: number };

type Deps = {
	config: OidcConfig;
	store: Pick<Store, 'transaction'>;
	users: UserRepository;
	oidc: OidcRepository;
	reviews: ReviewRepository;
	sessions: SessionService;
	audit: Pick<AuditService, 'append' | 'appendIn'>;
	/** Joins the review of an invitation the person came from (participants.acceptAsSignedIn). */
	acceptInvitation: (token: string, user: SessionUser) => Promise<Result<{ reviewId: string }>>;
	logger: Logger;
	now: () => number;
};

// Coming from an invitation, the way back is /invite/<token>: that token waits in oidc_requests for
// at most the request's 10 minutes (deleted when answered, pruned after), so the callback can accept
// the invitation for the person the provider vouches for (acceptAsSignedIn checks the address).
const INVITATION_PATH = /^\/invite\/([A-Za-z0-9]{1,100})$/;

export function createOidcService(deps: Deps) {
	const { config } = deps;
	const name = config.displayName;
	let discovered: Promise<client.Configuration> | null = null;

	/** Discovery once per process; a failure is not cached, so the next sign-in tries again. */
	function configuration(): Promise<client.Configuration> {
		discovered ??= client
			.discovery(new URL(config.issuer), config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), {
				// Plain http only for a loopback issuer (config.ts refuses it anywhere else).
				execute: config.allowHttp ? [client.allowInsecureRequests] : [],
				timeout: 10
			})
			.catch((error: unknown) => {
				discovered = null;
				throw error;
			});
		return discovered;
	}

	const unreachable = (error: unknown) => {
		deps.logger.warn('oidc.discovery_failed', { issuer: config.issuer, error: describe(error) });
		return fail('internal', m.pages_oidc_unreachable({ provider: name, issuer: config.issuer }));
	};

	function sessionUser(user: UserRow): SessionUser {
		return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, mayCreateReviews: user.mayCreateReviews };
	}

	/** Links (issuer, sub) to the account, audited; in the caller's transaction. */
	function link(tx: Tx, user: UserRow, subject: string, email: string, via: string): void {
		tx.oidc.link({ issuer: config.issuer, subject, userId: user.id, email, linkedAt: deps.now() });
		deps.audit.appendIn(tx, { actorId: user.id, action: 'identity_linked', details: { userId: user.id, issuer: config.issuer, subject, email, via } });
	}

	/** Another identity of this provider already holds the account: a second one is not added silently. */
	function linkedElsewhere(identitiesOfUser: OidcIdentity[], subject: string): boolean {
		return identitiesOfUser.some((i) => i.issuer === config.issuer && i.subject !== subject);
	}

	/** The account this login belongs to, linking or creating it as the rules above allow. */
	async function accountFor(claims: Claims): Promise<Result<UserRow>> {
		const linked = await deps.oidc.identity(config.issuer, claims.sub);
		if (linked) {
			const user = await deps.users.findById(linked.userId);
			return user ? ok(user) : fail('not_found', m.pages_oidc_linked_account_gone());
		}
		if (!claims.email || claims.emailVerified !== true) return fail('forbidden', unverifiedEmail(name));
		const email = claims.email;
		return deps.store.transaction((tx): Result<UserRow> => {
			const existing = tx.users.findByEmail(email);
			if (existing) {
				if (linkedElsewhere(tx.oidc.identitiesOf(existing.id), claims.sub)) {
					return fail('conflict', m.pages_oidc_linked_elsewhere({ email, provider: name }));
				}
				link(tx, existing, claims.sub, email, 'verified email');
				return ok(existing);
			}
			const invitation = tx.invitations.pendingForEmail(email, deps.now())[0];
			if (!invitation) return fail('forbidden', noAccount(email));
			const userId = crypto.randomUUID();
			const personName = claims.name?.trim() || invitation.name;
			// No password: this account signs in through the provider (a reset link can add one).
			tx.users.insert({ id: userId, email, name: personName, passwordHash: '', isAdmin: false, createdAt: deps.now() });
			deps.audit.appendIn(tx, {
				actorId: userId,
				action: 'account_created',
				details: { userId, name: personName, email, isAdmin: false, mayCreateReviews: false, via: 'invitation, identity provider', invitationId: invitation.id }
			});
			const created = tx.users.findById(userId)!;
			link(tx, created, claims.sub, email, 'invitation');
			return ok(created);
		});
	}

	async function redeem(request: OidcRequest, query: URLSearchParams): Promise<Result<Claims>> {
		const error = query.get('error');
		if (error) {
			return error === 'access_denied'
				? fail('unauthenticated', m.pages_oidc_cancelled({ provider: name }))
				: fail('unauthenticated', m.pages_oidc_refused({ provider: name, reason: query.get('error_description') ?? error }));
		}
		let on: client.Configuration;
		try {
			on = await configuration();
		} catch (cause) {
			return unreachable(cause);
		}
		// The registered redirect URI with the provider's answer: what the code was issued for,
		// whatever host header a proxy in front of this server passes on.
		const callbackUrl = new URL(config.redirectUri);
		callbackUrl.search = query.toString();
		try {
			const tokens = await client.authorizationCodeGrant(on, callbackUrl, {
				pkceCodeVerifier: request.codeVerifier,
				expectedNonce: request.nonce,
				expectedState: request.state,
				idTokenExpected: true,
				...(request.purpose === 'reauthenticate' ? { maxAge: REAUTH_MAX_AGE_SECONDS } : {})
			});
			const idToken = tokens.claims()!;
			let email = typeof idToken.email === 'string' ? idToken.email : undefined;
			let emailVerified = idToken.email_verified;
			let personName = typeof idToken.name === 'string' ? idToken.name : undefined;
			// Providers that keep email out of the ID token give it at the userinfo endpoint.
			if (email === undefined && tokens.access_token) {
				const info = await client.fetchUserInfo(on, tokens.access_token, idToken.sub);
				email = info.email;
				emailVerified = info.email_verified;
				personName ??= info.name;
			}
			return ok({ sub: idToken.sub, email: email?.trim(), emailVerified: emailVerified === true, name: personName, authTime: idToken.auth_time });
		} catch (cause) {
			deps.logger.warn('oidc.callback_refused', { issuer: config.issuer, purpose: request.purpose, error: describe(cause) });
			return fail('unauthenticated', m.pages_oidc_unverified_answer({ provider: name }));
		}
	}

	return {
		displayName: name,

		/** Where to send the browser: the provider's authorization URL for a new request. */
		async begin(
			input: { purpose: 'sign_in'; returnTo?: string | null; loginHint?: string | null } | { purpose: 'reauthenticate'; user: SessionUser; reviewId: string; returnTo?: string | null }
		): Promise<Result<{ url: URL; state: string }>> {
			let returnTo = safeRedirectPath(input.returnTo);
			if (input.purpose === 'reauthenticate') {
				const role = (await deps.reviews.findById(input.reviewId)) ? ((await deps.reviews.participant(input.reviewId, input.user.id))?.role ?? null) : null;
				if (role === null) return fail('not_found', m.pages_oidc_review_not_found());
				if (!SIGNATURE_MEANINGS.some((meaning) => may(role, `sign_${meaning}`))) {
					return fail('forbidden', m.pages_oidc_not_a_signer());
				}
				// Back to this review's record only: the proof is for signing.
				const record = `/reviews/${input.reviewId}/record`;
				if (returnTo !== record && !returnTo.startsWith(`${record}/`)) returnTo = record;
			}
			let on: client.Configuration;
			try {
				on = await configuration();
			} catch (cause) {
				return unreachable(cause);
			}
			const at = deps.now();
			await deps.oidc.pruneRequests(at);
			const request: OidcRequest = {
				state: client.randomState(),
				nonce: client.randomNonce(),
				codeVerifier: client.randomPKCECodeVerifier(),
				purpose: input.purpose,
				userId: input.purpose === 'reauthenticate' ? input.user.id : null,
				returnTo,
				createdAt: at,
				expiresAt: at + OIDC_REQUEST_LIFETIME_MS
			};
			await deps.oidc.insertRequest(request);
			const params: Record<string, string> = {
				redirect_uri: config.redirectUri,
				scope: 'openid email profile',
				code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
				code_challenge_method: 'S256',
				state: request.state,
				nonce: request.nonce
			};
			if (input.purpose === 'reauthenticate') {
				params.prompt = 'login';
				params.max_age = String(REAUTH_MAX_AGE_SECONDS);
				params.login_hint = input.user.email;
			} else if (input.loginHint) {
				params.login_hint = input.loginHint.slice(0, 200);
			}
			return ok({ url: client.buildAuthorizationUrl(on, params), state: request.state });
		},

		/**
		 * The provider's answer at the redirect URI. `browserState` is the state cookie of the
		 * browser that arrived; `session` its current session (needed for a re-authentication).
		 */
		async complete(input: {
			query: URLSearchParams;
			browserState: string | null | undefined;
			session: { sessionId: string; user: SessionUser } | null;
		}): Promise<Result<OidcOutcome>> {
			const state = input.query.get('state');
			if (!state || !input.browserState || state !== input.browserState) {
				return fail('unauthenticated', m.pages_oidc_foreign_state({ provider: name }));
			}
			const request = await deps.oidc.takeRequest(state);
			if (!request || request.expiresAt <= deps.now()) {
				return fail('expired', m.pages_oidc_expired());
			}
			const redeemed = await redeem(request, input.query);
			if (!redeemed.ok) return redeemed;
			const claims = redeemed.value;

			if (request.purpose === 'reauthenticate') {
				const me = input.session?.user;
				if (!input.session || !me || me.id !== request.userId) {
					return fail('forbidden', m.pages_oidc_other_account());
				}
				// prompt=login asked for a new login: one from before the request is not a fresh proof
				// (auth_time counts whole seconds).
				if (claims.authTime === undefined || claims.authTime < Math.floor(request.createdAt / 1000)) {
					return fail('unauthenticated', m.pages_oidc_not_fresh({ provider: name }));
				}
				const user = await deps.users.findById(me.id);
				if (!user || user.deactivatedAt !== null) return fail('forbidden', ACCOUNT_DEACTIVATED());
				const linked = await deps.oidc.identity(config.issuer, claims.sub);
				// The login must be this account's: its linked identity, or (not linked yet) its own
				// verified email while no other identity of this provider holds the account.
				const sameAccount = linked
					? linked.userId === me.id
					: claims.emailVerified && claims.email?.toLowerCase() === me.email.toLowerCase() && !linkedElsewhere(await deps.oidc.identitiesOf(user.id), claims.sub);
				if (!sameAccount) {
					return fail('forbidden', claims.email ? m.pages_oidc_someone_else_email({ provider: name, email: claims.email, me: me.email }) : m.pages_oidc_someone_else({ provider: name, me: me.email }));
				}
				const authenticatedAt = claims.authTime * 1000;
				await deps.store.transaction((tx) => {
					if (!linked) link(tx, user, claims.sub, claims.email!, 'verified email, re-authentication');
					tx.oidc.putProof(input.session!.sessionId, me.id, authenticatedAt, deps.now() + SIGNING_PROOF_LIFETIME_MS);
				});
				return ok({ kind: 'reauthenticated', userId: me.id, returnTo: request.returnTo, authenticatedAt });
			}

			const account = await accountFor(claims);
			if (!account.ok) return account;
			const user = account.value;
			if (user.deactivatedAt !== null) return fail('forbidden', ACCOUNT_DEACTIVATED());
			await deps.users.touchSignIn(user.id, deps.now());
			await deps.audit.append({ actorId: user.id, action: 'sign_in', details: { via: 'identity provider', issuer: config.issuer } });
			const token = (await deps.sessions.create(user.id)).token;
			let returnTo = request.returnTo;
			// Arriving from an invitation: accept it now, as the invitation page's button would.
			const invitation = INVITATION_PATH.exec(returnTo);
			if (invitation) {
				const accepted = await deps.acceptInvitation(invitation[1], sessionUser(user));
				if (accepted.ok) returnTo = `/reviews/${accepted.value.reviewId}`;
			}
			return ok({ kind: 'signed_in', userId: user.id, token, returnTo });
		},

		/** Whether this session holds an unspent, unexpired identity proof (the sign page says so). */
		hasSigningProof: (sessionId: string, userId: string) => deps.oidc.hasProof(sessionId, userId, deps.now())
	};
}

export type OidcService = ReturnType<typeof createOidcService>;

type Claims = { sub: string; email?: string; emailVerified: boolean; name?: string; authTime?: number };

export function unverifiedEmail(provider: string): string {
	return m.pages_oidc_unverified_email({ provider });
}

export function noAccount(email: string): string {
	return m.pages_oidc_no_account({ email });
}

/** An error's message and its cause's (openid-client words its errors generally; oauth4webapi's cause is precise). */
function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
	return `${error.message}${cause}`;
}
