// The independent scores in the reviewer document `review:<id>:reviewer`, one record per element.
// Only facilitators can write this document (the server opens it read-only for everyone else),
// which is how the software keeps the final score independent.
import type * as Y from 'yjs';
import { CONFIDENCE_LEVELS, PRIORITIES } from '../framework/codes.ts';
import { targetNeedsRationale } from '../framework/scoring.ts';
import { fail, ok, type Result } from '../result.ts';
import { optionalOneOf, score, text, type Problems } from './schema/fields.ts';
import { elementRecords } from './schema/records.ts';
import type { Settable } from './schema/shape.ts';
import { m } from '../../paraglide/messages.js';

export const DIFFERENCE_RATIONALE_MAX = 4000;

export const IndependentScores = elementRecords({
	key: 'scores',
	label: 'independent score',
	shape: {
		score: score(),
		/** null: the framework's default target applies. */
		target: score({ invalid: () => m.documents_target_whole() }),
		targetRationale: text({ trim: true, max: 2000 }),
		confidence: optionalOneOf(CONFIDENCE_LEVELS, { invalid: () => m.documents_confidence_invalid() }),
		rationale: text({ trim: true, max: 4000 }),
		priorityOverride: optionalOneOf(PRIORITIES, { invalid: () => m.documents_priority_invalid() }),
		overrideReason: text({ trim: true, max: 2000 }),
		/** Why the independent view differs from the port's self-score by 2 or more ('' in older documents). */
		differenceRationale: text({ trim: true, max: DIFFERENCE_RATIONALE_MAX })
	}
});

export type IndependentScore = ReturnType<typeof IndependentScores.read>;

export function readIndependentScore(doc: Y.Doc, elementCode: string, problems: Problems = []): IndependentScore {
	return IndependentScores.read(doc, elementCode, problems);
}

type ScoreShape = typeof IndependentScores.shape;

export type IndependentScoreInput = Omit<Settable<ScoreShape>, 'differenceRationale' | 'score' | 'target'> & {
	score: number | null;
	target: number | null;
	/** Left out: the saved difference rationale stays as it is. */
	differenceRationale?: string;
};

/** The rules between fields: a score needs a rationale, a low target a reason, an override a reason. */
export function validateIndependentScore(input: IndependentScoreInput): Result<true> {
	const fields = IndependentScores.shape;
	for (const key of ['score', 'target', 'confidence'] as const) {
		const checked = fields[key].check(input[key] as never, key);
		if (!checked.ok) return checked;
	}
	if (input.score !== null && input.rationale.trim() === '') {
		return fail('invalid_input', m.documents_rationale_required(), 'rationale');
	}
	if (input.target !== null && targetNeedsRationale(input.target) && input.targetRationale.trim() === '') {
		return fail('invalid_input', m.documents_target_reason_required(), 'targetRationale');
	}
	const override = fields.priorityOverride.check(input.priorityOverride, 'priorityOverride');
	if (!override.ok) return override;
	if (input.priorityOverride !== null && input.overrideReason.trim() === '') {
		return fail('invalid_input', m.documents_override_reason_required(), 'overrideReason');
	}
	return ok(true);
}

export function setIndependentScore(doc: Y.Doc, elementCode: string, input: IndependentScoreInput): Result<true> {
	const valid = validateIndependentScore(input);
	if (!valid.ok) return valid;
	return IndependentScores.update(doc, elementCode, input as Partial<Settable<ScoreShape>>);
}

/**
 * The facilitator's reason why the independent score differs from the port's self-score. Kept
 * beside the score it explains; a freeze refuses while a marked difference has none.
 */
export function setDifferenceRationale(doc: Y.Doc, elementCode: string, value: string): Result<true> {
	if (value.trim().length > DIFFERENCE_RATIONALE_MAX) {
		return fail('invalid_input', m.documents_difference_rationale_too_long({ max: DIFFERENCE_RATIONALE_MAX }), 'differenceRationale');
	}
	return IndependentScores.update(doc, elementCode, { differenceRationale: value });
}
