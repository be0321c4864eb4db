// Blind scoring: the facilitator opens a round for an element, everyone but observers scores it
// privately, and the facilitator reveals the anonymous spread. Votes exist only in the database
// and only while the round is open; the reviewer document gets who has voted (never what) and,
// on reveal, the spread (server/rounds/public-round.ts builds that view).
//
// Order, where the database and the reviewer document must agree: a round's rows change first, in
// one SQLite transaction (a reveal's vote deletion with them), and the document is written after
// that commits. So the document never shows a spread whose votes are still stored; if the write
// fails, the database is ahead of the document, and repeating the action shows the room what the
// database already holds (publishing is idempotent).
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { getElement, getFramework } from '../../src/lib/shared/framework/index.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import { MIN_VOTES_TO_REVEAL, summariseVotes, writeRound, type PublicRound } from '../../src/lib/shared/documents/rounds.ts';
import type { Db } from '../persistence/database.ts';
import type { Transactional } from '../persistence/transactional.ts';
import type { RoundQueries, RoundRow } from '../persistence/rounds.ts';
import type { ReviewQueries } from '../persistence/reviews.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { Logger } from '../logger.ts';
import type { SyncAudit } from '../records/audit.ts';
import { may } from '../auth/policy.ts';
import { isVoter, publicRound, votersOf } from './public-round.ts';
import type { VoteInput } from './round-inputs.ts';
import { m } from '../../src/lib/paraglide/messages.js';

type Deps = {
	db: Db;
	rounds: RoundQueries;
	reviews: ReviewQueries;
	documentStore: Pick<DocumentStore, 'write'>;
	audit: Pick<SyncAudit, 'append'>;
	logger: Pick<Logger, 'error'>;
	now?: () => number;
};

/** What a voter gets back about their own vote; nobody else is ever sent this. */
export type MyVote = { score: number; comment: string };

type Actor = { id: string };

// Functions, not constants: each answer speaks the language of the request that asks.
const roundClosed = (status: Exclude<RoundRow['status'], 'open'>): string => (status === 'revealed' ? m.grid_err_round_revealed() : m.grid_err_round_cancelled());

/** The database holds the outcome; only showing it to the room failed. */
const notShown = (status: Exclude<RoundRow['status'], 'open'>): string =>
	status === 'revealed' ? m.grid_err_not_shown_revealed() : m.grid_err_not_shown_cancelled();

export function createRoundService(deps: Deps) {
	const now = deps.now ?? Date.now;

	// Non-participants get the same "forbidden" as observers whether or not the review exists,
	// so the answer says nothing about which review ids are real.
	function requireRole(actor: Actor, reviewId: string, action: 'vote' | 'edit_reviewer'): Result<true> {
		const role = deps.reviews.participant(reviewId, actor.id)?.role ?? null;
		if (role === null) return fail('forbidden', m.grid_err_participants_only());
		if (!may(role, action)) {
			return fail('forbidden', action === 'vote' ? m.grid_err_observers_do_not_score() : m.grid_err_facilitator_only_rounds());
		}
		return ok(true);
	}

	function requireOpenRound(reviewId: string, roundId: string, refusal: () => string): Result<RoundRow> {
		const round = deps.rounds.find(reviewId, roundId);
		if (!round) return fail('not_found', m.grid_err_no_such_round());
		if (round.status !== 'open') {
			return fail('conflict', m.grid_err_round_closed({ number: round.number, code: round.elementCode, state: roundClosed(round.status), refusal: refusal() }));
		}
		return ok(round);
	}

	/**
	 * Writes the round's public entry into the reviewer document. The view is built inside the
	 * change, from the database as it is then, so two votes landing together can never leave an
	 * older voter list in the document.
	 */
	async function publish(reviewId: string, roundId: string): Promise<PublicRound> {
		let written: PublicRound | null = null;
		await deps.documentStore.write(reviewerDocumentName(reviewId), (doc) => {
			const round = deps.rounds.find(reviewId, roundId);
			if (!round) return;
			written = publicRound(round, deps.rounds, deps.reviews.participants(reviewId));
			writeRound(doc, written);
		});
		if (!written) throw new Error(`round ${roundId} vanished while being published`);
		return written;
	}

	/**
	 * Ends an open round as `status` in one transaction (`close` deletes its votes), then shows the
	 * room. Asked again for a round the database already closed that way, it shows the room again
	 * (healing a failed earlier write) and still answers that the round was closed.
	 */
	async function closeRound(
		reviewId: string,
		roundId: string,
		status: Exclude<RoundRow['status'], 'open'>,
		close: () => Result<true>
	): Promise<Result<PublicRound>> {
		const closed = deps.db.transaction(close)();
		if (!closed.ok) {
			if (deps.rounds.find(reviewId, roundId)?.status === status) await publishOrLog(reviewId, roundId, status);
			return closed;
		}
		const shown = await publishOrLog(reviewId, roundId, status);
		return shown ? ok(shown) : fail('internal', notShown(status));
	}

	async function publishOrLog(reviewId: string, roundId: string, status: string): Promise<PublicRound | null> {
		try {
			return await publish(reviewId, roundId);
		} catch (cause) {
			deps.logger.error('rounds.publish_failed', { review: reviewId, round: roundId, status, error: String(cause) });
			return null;
		}
	}

	return {
		/** Opens round 1, or the next round after a reveal or cancel ("run again"). */
		async open(actor: Actor, reviewId: string, elementCode: string): Promise<Result<PublicRound>> {
			const allowed = requireRole(actor, reviewId, 'edit_reviewer');
			if (!allowed.ok) return allowed;
			const review = deps.reviews.findById(reviewId);
			const framework = review ? getFramework(review.frameworkId, review.frameworkVersion) : null;
			if (!framework || !getElement(framework, elementCode)) return fail('invalid_input', m.grid_err_choose_element(), 'elementCode');
			const opened = deps.db.transaction((): Result<string> => {
				const current = deps.rounds.openFor(reviewId, elementCode);
				if (current) return fail('conflict', m.grid_err_round_already_open({ number: current.number, code: elementCode }));
				const id = crypto.randomUUID();
				deps.rounds.insert({ id, reviewId, elementCode, number: deps.rounds.nextNumber(reviewId, elementCode), openedBy: actor.id, openedAt: now() });
				return ok(id);
			})();
			if (!opened.ok) return opened;
			return ok(await publish(reviewId, opened.value));
		},

		/** Records or replaces the actor's score (one per person per round) while the round is open. */
		async vote(actor: Actor, reviewId: string, roundId: string, input: VoteInput): Promise<Result<MyVote>> {
			const allowed = requireRole(actor, reviewId, 'vote');
			if (!allowed.ok) return allowed;
			const round = requireOpenRound(reviewId, roundId, () => m.grid_err_vote_not_recorded());
			if (!round.ok) return round;
			const isNewVoter = deps.rounds.vote(roundId, actor.id) === null;
			deps.rounds.upsertVote({ roundId, userId: actor.id, score: input.score, comment: input.comment, at: now() });
			// A changed vote leaves the public list as it was, so the room cannot see who changed
			// their mind; only a first vote adds a name.
			if (isNewVoter) await publish(reviewId, roundId);
			return ok({ score: input.score, comment: input.comment });
		},

		/** The actor's own current vote; null when they have not voted or the round is closed. */
		myVote(actor: Actor, reviewId: string, roundId: string): Result<MyVote | null> {
			const allowed = requireRole(actor, reviewId, 'vote');
			if (!allowed.ok) return allowed;
			const round = deps.rounds.find(reviewId, roundId);
			if (!round) return fail('not_found', m.grid_err_no_such_round());
			const vote = round.status === 'open' ? deps.rounds.vote(roundId, actor.id) : null;
			return ok(vote ? { score: vote.score, comment: vote.comment } : null);
		},

		/**
		 * Computes the anonymous spread, stores it with the list of voters, and deletes every vote of
		 * the round in the same transaction; only then is the spread written to the reviewer document. Deleting rather than keeping the values "unlinkable":
		 * once revealed, the individual scores have no further use (the spread is the record), and
		 * any stored link between a person and a score could later be read by whoever gets the
		 * database file (an administrator, a backup, a subpoena), which is exactly the pressure the
		 * blind round promises staff they will not face. Nothing kept can name a score's author.
		 * The repository turns on SQLite's secure_delete (FAST), so the deleted bytes are zeroed in
		 * the database file too; copies in the WAL are overwritten as the log is checkpointed and reused.
		 */
		async reveal(actor: Actor, reviewId: string, roundId: string): Promise<Result<PublicRound>> {
			const allowed = requireRole(actor, reviewId, 'edit_reviewer');
			if (!allowed.ok) return allowed;
			return closeRound(reviewId, roundId, 'revealed', (): Result<true> => {
				const round = requireOpenRound(reviewId, roundId, () => m.grid_err_nothing_to_reveal());
				if (!round.ok) return round;
				const participants = deps.reviews.participants(reviewId);
				// Someone removed from the review, or made an observer, during the round no longer counts.
				const votes = deps.rounds.votes(roundId).filter((v) => isVoter(participants, v.userId));
				if (votes.length < MIN_VOTES_TO_REVEAL) {
					return fail('conflict', votes.length === 0 ? m.grid_err_reveal_none({ min: MIN_VOTES_TO_REVEAL }) : m.grid_err_reveal_one({ min: MIN_VOTES_TO_REVEAL }));
				}
				const result = summariseVotes(votes);
				const voters = votersOf(votes, participants);
				deps.rounds.close({ id: roundId, status: 'revealed', closedAt: now(), votersJson: JSON.stringify(voters), resultJson: JSON.stringify(result) });
				deps.rounds.deleteVotes(roundId);
				// The spread, never the comments or the voters: the audit log outlives every round.
				const { count, perLevel, min, median, max } = result;
				deps.audit.append({
					actorId: actor.id,
					action: 'reveal',
					reviewId,
					details: { roundId, elementCode: round.value.elementCode, round: round.value.number, count, perLevel, min, median, max }
				});
				return ok(true);
			});
		},

		/** Ends an open round without a result; its votes are deleted unseen. */
		async cancel(actor: Actor, reviewId: string, roundId: string): Promise<Result<PublicRound>> {
			const allowed = requireRole(actor, reviewId, 'edit_reviewer');
			if (!allowed.ok) return allowed;
			return closeRound(reviewId, roundId, 'cancelled', (): Result<true> => {
				const round = requireOpenRound(reviewId, roundId, () => m.grid_err_cannot_cancel());
				if (!round.ok) return round;
				const voters = votersOf(deps.rounds.votes(roundId), deps.reviews.participants(reviewId));
				deps.rounds.close({ id: roundId, status: 'cancelled', closedAt: now(), votersJson: JSON.stringify(voters), resultJson: null });
				deps.rounds.deleteVotes(roundId);
				return ok(true);
			});
		}
	};
}

export type RoundService = ReturnType<typeof createRoundService>;
/** What callers use (services.ts): `myVote` runs as one store transaction too. */
export type PublishedRounds = Transactional<RoundService, 'myVote'>;
