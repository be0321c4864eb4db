// Scoring rules of the psems-gap framework (DOMAIN.md section 5), as pure functions of plain
// values. The grid, the improvement plan and the frozen record all call these, so a gap or a
// priority can never differ between the live workshop and the signed record. The framework data
// states the same rules in words for people; scoring.test.ts checks that the two agree.
import { CONFIDENCE_LEVELS, PRIORITIES } from './codes.ts';
import type { Applicability, Confidence, Priority, Score } from './codes.ts';

/** Targets are chosen by risk; one below this level must say why the port settles for less. */
export const RATIONALE_REQUIRED_BELOW: Score = 4;

/** The least confidence with which a level may be awarded: 4 needs medium, 5 needs high. */
export const MIN_CONFIDENCE: Record<Score, Confidence> = {
	0: 'low',
	1: 'low',
	2: 'low',
	3: 'low',
	4: 'medium',
	5: 'high'
};

/** An integer maturity level from 0 to 5. Values from a shared document are not trusted blindly. */
export function isValidScore(value: unknown): value is Score {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5;
}

export function isPriority(value: unknown): value is Priority {
	return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

export function isConfidence(value: unknown): value is Confidence {
	return typeof value === 'string' && (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}

/**
 * How far the current level falls short of the target: max(0, target - current).
 * Null when there is nothing to measure: the element is not applicable, not yet scored, or a
 * value is not a valid score (a malformed cell must not render as "no gap").
 */
export function gap(
	target: number,
	current: number | null | undefined,
	applicability: Applicability = 'applicable'
): number | null {
	if (applicability === 'not_applicable') return null;
	if (!isValidScore(target) || !isValidScore(current)) return null;
	return Math.max(0, target - current);
}

export type PriorityInput = {
	current: number | null | undefined;
	target: number;
	critical: boolean;
	confidence?: Confidence | null;
	applicability?: Applicability;
};

/**
 * The derived priority of closing an element's gap; the first matching rule wins:
 * P1 current <= 1 on a critical element, or gap >= 3; P2 gap >= 2, or gap >= 1 on a critical
 * element; P3 gap of 1 (necessarily non-critical by then); P4 no gap but low confidence.
 * Null when no rule applies. P4's other trigger, "an improvement opportunity at target", is the
 * reviewer's judgement and is set as an override, not derived here.
 */
export function priorityFor({ current, target, critical, confidence, applicability }: PriorityInput): Priority | null {
	const shortfall = gap(target, current, applicability);
	// gap() returned a number, so current is a valid score from here on.
	if (shortfall === null || current == null) return null;
	if ((critical && current <= 1) || shortfall >= 3) return 'P1';
	if (shortfall >= 2 || (critical && shortfall >= 1)) return 'P2';
	if (shortfall === 1) return 'P3';
	if (shortfall === 0 && confidence === 'low') return 'P4';
	return null;
}

/** Whether a target needs a recorded rationale (any valid target below level 4). */
export function targetNeedsRationale(target: number): boolean {
	return isValidScore(target) && target < RATIONALE_REQUIRED_BELOW;
}

/** Not applicable and alternate answers both change how an element counts, so both must say why. */
export function applicabilityNeedsJustification(applicability: Applicability): boolean {
	return applicability !== 'applicable';
}

/** Whether the evidence behind a level is strong enough to award it; missing confidence is not. */
export function meetsConfidenceMinimum(level: number, confidence: Confidence | null | undefined): boolean {
	if (!isValidScore(level) || !isConfidence(confidence)) return false;
	return CONFIDENCE_LEVELS.indexOf(confidence) >= CONFIDENCE_LEVELS.indexOf(MIN_CONFIDENCE[level]);
}
