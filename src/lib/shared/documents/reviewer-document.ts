// The reviewer document `review:<id>:reviewer` (DESIGN.md §3), declared once: independent scores
// (facilitators write them from their own client), the facilitation state (facilitators; the
// timer through the server) and the blind-scoring rounds (the server only).
import { FacilitationState } from './facilitation.ts';
import { IndependentScores } from './reviewer.ts';
import { PublicRounds } from './rounds.ts';
import type { DocumentSchema } from './schema/version.ts';

export const ReviewerDocument = {
	scores: IndependentScores,
	facilitation: FacilitationState,
	rounds: PublicRounds
} as const;

/** Version 2 changed nothing here; the number is written so both documents say which shape they have. */
export const REVIEWER_SCHEMA: DocumentSchema = {
	kind: 'reviewer',
	version: 2,
	migrations: [{ to: 2, about: 'schema version recorded', run: () => {} }]
};
