// Who has scored a round (never what), in the reader's language: the interface's counterpart of
// voterSummary in src/lib/shared/documents/rounds.ts.
import { m } from '#lib/paraglide/messages.js';
import type { PublicRound } from '#lib/shared/documents/rounds.ts';

export function voterSummaryText(round: Pick<PublicRound, 'voters' | 'eligible' | 'status'>): string {
	const count = round.voters.length;
	const of = Math.max(round.eligible, count);
	const names = round.voters.map((v) => v.name).join(m.grid_names_separator());
	if (round.status !== 'open') return count === 0 ? m.grid_voters_nobody_scored() : m.grid_voters_scored_by({ of, count, names });
	if (count === 0) return m.grid_voters_nobody_yet({ of });
	return m.grid_voters_have_voted({ count, of, names });
}
