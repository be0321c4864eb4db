import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export type PasswordResetRow = {
	id: string;
	tokenHash: Uint8Array;
	userId: string;
	issuedBy: string | null;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
	returnTo: string;
};

type Raw = {
	id: string;
	token_hash: Buffer;
	user_id: string;
	issued_by: string | null;
	created_at: number;
	expires_at: number;
	used_at: number | null;
	return_to: string;
};

const toRow = (r: Raw): PasswordResetRow => ({
	id: r.id,
	tokenHash: new Uint8Array(r.token_hash),
	userId: r.user_id,
	issuedBy: r.issued_by,
	createdAt: r.created_at,
	expiresAt: r.expires_at,
	usedAt: r.used_at,
	returnTo: r.return_to
});

export function createPasswordResetQueries(db: Db) {
	const insert = db.prepare(
		`INSERT INTO password_resets (id, token_hash, user_id, issued_by, created_at, expires_at, return_to)
		 VALUES (@id, @tokenHash, @userId, @issuedBy, @createdAt, @expiresAt, @returnTo)`
	);
	const byHash = db.prepare('SELECT * FROM password_resets WHERE token_hash = ?');
	// The WHERE clause is what makes a link single-use, even for two tabs submitting at once.
	const use = db.prepare('UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?');
	const retire = db.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL');
	return {
		insert: (row: Omit<PasswordResetRow, 'usedAt'>) => void insert.run({ ...row, tokenHash: Buffer.from(row.tokenHash) }),
		findByTokenHash(hash: Uint8Array): PasswordResetRow | null {
			const row = byHash.get(Buffer.from(hash)) as Raw | undefined;
			return row ? toRow(row) : null;
		},
		markUsed: (id: string, at: number): boolean => use.run(at, id, at).changes === 1,
		/** Every link of the user still open is spent (a newer link, a reset, a deactivation). */
		retireForUser: (userId: string, at: number): number => retire.run(at, userId).changes
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type PasswordResetQueries = ReturnType<typeof createPasswordResetQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type PasswordResetRepository = Async<PasswordResetQueries>;
export const createPasswordResetRepository = (db: Db): PasswordResetRepository => toAsync(createPasswordResetQueries(db));
