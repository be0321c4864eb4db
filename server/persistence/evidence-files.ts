// Metadata of evidence files (migration 7). The bytes are in the blob store, named by sha256.
import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export const EVIDENCE_TARGETS = ['interview', 'element', 'action'] as const;
export type EvidenceTargetKind = (typeof EVIDENCE_TARGETS)[number];

export type EvidenceFileRow = {
	id: string;
	reviewId: string;
	targetKind: EvidenceTargetKind;
	targetId: string;
	name: string;
	size: number;
	sha256: string;
	mediaType: string;
	confidential: boolean;
	uploadedBy: string;
	uploadedByName: string;
	uploadedAt: number;
	carriedFrom: string | null;
};

type Raw = {
	id: string;
	review_id: string;
	target_kind: EvidenceTargetKind;
	target_id: string;
	name: string;
	size: number;
	sha256: string;
	media_type: string;
	confidential: 0 | 1;
	uploaded_by: string;
	uploaded_by_name: string;
	uploaded_at: number;
	carried_from: string | null;
};

const toRow = (r: Raw): EvidenceFileRow => ({
	id: r.id,
	reviewId: r.review_id,
	targetKind: r.target_kind,
	targetId: r.target_id,
	name: r.name,
	size: r.size,
	sha256: r.sha256,
	mediaType: r.media_type,
	confidential: r.confidential === 1,
	uploadedBy: r.uploaded_by,
	uploadedByName: r.uploaded_by_name,
	uploadedAt: r.uploaded_at,
	carriedFrom: r.carried_from
});

const SELECT = `SELECT f.*, u.name AS uploaded_by_name FROM evidence_files f JOIN users u ON u.id = f.uploaded_by`;

export function createEvidenceFileQueries(db: Db) {
	const insert = db.prepare(
		`INSERT INTO evidence_files (id, review_id, target_kind, target_id, name, size, sha256, media_type, confidential, uploaded_by, uploaded_at, carried_from)
		 VALUES (@id, @reviewId, @targetKind, @targetId, @name, @size, @sha256, @mediaType, @confidential, @uploadedBy, @uploadedAt, @carriedFrom)`
	);
	const forReview = db.prepare(`${SELECT} WHERE f.review_id = ? AND f.removed_at IS NULL ORDER BY f.uploaded_at, f.id`);
	const byId = db.prepare(`${SELECT} WHERE f.review_id = ? AND f.id = ? AND f.removed_at IS NULL`);
	const anyById = db.prepare(`${SELECT} WHERE f.review_id = ? AND f.id = ?`);
	const remove = db.prepare('UPDATE evidence_files SET removed_at = ?, removed_by = ? WHERE review_id = ? AND id = ? AND removed_at IS NULL');
	const setConfidential = db.prepare('UPDATE evidence_files SET confidential = ? WHERE review_id = ? AND id = ? AND removed_at IS NULL');

	return {
		insert(row: Omit<EvidenceFileRow, 'uploadedByName'>) {
			insert.run({ ...row, confidential: row.confidential ? 1 : 0 });
		},
		/** Files still attached, oldest first. */
		forReview: (reviewId: string) => (forReview.all(reviewId) as Raw[]).map(toRow),
		get(reviewId: string, id: string): EvidenceFileRow | null {
			const row = byId.get(reviewId, id) as Raw | undefined;
			return row ? toRow(row) : null;
		},
		/** The row even when detached since: a signed record still names it (evidence carried by reference). */
		getIncludingRemoved(reviewId: string, id: string): EvidenceFileRow | null {
			const row = anyById.get(reviewId, id) as Raw | undefined;
			return row ? toRow(row) : null;
		},
		/** Detaches the file (the row stays, so an earlier frozen record still names it). */
		remove: (reviewId: string, id: string, by: string, at: number) => remove.run(at, by, reviewId, id).changes === 1,
		setConfidential: (reviewId: string, id: string, confidential: boolean) => setConfidential.run(confidential ? 1 : 0, reviewId, id).changes === 1
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type EvidenceFileQueries = ReturnType<typeof createEvidenceFileQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type EvidenceFileRepository = Async<EvidenceFileQueries>;
export const createEvidenceFileRepository = (db: Db): EvidenceFileRepository => toAsync(createEvidenceFileQueries(db));
