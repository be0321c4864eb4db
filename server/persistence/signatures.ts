// Signatures on frozen versions. Append-only like snapshots (migration 3).
import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import type { SignatureMeaning } from '../../src/lib/shared/framework/codes.ts';

export type SignatureRow = {
	id: string;
	snapshotId: string;
	reviewId: string;
	version: number;
	meaning: SignatureMeaning;
	signerUserId: string;
	printedName: string;
	role: Role;
	signedAt: string;
	recordHash: string;
	declarationHash: string;
};

type Raw = {
	id: string;
	snapshot_id: string;
	review_id: string;
	version: number;
	meaning: SignatureMeaning;
	signer_user_id: string;
	printed_name: string;
	role: Role;
	signed_at: string;
	record_hash: string;
	declaration_hash: string;
};

const toRow = (r: Raw): SignatureRow => ({
	id: r.id,
	snapshotId: r.snapshot_id,
	reviewId: r.review_id,
	version: r.version,
	meaning: r.meaning,
	signerUserId: r.signer_user_id,
	printedName: r.printed_name,
	role: r.role,
	signedAt: r.signed_at,
	recordHash: r.record_hash,
	declarationHash: r.declaration_hash
});

export function createSignatureQueries(db: Db) {
	const insert = db.prepare(
		`INSERT INTO signatures (id, snapshot_id, review_id, version, meaning, signer_user_id, printed_name, role,
			signed_at, record_hash, declaration_hash)
		 VALUES (@id, @snapshotId, @reviewId, @version, @meaning, @signerUserId, @printedName, @role,
			@signedAt, @recordHash, @declarationHash)`
	);
	const ofReview = db.prepare('SELECT * FROM signatures WHERE review_id = ? ORDER BY version, signed_at, rowid');
	const ofVersion = db.prepare('SELECT * FROM signatures WHERE review_id = ? AND version = ? ORDER BY signed_at, rowid');
	const existing = db.prepare(
		'SELECT * FROM signatures WHERE review_id = ? AND version = ? AND meaning = ? AND signer_user_id = ?'
	);
	const everything = db.prepare('SELECT * FROM signatures ORDER BY review_id, version, signed_at, rowid');
	const count = db.prepare('SELECT COUNT(*) AS n FROM signatures');

	return {
		insert: (row: SignatureRow) => void insert.run(row),
		forReview: (reviewId: string): SignatureRow[] => (ofReview.all(reviewId) as Raw[]).map(toRow),
		forVersion: (reviewId: string, version: number): SignatureRow[] => (ofVersion.all(reviewId, version) as Raw[]).map(toRow),
		find(reviewId: string, version: number, meaning: SignatureMeaning, userId: string): SignatureRow | null {
			const row = existing.get(reviewId, version, meaning, userId) as Raw | undefined;
			return row ? toRow(row) : null;
		},
		all: (): SignatureRow[] => (everything.all() as Raw[]).map(toRow),
		count: (): number => (count.get() as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type SignatureQueries = ReturnType<typeof createSignatureQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type SignatureRepository = Async<SignatureQueries>;
export const createSignatureRepository = (db: Db): SignatureRepository => toAsync(createSignatureQueries(db));
