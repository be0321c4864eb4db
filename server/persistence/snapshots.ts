// Frozen versions of the evaluation record. Append-only: the database refuses UPDATE and DELETE
// (migration 3), so this repository only inserts and reads.
import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export type SnapshotRow = {
	id: string;
	reviewId: string;
	version: number;
	label: string;
	note: string;
	frozenAt: string;
	frozenBy: string;
	frozenByName: string;
	contentHash: string;
	previousChainHash: string | null;
	chainHash: string;
	recordJson: string;
	workspaceState: Uint8Array;
	reviewerState: Uint8Array;
};

/** A snapshot without its large columns, for lists. */
export type SnapshotHead = Omit<SnapshotRow, 'recordJson' | 'workspaceState' | 'reviewerState'>;

type RawHead = {
	id: string;
	review_id: string;
	version: number;
	label: string;
	note: string;
	frozen_at: string;
	frozen_by: string;
	frozen_by_name: string;
	content_hash: string;
	previous_chain_hash: string | null;
	chain_hash: string;
};
type Raw = RawHead & { record_json: string; workspace_state: Buffer; reviewer_state: Buffer };

const HEAD_COLUMNS =
	'id, review_id, version, label, note, frozen_at, frozen_by, frozen_by_name, content_hash, previous_chain_hash, chain_hash';

const toHead = (r: RawHead): SnapshotHead => ({
	id: r.id,
	reviewId: r.review_id,
	version: r.version,
	label: r.label,
	note: r.note,
	frozenAt: r.frozen_at,
	frozenBy: r.frozen_by,
	frozenByName: r.frozen_by_name,
	contentHash: r.content_hash,
	previousChainHash: r.previous_chain_hash,
	chainHash: r.chain_hash
});

const toRow = (r: Raw): SnapshotRow => ({
	...toHead(r),
	recordJson: r.record_json,
	workspaceState: new Uint8Array(r.workspace_state),
	reviewerState: new Uint8Array(r.reviewer_state)
});

export function createSnapshotQueries(db: Db) {
	const insert = db.prepare(
		`INSERT INTO snapshots (id, review_id, version, label, note, frozen_at, frozen_by, frozen_by_name,
			content_hash, previous_chain_hash, chain_hash, record_json, workspace_state, reviewer_state)
		 VALUES (@id, @reviewId, @version, @label, @note, @frozenAt, @frozenBy, @frozenByName,
			@contentHash, @previousChainHash, @chainHash, @recordJson, @workspaceState, @reviewerState)`
	);
	const latest = db.prepare(`SELECT ${HEAD_COLUMNS} FROM snapshots WHERE review_id = ? ORDER BY version DESC LIMIT 1`);
	const headsOf = db.prepare(`SELECT ${HEAD_COLUMNS} FROM snapshots WHERE review_id = ? ORDER BY version`);
	const one = db.prepare('SELECT * FROM snapshots WHERE review_id = ? AND version = ?');
	const allOf = db.prepare('SELECT * FROM snapshots WHERE review_id = ? ORDER BY version, id');
	const everything = db.prepare('SELECT * FROM snapshots ORDER BY review_id, version, id');
	const count = db.prepare('SELECT COUNT(*) AS n FROM snapshots');

	return {
		insert(row: SnapshotRow) {
			insert.run({
				...row,
				workspaceState: Buffer.from(row.workspaceState),
				reviewerState: Buffer.from(row.reviewerState)
			});
		},
		latest(reviewId: string): SnapshotHead | null {
			const row = latest.get(reviewId) as RawHead | undefined;
			return row ? toHead(row) : null;
		},
		heads: (reviewId: string): SnapshotHead[] => (headsOf.all(reviewId) as RawHead[]).map(toHead),
		get(reviewId: string, version: number): SnapshotRow | null {
			const row = one.get(reviewId, version) as Raw | undefined;
			return row ? toRow(row) : null;
		},
		/** Full rows, for verification: one review's, or every review's. */
		all: (reviewId?: string): SnapshotRow[] =>
			((reviewId === undefined ? everything.all() : allOf.all(reviewId)) as Raw[]).map(toRow),
		count: (): number => (count.get() as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type SnapshotQueries = ReturnType<typeof createSnapshotQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type SnapshotRepository = Async<SnapshotQueries>;
export const createSnapshotRepository = (db: Db): SnapshotRepository => toAsync(createSnapshotQueries(db));
