// The reviewer document `review:<id>:reviewer`: the independent scores and their reasons. Only
// facilitators can write it (the server opens it read-only for everyone else), which is how the
// software keeps the final score independent.
import * as Y from 'yjs';
import { CONFIDENCE_LEVELS, PRIORITIES, type Confidence, type Priority } from '../framework/codes.ts';
import { isValidScore, targetNeedsRationale } from '../framework/scoring.ts';
import { fail, ok, type Result } from '../result.ts';
import { EMPTY_MAP, num, str, type Problems } from './read.ts';

export const ReviewerKeys = { scores: 'scores', meta: 'meta', rounds: 'rounds', facilitation: 'facilitation' } as const;

export type IndependentScore = {
	elementCode: string;
	score: number | null;
	/** null: the framework's default target applies. */
	target: number | null;
	targetRationale: string;
	confidence: Confidence | null;
	rationale: string;
	priorityOverride: Priority | null;
	overrideReason: string;
	/** Why the independent view differs from the port's self-score by 2 or more ('' in older documents). */
	differenceRationale: string;
};

function scoresMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(ReviewerKeys.scores);
}

function optionalCode<T extends string>(m: Y.Map<unknown>, key: string, allowed: readonly T[], problems: Problems, where: string): T | null {
	const value = m.get(key);
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	problems.push(`${where}: ${key} is not one of ${allowed.join(', ')}`);
	return null;
}

export function readIndependentScore(doc: Y.Doc, elementCode: string, problems: Problems = []): IndependentScore {
	const raw = scoresMap(doc).get(elementCode);
	const where = `independent score ${elementCode}`;
	if (raw !== undefined && !(raw instanceof Y.Map)) problems.push(`${where}: malformed`);
	const m = raw instanceof Y.Map ? (raw as Y.Map<unknown>) : EMPTY_MAP;
	return {
		elementCode,
		score: num(m, 'score', problems, where, isValidScore),
		target: num(m, 'target', problems, where, isValidScore),
		targetRationale: str(m, 'targetRationale', problems, where),
		confidence: optionalCode(m, 'confidence', CONFIDENCE_LEVELS, problems, where),
		rationale: str(m, 'rationale', problems, where),
		priorityOverride: optionalCode(m, 'priorityOverride', PRIORITIES, problems, where),
		overrideReason: str(m, 'overrideReason', problems, where),
		differenceRationale: str(m, 'differenceRationale', problems, where)
	};
}

export type IndependentScoreInput = {
	score: number | null;
	target: number | null;
	targetRationale: string;
	confidence: Confidence | null;
	rationale: string;
	priorityOverride: Priority | null;
	overrideReason: string;
	/** Left out: the saved difference rationale stays as it is. */
	differenceRationale?: string;
};

/** Validates the whole set together: a score needs a rationale, an override needs a reason. */
export function validateIndependentScore(input: IndependentScoreInput): Result<IndependentScoreInput> {
	if (input.score !== null && !isValidScore(input.score)) return fail('invalid_input', 'A score is a whole number from 0 to 5.', 'score');
	if (input.target !== null && !isValidScore(input.target)) return fail('invalid_input', 'A target is a whole number from 0 to 5.', 'target');
	if (input.confidence !== null && !(CONFIDENCE_LEVELS as readonly string[]).includes(input.confidence)) {
		return fail('invalid_input', 'Choose low, medium or high confidence.', 'confidence');
	}
	if (input.score !== null && input.rationale.trim() === '') {
		return fail('invalid_input', 'An independent score needs a rationale: what did you see or hear?', 'rationale');
	}
	if (input.target !== null && targetNeedsRationale(input.target) && input.targetRationale.trim() === '') {
		return fail('invalid_input', 'A target below 4 needs a reason the port can settle for less.', 'targetRationale');
	}
	if (input.priorityOverride !== null && !(PRIORITIES as readonly string[]).includes(input.priorityOverride)) {
		return fail('invalid_input', 'Choose a priority from P1 to P4.', 'priorityOverride');
	}
	if (input.priorityOverride !== null && input.overrideReason.trim() === '') {
		return fail('invalid_input', 'Overriding the derived priority needs a reason.', 'overrideReason');
	}
	return ok({
		...input,
		rationale: input.rationale.trim().slice(0, 4000),
		targetRationale: input.targetRationale.trim().slice(0, 2000),
		overrideReason: input.overrideReason.trim().slice(0, 2000),
		...(input.differenceRationale === undefined ? {} : { differenceRationale: input.differenceRationale.trim().slice(0, DIFFERENCE_RATIONALE_MAX) })
	});
}

export const DIFFERENCE_RATIONALE_MAX = 4000;

/**
 * The facilitator's reason why the independent score differs from the port's self-score. Kept
 * beside the score it explains; a freeze refuses while a marked difference has none.
 */
export function setDifferenceRationale(doc: Y.Doc, elementCode: string, text: string): Result<true> {
	const value = text.trim();
	if (value.length > DIFFERENCE_RATIONALE_MAX) {
		return fail('invalid_input', `Keep the difference rationale under ${DIFFERENCE_RATIONALE_MAX} characters.`, 'differenceRationale');
	}
	doc.transact(() => {
		const scores = scoresMap(doc);
		let row = scores.get(elementCode);
		if (!(row instanceof Y.Map)) {
			row = new Y.Map<unknown>();
			scores.set(elementCode, row);
		}
		if (row.get('differenceRationale') !== value) row.set('differenceRationale', value);
	});
	return ok(true);
}

export function setIndependentScore(doc: Y.Doc, elementCode: string, input: IndependentScoreInput): Result<true> {
	const valid = validateIndependentScore(input);
	if (!valid.ok) return valid;
	doc.transact(() => {
		const scores = scoresMap(doc);
		let row = scores.get(elementCode);
		if (!(row instanceof Y.Map)) {
			row = new Y.Map<unknown>();
			scores.set(elementCode, row);
		}
		for (const [key, value] of Object.entries(valid.value)) {
			if (row.get(key) !== value) row.set(key, value);
		}
	});
	return ok(true);
}
