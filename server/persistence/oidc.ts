import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export type OidcIdentity = { issuer: string; subject: string; userId: string; email: string; linkedAt: number };
export type OidcPurpose = 'sign_in' | 'reauthenticate';
export type OidcRequest = {
	state: string;
	nonce: string;
	codeVerifier: string;
	purpose: OidcPurpose;
	userId: string | null;
	returnTo: string;
	createdAt: number;
	expiresAt: number;
};

export function createOidcQueries(db: Db) {
	const identity = db.prepare('SELECT issuer, subject, user_id AS userId, email, linked_at AS linkedAt FROM oidc_identities WHERE issuer = ? AND subject = ?');
	const identitiesOf = db.prepare('SELECT issuer, subject, user_id AS userId, email, linked_at AS linkedAt FROM oidc_identities WHERE user_id = ?');
	const link = db.prepare('INSERT INTO oidc_identities (issuer, subject, user_id, email, linked_at) VALUES (?, ?, ?, ?, ?)');
	const insertRequest = db.prepare(
		`INSERT INTO oidc_requests (state, nonce, code_verifier, purpose, user_id, return_to, created_at, expires_at)
		 VALUES (@state, @nonce, @codeVerifier, @purpose, @userId, @returnTo, @createdAt, @expiresAt)`
	);
	const request = db.prepare(
		`SELECT state, nonce, code_verifier AS codeVerifier, purpose, user_id AS userId, return_to AS returnTo,
		 created_at AS createdAt, expires_at AS expiresAt FROM oidc_requests WHERE state = ?`
	);
	const deleteRequest = db.prepare('DELETE FROM oidc_requests WHERE state = ?');
	const pruneRequests = db.prepare('DELETE FROM oidc_requests WHERE expires_at <= ?');
	const putProof = db.prepare(
		`INSERT INTO signing_proofs (session_id, user_id, authenticated_at, expires_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT(session_id) DO UPDATE SET user_id = excluded.user_id, authenticated_at = excluded.authenticated_at, expires_at = excluded.expires_at`
	);
	const proof = db.prepare('SELECT user_id AS userId, expires_at AS expiresAt FROM signing_proofs WHERE session_id = ?');
	const spendProof = db.prepare('DELETE FROM signing_proofs WHERE session_id = ? AND user_id = ? AND expires_at > ?');
	return {
		identity: (issuer: string, subject: string) => (identity.get(issuer, subject) as OidcIdentity | undefined) ?? null,
		identitiesOf: (userId: string) => identitiesOf.all(userId) as OidcIdentity[],
		link: (i: OidcIdentity) => void link.run(i.issuer, i.subject, i.userId, i.email, i.linkedAt),
		insertRequest: (r: OidcRequest) => void insertRequest.run(r),
		/** Reads and deletes: a state is answered once. */
		takeRequest(state: string): OidcRequest | null {
			const row = (request.get(state) as OidcRequest | undefined) ?? null;
			if (row) deleteRequest.run(state);
			return row;
		},
		pruneRequests: (at: number) => void pruneRequests.run(at),
		putProof: (sessionId: string, userId: string, authenticatedAt: number, expiresAt: number) =>
			void putProof.run(sessionId, userId, authenticatedAt, expiresAt),
		hasProof(sessionId: string, userId: string, at: number): boolean {
			const row = proof.get(sessionId) as { userId: string; expiresAt: number } | undefined;
			return !!row && row.userId === userId && row.expiresAt > at;
		},
		/** Spends the proof (one signature per fresh login); false when there is none. */
		spendProof: (sessionId: string, userId: string, at: number): boolean => spendProof.run(sessionId, userId, at).changes === 1
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type OidcQueries = ReturnType<typeof createOidcQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type OidcRepository = Async<OidcQueries>;
export const createOidcRepository = (db: Db): OidcRepository => toAsync(createOidcQueries(db));
