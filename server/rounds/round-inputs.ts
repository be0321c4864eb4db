// What a scoring-round request may carry, checked with zod before anything reaches the service.
// Forms post strings and fetch posts JSON numbers; both arrive here.
import * as z from 'zod';
import { COMMENT_MAX_LENGTH } from '../../src/lib/shared/documents/rounds.ts';

const LEVEL_MESSAGE = 'A score is a whole number from 0 to 5.';

export const OpenRoundInput = z.object({
	// The framework decides which codes exist (the service checks); this only bounds the text.
	elementCode: z
		.string({ error: 'Choose the element to score.' })
		.trim()
		.min(1, { error: 'Choose the element to score.' })
		.max(16, { error: 'Choose an element of the framework to score.' })
});

export const VoteInput = z.object({
	// "3" from a form, 3 from JSON; an empty field stays empty (coercing would make it 0).
	score: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
		z.number({ error: 'Choose a level from 0 to 5.' }).int({ error: LEVEL_MESSAGE }).min(0, { error: LEVEL_MESSAGE }).max(5, { error: LEVEL_MESSAGE })
	),
	comment: z
		.string({ error: 'A comment is text.' })
		.trim()
		.max(COMMENT_MAX_LENGTH, { error: `A comment can be at most ${COMMENT_MAX_LENGTH} characters.` })
		.default('')
});
export type VoteInput = z.infer<typeof VoteInput>;
