import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '#lib/shared/framework/index.ts';
import { journeySteps } from './journey.ts';

describe('the journey shown on the overview', () => {
	it('shows the default labels and puts an independent review at step 3 with steps 1 and 2 done', () => {
		const steps = journeySteps(DEFAULT_FRAMEWORK, { labels: {}, current: null }, 'independent_review');
		expect(steps.map((s) => [s.number, s.label, s.state])).toEqual([
			[1, 'Commit and register', 'done'],
			[2, 'Self-help GAP analysis', 'done'],
			[3, 'Independent review', 'current'],
			[4, 'Certify and continuing assurance', 'upcoming']
		]);
	});

	it('puts a self-help GAP analysis at step 2', () => {
		const steps = journeySteps(DEFAULT_FRAMEWORK, { labels: {}, current: null }, 'self_assessment');
		expect(steps.find((s) => s.state === 'current')?.code).toBe('self_assessment');
	});

	it('uses the facilitator’s labels and stage over the defaults', () => {
		const steps = journeySteps(DEFAULT_FRAMEWORK, { labels: { certification: 'Certified' }, current: 'certification' }, 'self_assessment');
		expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'current']);
		expect(steps[3].label).toBe('Certified');
		expect(steps[0].label).toBe('Commit and register');
	});
});
