// Blind scoring: the rounds everyone sees (who has voted, never what; the spread after a reveal)
// and the calls to the server, which alone holds the votes until the reveal.
import { readRounds, type PublicRound } from '#lib/shared/documents/rounds.ts';
import { callServer } from '../server-call.ts';
import type { AreaContext } from './area-context.ts';

export type MyVote = { score: number; comment: string };

export function roundsArea({ reviewId, reviewer, view }: AreaContext) {
	const rounds = view(() => readRounds(reviewer), [reviewer]);
	const base = `/reviews/${encodeURIComponent(reviewId)}/rounds`;
	const of = (roundId: string, action: 'vote' | 'reveal' | 'cancel') => `${base}/${encodeURIComponent(roundId)}/${action}`;
	return {
		/** Every round, per element in round order. */
		get all() {
			return rounds.current;
		},
		/** Opens a round for the element, or the next one after a reveal ("run again"). */
		open: (elementCode: string) => callServer<PublicRound>(base, 'round', { method: 'POST', json: { elementCode } }),
		reveal: (roundId: string) => callServer<PublicRound>(of(roundId, 'reveal'), 'round', { method: 'POST', json: {} }),
		cancel: (roundId: string) => callServer<PublicRound>(of(roundId, 'cancel'), 'round', { method: 'POST', json: {} }),
		/** This person's own vote, which only they get back. */
		myVote: (roundId: string) => callServer<MyVote | null>(of(roundId, 'vote'), 'mine', { method: 'GET' }),
		vote: (roundId: string, score: number, comment: string) => callServer<MyVote>(of(roundId, 'vote'), 'mine', { method: 'POST', json: { score, comment } })
	};
}
