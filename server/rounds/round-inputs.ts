// What a scoring-round request may carry, checked with zod before anything reaches the service.
// Forms post strings and fetch posts JSON numbers; both arrive here.
import * as z from 'zod';
import { COMMENT_MAX_LENGTH } from '../../src/lib/shared/documents/rounds.ts';
import { m } from '../../src/lib/paraglide/messages.js';

// Messages as functions, evaluated per parse, so each refusal speaks the request's language.
const LEVEL_MESSAGE = () => m.grid_err_level_whole();
const CHOOSE_ELEMENT = () => m.grid_err_choose_element_to_score();

export const OpenRoundInput = z.object({
	// The framework decides which codes exist (the service checks); this only bounds the text.
	elementCode: z
		.string({ error: CHOOSE_ELEMENT })
		.trim()
		.min(1, { error: CHOOSE_ELEMENT })
		.max(16, { error: () => m.grid_err_choose_element() })
});

export const VoteInput = z.object({
	// "3" from a form, 3 from JSON; an empty field stays empty (coercing would make it 0).
	score: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
		z.number({ error: () => m.grid_vote_choose_level() }).int({ error: LEVEL_MESSAGE }).min(0, { error: LEVEL_MESSAGE }).max(5, { error: LEVEL_MESSAGE })
	),
	comment: z
		.string({ error: () => m.grid_err_comment_text() })
		.trim()
		.max(COMMENT_MAX_LENGTH, { error: () => m.grid_err_comment_max({ max: COMMENT_MAX_LENGTH }) })
		.default('')
});
export type VoteInput = z.infer<typeof VoteInput>;
