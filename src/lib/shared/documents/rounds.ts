// Blind scoring rounds as everyone sees them, under `rounds` in the reviewer document. Only the
// server writes here (services.documentStore.write), and only what every participant may know:
// that a round is open, who has voted (never what), and, after the reveal, the anonymous spread.
// The votes themselves live in the server's database only (server/rounds), because every client
// receives the whole document and its whole history.
import type * as Y from 'yjs';
import * as z from 'zod';
import { distribution } from './element-rows.ts';
import type { Problems } from './schema/fields.ts';
import { plainEntries } from './schema/records.ts';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { InterfaceLocale } from '../../i18n/locales.ts';

export const ROUND_STATUSES = ['open', 'revealed', 'cancelled'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const COMMENT_MAX_LENGTH = 500;

/** Fewer votes than this cannot be revealed: one vote would be that voter's score, named. */
export const MIN_VOTES_TO_REVEAL = 2;

const level = z.int().min(0).max(5);

/** A person who has voted: a name to show, never a value. */
export const RoundVoterSchema = z.strictObject({ userId: z.string().min(1), name: z.string() });
export type RoundVoter = z.infer<typeof RoundVoterSchema>;

/** The spread of a revealed round: nothing in it points back to a voter. */
export const RoundResultSchema = z.strictObject({
	count: z.int().min(0),
	perLevel: z.array(z.int().min(0)).length(6),
	min: level.nullable(),
	median: z.number().min(0).max(5).nullable(),
	max: level.nullable(),
	/** Sorted alphabetically, so their order says nothing about who voted when. */
	comments: z.array(z.string())
});
export type RoundResult = z.infer<typeof RoundResultSchema>;

export const PublicRoundSchema = z.strictObject({
	id: z.string().min(1),
	elementCode: z.string().min(1),
	/** 1, 2, ... per element: "run again" opens the next number. */
	number: z.int().min(1),
	status: z.enum(ROUND_STATUSES),
	openedAt: z.string(),
	closedAt: z.string().nullable(),
	/** How many participants may vote (everyone but observers), for "3 of 5 have voted". */
	eligible: z.int().min(0),
	voters: z.array(RoundVoterSchema),
	result: RoundResultSchema.nullable()
});
export type PublicRound = z.infer<typeof PublicRoundSchema>;

/** The reviewer document's `rounds`: whole entries by id, written by the server only. */
export const PublicRounds = plainEntries({
	key: 'rounds',
	label: 'round',
	schema: PublicRoundSchema,
	compare: (a, b) => a.elementCode.localeCompare(b.elementCode) || a.number - b.number
});

/** Every well-formed round, oldest first per element; malformed entries are reported, not thrown. */
export function readRounds(doc: Y.Doc, problems: Problems = []): PublicRound[] {
	return PublicRounds.list(doc, problems);
}

export type ElementRounds = { open: PublicRound | null; latest: PublicRound | null; all: PublicRound[] };

/** One element's rounds: the open one (at most one), the latest, and all of them in order. */
export function roundsForElement(rounds: readonly PublicRound[], elementCode: string): ElementRounds {
	const all = rounds.filter((r) => r.elementCode === elementCode);
	return { open: all.find((r) => r.status === 'open') ?? null, latest: all.at(-1) ?? null, all };
}

/** Server only: replaces a round's public entry as a whole (a plain value; the server is its only writer). */
export function writeRound(doc: Y.Doc, round: PublicRound): void {
	PublicRounds.put(doc, round);
}

/**
 * The anonymous spread of a round's scores. Comments are trimmed, empty ones dropped, and sorted
 * so that neither the order votes came in nor the order of `scores` can be read from them; they
 * are also kept apart from the scores, so no comment can be matched to a level.
 */
export function summariseVotes(votes: ReadonlyArray<{ score: number; comment: string }>): RoundResult {
	const spread = distribution(votes.map((v) => v.score));
	const comments = votes
		.map((v) => v.comment.trim())
		.filter((c) => c !== '')
		.sort((a, b) => a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0));
	return { count: spread.count, perLevel: spread.perLevel, min: spread.min, median: spread.median, max: spread.max, comments };
}

/** "3 of 5 have voted: Dee, Sam, Ann." while open; "Scored by 3 of 5: ..." once closed. Names, never values. */
export function voterSummary(round: Pick<PublicRound, 'voters' | 'eligible' | 'status'>, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	const count = round.voters.length;
	const of = Math.max(round.eligible, count);
	const names = round.voters.map((v) => v.name).join(m.grid_names_separator({}, options));
	if (round.status !== 'open') return count === 0 ? m.grid_voters_nobody_scored({}, options) : m.grid_voters_scored_by({ of, count, names }, options);
	if (count === 0) return m.grid_voters_nobody_yet({ of }, options);
	return m.grid_voters_have_voted({ count, of, names }, options);
}
