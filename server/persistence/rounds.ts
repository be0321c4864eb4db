// Blind scoring rounds and their votes (migration 4). A vote row exists only while its round is
// open: revealing or cancelling a round deletes them in the same transaction (see server/rounds).
import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import type { RoundStatus } from '../../src/lib/shared/documents/rounds.ts';

export type RoundRow = {
	id: string;
	reviewId: string;
	elementCode: string;
	number: number;
	status: RoundStatus;
	openedBy: string;
	openedAt: number;
	closedAt: number | null;
	/** JSON of the voters ({userId, name}[]) kept when the votes are deleted. */
	votersJson: string | null;
	/** JSON of the anonymous result after a reveal. */
	resultJson: string | null;
};

export type VoteRow = { roundId: string; userId: string; score: number; comment: string; firstVotedAt: number; votedAt: number };

type RawRound = {
	id: string;
	review_id: string;
	element_code: string;
	number: number;
	status: RoundStatus;
	opened_by: string;
	opened_at: number;
	closed_at: number | null;
	voters_json: string | null;
	result_json: string | null;
};

type RawVote = { round_id: string; user_id: string; score: number; comment: string; first_voted_at: number; voted_at: number };

const toRound = (r: RawRound): RoundRow => ({
	id: r.id,
	reviewId: r.review_id,
	elementCode: r.element_code,
	number: r.number,
	status: r.status,
	openedBy: r.opened_by,
	openedAt: r.opened_at,
	closedAt: r.closed_at,
	votersJson: r.voters_json,
	resultJson: r.result_json
});

const toVote = (r: RawVote): VoteRow => ({
	roundId: r.round_id,
	userId: r.user_id,
	score: r.score,
	comment: r.comment,
	firstVotedAt: r.first_voted_at,
	votedAt: r.voted_at
});

export function createRoundQueries(db: Db) {
	// Deleted rows normally linger in the file's free space until reused, where anyone with the
	// file could read a vote that was "deleted". FAST zeroes freed space inside the pages SQLite
	// rewrites anyway (no extra I/O); it applies to the whole connection, which is harmless for
	// the other tables. A WAL checkpoint then carries the zeroed pages into the main file.
	db.pragma('secure_delete = FAST');
	const insertRound = db.prepare(
		`INSERT INTO scoring_rounds (id, review_id, element_code, number, status, opened_by, opened_at)
		 VALUES (@id, @reviewId, @elementCode, @number, 'open', @openedBy, @openedAt)`
	);
	const byId = db.prepare('SELECT * FROM scoring_rounds WHERE id = ? AND review_id = ?');
	const openFor = db.prepare("SELECT * FROM scoring_rounds WHERE review_id = ? AND element_code = ? AND status = 'open'");
	const lastNumber = db.prepare('SELECT MAX(number) AS n FROM scoring_rounds WHERE review_id = ? AND element_code = ?');
	const close = db.prepare(
		`UPDATE scoring_rounds SET status = @status, closed_at = @closedAt, voters_json = @votersJson, result_json = @resultJson
		 WHERE id = @id AND status = 'open'`
	);
	const upsertVote = db.prepare(
		`INSERT INTO scoring_votes (round_id, user_id, score, comment, first_voted_at, voted_at)
		 VALUES (@roundId, @userId, @score, @comment, @at, @at)
		 ON CONFLICT (round_id, user_id) DO UPDATE SET score = excluded.score, comment = excluded.comment, voted_at = excluded.voted_at`
	);
	const votesOf = db.prepare('SELECT * FROM scoring_votes WHERE round_id = ? ORDER BY first_voted_at, rowid');
	const voteOf = db.prepare('SELECT * FROM scoring_votes WHERE round_id = ? AND user_id = ?');
	const deleteVotes = db.prepare('DELETE FROM scoring_votes WHERE round_id = ?');
	const countVotes = db.prepare('SELECT COUNT(*) AS n FROM scoring_votes');

	return {
		insert: (row: { id: string; reviewId: string; elementCode: string; number: number; openedBy: string; openedAt: number }) =>
			void insertRound.run(row),
		find(reviewId: string, roundId: string): RoundRow | null {
			const row = byId.get(roundId, reviewId) as RawRound | undefined;
			return row ? toRound(row) : null;
		},
		openFor(reviewId: string, elementCode: string): RoundRow | null {
			const row = openFor.get(reviewId, elementCode) as RawRound | undefined;
			return row ? toRound(row) : null;
		},
		nextNumber: (reviewId: string, elementCode: string): number => ((lastNumber.get(reviewId, elementCode) as { n: number | null }).n ?? 0) + 1,
		/** Closes an open round; false when it was no longer open (a concurrent reveal or cancel). */
		close: (row: { id: string; status: Exclude<RoundStatus, 'open'>; closedAt: number; votersJson: string; resultJson: string | null }) =>
			close.run(row).changes === 1,
		upsertVote: (row: { roundId: string; userId: string; score: number; comment: string; at: number }) => void upsertVote.run(row),
		/** Votes in the order people first voted (a later change keeps its place). */
		votes: (roundId: string): VoteRow[] => (votesOf.all(roundId) as RawVote[]).map(toVote),
		vote(roundId: string, userId: string): VoteRow | null {
			const row = voteOf.get(roundId, userId) as RawVote | undefined;
			return row ? toVote(row) : null;
		},
		deleteVotes: (roundId: string): number => deleteVotes.run(roundId).changes,
		/** Every vote row in the database, for tests that prove reveals leave none behind. */
		countAllVotes: (): number => (countVotes.get() as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type RoundQueries = ReturnType<typeof createRoundQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type RoundRepository = Async<RoundQueries>;
export const createRoundRepository = (db: Db): RoundRepository => toAsync(createRoundQueries(db));
