import { describe, it, expect } from 'vitest';
import {
	DEFAULT_FRAMEWORK,
	FRAMEWORKS,
	elementsByPillar,
	getElement,
	getFramework,
	getPrompt,
	listFrameworkVersions
} from './index.ts';
import data from './psems-gap-1.0.json' with { type: 'json' };

const framework = DEFAULT_FRAMEWORK;

describe('framework registry', () => {
	it('offers psems-gap 1.0 as the default framework', () => {
		expect(framework.id).toBe('psems-gap');
		expect(framework.version).toBe('1.0');
		expect(FRAMEWORKS.size).toBe(1);
	});

	it('returns the exact version a review was created with', () => {
		expect(getFramework('psems-gap', '1.0')).toBe(framework);
	});

	it('returns null for an unknown id or version instead of guessing a nearby one', () => {
		expect(getFramework('psems-gap', '0.1-proposal')).toBeNull();
		expect(getFramework('psems-gap', '1')).toBeNull();
		expect(getFramework('iso-28000', '1.0')).toBeNull();
		expect(getFramework('__proto__', '')).toBeNull();
	});

	it('lists the available versions with their name and status', () => {
		expect(listFrameworkVersions()).toEqual([
			{ id: 'psems-gap', version: '1.0', name: 'PSeMS GAP analysis', status: 'proposal', ref: 'psems-gap@1.0' }
		]);
	});

	it('shares one frozen copy, so no caller can change the labels another review sees', () => {
		expect(Object.isFrozen(framework)).toBe(true);
		expect(Object.isFrozen(framework.elements[0].prompts[0])).toBe(true);
		expect(() => {
			(framework.elements[0] as { title: string }).title = 'Changed';
		}).toThrow(TypeError);
	});
});

describe('psems-gap 1.0 content', () => {
	it('says it is a proposal derived from public sources, not an official INTERPORTPOLICE checklist', () => {
		expect(framework.status).toBe('proposal');
		expect(framework.note).toMatch(/public sources/);
		expect(framework.note).toMatch(/not an official INTERPORTPOLICE checklist/);
	});

	it('has 16 elements in 5 pillars', () => {
		expect(framework.pillars.map((p) => p.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(framework.elements.map((e) => e.code)).toEqual([
			'A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'C1', 'C2', 'C3', 'C4', 'C5', 'D1', 'D2', 'D3', 'E1', 'E2'
		]);
	});

	it('puts every element in a pillar that exists', () => {
		const pillars = new Set(framework.pillars.map((p) => p.code));
		for (const element of framework.elements) expect(pillars).toContain(element.pillar);
	});

	it('gives every prompt an id that is unique across the framework', () => {
		const ids = framework.elements.flatMap((e) => e.prompts.map((p) => p.id));
		expect(ids).toHaveLength(52);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('phrases every prompt as a question the interviewer can ask aloud', () => {
		for (const prompt of framework.elements.flatMap((e) => e.prompts)) expect(prompt.text).toMatch(/\?$/);
	});

	it('marks A1, A2, B1 and C5 as critical with a default target of 5, and the rest 4', () => {
		const critical = framework.elements.filter((e) => e.critical);
		expect(critical.map((e) => e.code)).toEqual(['A1', 'A2', 'B1', 'C5']);
		for (const element of framework.elements) expect(element.defaultTarget).toBe(element.critical ? 5 : 4);
	});

	it('uses "and" rather than "&" anywhere in its wording', () => {
		expect(JSON.stringify(data)).not.toContain('&');
	});

	it('describes the four-step journey with editable default labels in order', () => {
		expect(framework.journey.stages.map((s) => [s.order, s.label])).toEqual([
			[1, 'Commit and register'],
			[2, 'Self-help GAP analysis'],
			[3, 'Independent review'],
			[4, 'Certify and continuing assurance']
		]);
	});

	it('lets only the matching role sign with each meaning, in signing order', () => {
		const meanings = [...framework.signOff.signatureMeanings].sort((a, b) => a.order - b.order);
		expect(meanings.map((m) => [m.code, m.role])).toEqual([
			['attested', 'facilitator'],
			['reviewed', 'security_manager'],
			['approved', 'accountable_manager']
		]);
	});

	it('gives every improvement plan status a stable code and a readable label', () => {
		const statuses = Object.fromEntries(framework.improvementPlan.statuses.map((s) => [s.code, s.label]));
		expect(statuses.done_awaiting_verification).toBe('Done, awaiting verification');
		expect(statuses.in_progress).toBe('In progress');
		const closed = framework.improvementPlan.statuses.filter((s) => s.closed).map((s) => s.code);
		expect(closed).toEqual(['verified_closed', 'cancelled', 'risk_accepted']);
	});
});

describe('framework lookups', () => {
	it('groups elements under their pillars in pillar order', () => {
		const groups = elementsByPillar(framework);
		expect(groups.map((g) => [g.pillar.code, g.elements.map((e) => e.code)])).toEqual([
			['A', ['A1', 'A2', 'A3', 'A4']],
			['B', ['B1', 'B2']],
			['C', ['C1', 'C2', 'C3', 'C4', 'C5']],
			['D', ['D1', 'D2', 'D3']],
			['E', ['E1', 'E2']]
		]);
	});

	it('finds an element by its code and returns null for a code it does not have', () => {
		expect(getElement(framework, 'C5')?.title).toBe('Incident response, crisis management and exercising');
		expect(getElement(framework, 'F1')).toBeNull();
		expect(getElement(framework, 'c5')).toBeNull();
	});

	it('finds the framework wording of a prompt an interview entry refers to', () => {
		expect(getPrompt(framework, 'E2.1')?.note).toMatch(/several departments/);
		expect(getPrompt(framework, 'E2.9')).toBeNull();
	});
});
