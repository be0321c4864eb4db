import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import type { Role } from '../../src/lib/shared/roles.ts';

export type InvitationRow = {
	id: string;
	tokenHash: Uint8Array;
	reviewId: string;
	email: string;
	name: string;
	role: Role;
	department: string | null;
	invitedBy: string;
	createdAt: number;
	expiresAt: number;
	acceptedAt: number | null;
	acceptedBy: string | null;
	revokedAt: number | null;
};

type Raw = {
	id: string;
	token_hash: Buffer;
	review_id: string;
	email: string;
	name: string;
	role: Role;
	department: string | null;
	invited_by: string;
	created_at: number;
	expires_at: number;
	accepted_at: number | null;
	accepted_by: string | null;
	revoked_at: number | null;
};

const toInvitation = (r: Raw): InvitationRow => ({
	id: r.id,
	tokenHash: new Uint8Array(r.token_hash),
	reviewId: r.review_id,
	email: r.email,
	name: r.name,
	role: r.role,
	department: r.department,
	invitedBy: r.invited_by,
	createdAt: r.created_at,
	expiresAt: r.expires_at,
	acceptedAt: r.accepted_at,
	acceptedBy: r.accepted_by,
	revokedAt: r.revoked_at
});

export function createInvitationQueries(db: Db) {
	const insert = db.prepare(
		`INSERT INTO invitations (id, token_hash, review_id, email, name, role, department, invited_by, created_at, expires_at)
		 VALUES (@id, @tokenHash, @reviewId, @email, @name, @role, @department, @invitedBy, @createdAt, @expiresAt)`
	);
	const byTokenHash = db.prepare('SELECT * FROM invitations WHERE token_hash = ?');
	const byId = db.prepare('SELECT * FROM invitations WHERE id = ?');
	const pendingForReview = db.prepare(
		`SELECT * FROM invitations WHERE review_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
		 ORDER BY created_at DESC`
	);
	// The WHERE clause makes acceptance single-use even if two tabs accept at once.
	const accept = db.prepare(
		`UPDATE invitations SET accepted_at = ?, accepted_by = ?
		 WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?`
	);
	const pendingAll = db.prepare(
		`SELECT invitations.*, reviews.title AS review_title FROM invitations JOIN reviews ON reviews.id = invitations.review_id
		 WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY invitations.created_at DESC`
	);
	const pendingForEmail = db.prepare(
		'SELECT * FROM invitations WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at'
	);
	const revoke = db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND review_id = ? AND accepted_at IS NULL AND revoked_at IS NULL');

	return {
		insert(inv: Omit<InvitationRow, 'acceptedAt' | 'acceptedBy' | 'revokedAt'>) {
			insert.run({ ...inv, tokenHash: Buffer.from(inv.tokenHash) });
		},
		findByTokenHash(hash: Uint8Array): InvitationRow | null {
			const row = byTokenHash.get(Buffer.from(hash)) as Raw | undefined;
			return row ? toInvitation(row) : null;
		},
		findById(id: string): InvitationRow | null {
			const row = byId.get(id) as Raw | undefined;
			return row ? toInvitation(row) : null;
		},
		pendingForReview: (reviewId: string, now: number) => (pendingForReview.all(reviewId, now) as Raw[]).map(toInvitation),
		/** Pending invitations of every review, newest first, with the review's title (administration). */
		pendingAll: (now: number) =>
			(pendingAll.all(now) as Array<Raw & { review_title: string }>).map((r) => ({ ...toInvitation(r), reviewTitle: r.review_title })),
		pendingForEmail: (email: string, now: number) => (pendingForEmail.all(email.trim(), now) as Raw[]).map(toInvitation),
		markAccepted: (id: string, userId: string, now: number) => accept.run(now, userId, id, now).changes === 1,
		revoke: (id: string, reviewId: string, now: number) => revoke.run(now, id, reviewId).changes === 1
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type InvitationQueries = ReturnType<typeof createInvitationQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type InvitationRepository = Async<InvitationQueries>;
export const createInvitationRepository = (db: Db): InvitationRepository => toAsync(createInvitationQueries(db));
