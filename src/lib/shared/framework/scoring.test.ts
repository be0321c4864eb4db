import { describe, it, expect } from 'vitest';
import { APPLICABILITY, CONFIDENCE_LEVELS, PRIORITIES, SCORES } from './codes.ts';
import type { Confidence, Priority } from './codes.ts';
import { DEFAULT_FRAMEWORK } from './index.ts';
import {
	MIN_CONFIDENCE,
	RATIONALE_REQUIRED_BELOW,
	applicabilityNeedsJustification,
	gap,
	isValidScore,
	meetsConfidenceMinimum,
	priorityFor,
	targetNeedsRationale
} from './scoring.ts';

const critical = true;
const nonCritical = false;

describe('isValidScore', () => {
	it('accepts the whole levels 0 to 5', () => {
		for (const score of [0, 1, 2, 3, 4, 5]) expect(isValidScore(score)).toBe(true);
	});

	it('rejects values outside 0 to 5, fractions and anything that is not a number', () => {
		for (const bad of [-1, 6, 2.5, Number.NaN, Infinity, '3', null, undefined, true, {}]) {
			expect(isValidScore(bad)).toBe(false);
		}
	});
});

describe('gap', () => {
	it('is how far the current level falls short of the target', () => {
		expect(gap(5, 2)).toBe(3);
		expect(gap(4, 3)).toBe(1);
	});

	it('is zero when the current level meets or exceeds the target', () => {
		expect(gap(4, 4)).toBe(0);
		expect(gap(3, 5)).toBe(0);
	});

	it('is null while the element has no current score yet', () => {
		expect(gap(4, null)).toBeNull();
		expect(gap(4, undefined)).toBeNull();
	});

	it('is null for an element marked not applicable, whatever its scores', () => {
		expect(gap(5, 0, 'not_applicable')).toBeNull();
	});

	it('is measured as usual for an alternate (compensating) arrangement', () => {
		expect(gap(5, 3, 'alternate')).toBe(2);
	});

	it('is null rather than a number when a score is not a valid level', () => {
		expect(gap(4, 7)).toBeNull();
		expect(gap(4, 2.5)).toBeNull();
		expect(gap(9, 2)).toBeNull();
	});
});

describe('priorityFor', () => {
	const priority = (current: number | null, target: number, isCritical: boolean, confidence?: Confidence) =>
		priorityFor({ current, target, critical: isCritical, confidence });

	it('is P1 when a critical element is at level 1 or below', () => {
		expect(priority(1, 5, critical)).toBe('P1');
		expect(priority(0, 5, critical)).toBe('P1');
		// The rule names the level, not the gap: even a lowered target does not soften it.
		expect(priority(1, 1, critical)).toBe('P1');
	});

	it('is P1 when the gap is 3 or more on any element', () => {
		expect(priority(1, 4, nonCritical)).toBe('P1');
		expect(priority(2, 5, nonCritical)).toBe('P1');
		expect(priority(2, 5, critical)).toBe('P1');
	});

	it('is not P1 for a non-critical element at level 1 with a gap of only 2', () => {
		expect(priority(1, 3, nonCritical)).toBe('P2');
	});

	it('is P2 when the gap is exactly 2', () => {
		expect(priority(2, 4, nonCritical)).toBe('P2');
		expect(priority(3, 5, critical)).toBe('P2');
	});

	it('is P2 when a critical element at level 2 or above falls short by 1', () => {
		expect(priority(4, 5, critical)).toBe('P2');
		expect(priority(2, 3, critical)).toBe('P2');
	});

	it('is P3 when a non-critical element falls short by exactly 1', () => {
		expect(priority(3, 4, nonCritical)).toBe('P3');
		expect(priority(4, 5, nonCritical)).toBe('P3');
	});

	it('is P4 when the target is met but the evidence gives only low confidence', () => {
		expect(priority(4, 4, nonCritical, 'low')).toBe('P4');
		expect(priority(5, 5, critical, 'low')).toBe('P4');
		expect(priority(5, 4, nonCritical, 'low')).toBe('P4');
	});

	it('is null when the target is met with medium or high confidence, or confidence is not recorded', () => {
		expect(priority(4, 4, nonCritical, 'medium')).toBeNull();
		expect(priority(5, 5, critical, 'high')).toBeNull();
		expect(priority(4, 4, nonCritical)).toBeNull();
	});

	it('ranks a real gap above low confidence', () => {
		expect(priority(3, 4, nonCritical, 'low')).toBe('P3');
	});

	it('is null while the element has no current score', () => {
		expect(priority(null, 5, critical)).toBeNull();
	});

	it('is null for an element marked not applicable, even a critical one at level 0', () => {
		expect(priorityFor({ current: 0, target: 5, critical, applicability: 'not_applicable' })).toBeNull();
	});

	it('treats an alternate arrangement like any applicable element', () => {
		expect(priorityFor({ current: 3, target: 4, critical: nonCritical, applicability: 'alternate' })).toBe('P3');
	});

	it('is null when a score is not a valid level', () => {
		expect(priority(-1, 5, critical)).toBeNull();
		expect(priority(3, 6, nonCritical)).toBeNull();
	});

	it('never makes a bigger gap less urgent than a smaller one', () => {
		const rank = (p: Priority | null) => (p === null ? PRIORITIES.length : PRIORITIES.indexOf(p));
		for (const isCritical of [critical, nonCritical])
			for (const confidence of CONFIDENCE_LEVELS)
				for (const target of SCORES)
					for (const current of SCORES.filter((c) => c > 0)) {
						// Lowering the current level by one widens the gap (or keeps it at 0).
						const wider = rank(priority(current - 1, target, isCritical, confidence));
						expect(wider).toBeLessThanOrEqual(rank(priority(current, target, isCritical, confidence)));
					}
	});
});

describe('targets and justifications', () => {
	it('asks for a rationale when a target is set below level 4', () => {
		expect([0, 1, 2, 3].map(targetNeedsRationale)).toEqual([true, true, true, true]);
	});

	it('does not ask for a rationale for a target of 4 or 5, or for an invalid target', () => {
		expect([4, 5, 7, 3.5].map(targetNeedsRationale)).toEqual([false, false, false, false]);
	});

	it('asks for a justification when an element is not applicable or met by an alternate arrangement', () => {
		expect(applicabilityNeedsJustification('applicable')).toBe(false);
		expect(applicabilityNeedsJustification('not_applicable')).toBe(true);
		expect(applicabilityNeedsJustification('alternate')).toBe(true);
	});
});

describe('meetsConfidenceMinimum', () => {
	it('lets levels 0 to 3 stand on an interview alone', () => {
		for (const level of [0, 1, 2, 3]) expect(meetsConfidenceMinimum(level, 'low')).toBe(true);
	});

	it('needs at least medium confidence for level 4 and high confidence for level 5', () => {
		expect(meetsConfidenceMinimum(4, 'low')).toBe(false);
		expect(meetsConfidenceMinimum(4, 'medium')).toBe(true);
		expect(meetsConfidenceMinimum(5, 'medium')).toBe(false);
		expect(meetsConfidenceMinimum(5, 'high')).toBe(true);
	});

	it('is not met while no confidence is recorded or the level is invalid', () => {
		expect(meetsConfidenceMinimum(2, null)).toBe(false);
		expect(meetsConfidenceMinimum(6, 'high')).toBe(false);
	});
});

// The framework data states these rules in words for people; the code must say the same.
describe('agreement between the scoring code and the framework data', () => {
	const { scale, priority, targets } = DEFAULT_FRAMEWORK;

	it('uses the priority codes and order of the data', () => {
		expect(priority.rules.map((r) => r.code)).toEqual([...PRIORITIES]);
	});

	it('uses the confidence labels and per-level minimums of the data', () => {
		expect(scale.confidence.map((c) => c.code)).toEqual([...CONFIDENCE_LEVELS]);
		for (const level of scale.levels) expect(MIN_CONFIDENCE[level.value]).toBe(level.minConfidence);
	});

	it('asks for a target rationale below the level the data names', () => {
		expect(targets.rationaleRequiredBelow).toBe(RATIONALE_REQUIRED_BELOW);
	});

	it('asks for a justification for exactly the applicability answers the data marks', () => {
		for (const code of APPLICABILITY) {
			const option = scale.applicability.find((o) => o.code === code);
			expect(applicabilityNeedsJustification(code)).toBe(option?.requiresJustification);
		}
	});
});
