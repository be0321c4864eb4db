// The view of a round that every participant may see: who has voted, never what. Built from the
// database for the reviewer document and for HTTP answers alike, so the two cannot disagree.
import { may } from '../auth/policy.ts';
import type { ParticipantRow } from '../persistence/reviews.ts';
import type { RoundQueries, RoundRow } from '../persistence/rounds.ts';
import { RoundResultSchema, RoundVoterSchema, type PublicRound, type RoundResult, type RoundVoter } from '../../src/lib/shared/documents/rounds.ts';

export function isVoter(participants: readonly ParticipantRow[], userId: string): boolean {
	const p = participants.find((x) => x.userId === userId);
	return p !== undefined && may(p.role, 'vote');
}

/** Names of the people behind these votes, in the order they first voted; no scores. */
export function votersOf(votes: ReadonlyArray<{ userId: string }>, participants: readonly ParticipantRow[]): RoundVoter[] {
	return votes.flatMap((v) => {
		const p = participants.find((x) => x.userId === v.userId);
		return p && may(p.role, 'vote') ? [{ userId: p.userId, name: p.name }] : [];
	});
}

function parsed<T>(json: string | null, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
	if (json === null) return null;
	try {
		const result = schema.safeParse(JSON.parse(json));
		return result.success ? result.data : null;
	} catch {
		return null;
	}
}

export function publicRound(round: RoundRow, rounds: Pick<RoundQueries, 'votes'>, participants: readonly ParticipantRow[]): PublicRound {
	const voters =
		round.status === 'open'
			? votersOf(rounds.votes(round.id), participants)
			: (parsed(round.votersJson, RoundVoterSchema.array()) ?? []);
	const result: RoundResult | null = round.status === 'revealed' ? parsed(round.resultJson, RoundResultSchema) : null;
	return {
		id: round.id,
		elementCode: round.elementCode,
		number: round.number,
		status: round.status,
		openedAt: new Date(round.openedAt).toISOString(),
		closedAt: round.closedAt === null ? null : new Date(round.closedAt).toISOString(),
		eligible: participants.filter((p) => may(p.role, 'vote')).length,
		voters,
		result
	};
}
