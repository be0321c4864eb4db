import { describe, expect, it } from 'vitest';
import { CONFIDENCE_LEVELS, PRIORITIES } from './codes.ts';
import { confidenceLabel, priorityLabel } from './code-labels.ts';
import { RECORD_LANGUAGES } from './languages.ts';

describe('the words for priority and confidence codes', () => {
	it('are the framework data’s own wording, in English by default', () => {
		expect(PRIORITIES.map((p) => priorityLabel(p))).toEqual(['Critical', 'High', 'Medium', 'Low']);
		expect(CONFIDENCE_LEVELS.map((c) => confidenceLabel(c))).toEqual(['Low', 'Medium', 'High']);
	});

	it('follow the framework translation in each record language, never falling back to English', () => {
		expect(priorityLabel('P1', 'fr')).toBe('Critique');
		expect(confidenceLabel('high', 'fr')).toBe('Élevée');
		for (const language of RECORD_LANGUAGES.filter((l) => l !== 'en')) {
			for (const p of PRIORITIES) expect(priorityLabel(p, language), `${p} in ${language}`).not.toBe(priorityLabel(p, 'en'));
			for (const c of CONFIDENCE_LEVELS) expect(confidenceLabel(c, language), `${c} in ${language}`).not.toBe(confidenceLabel(c, 'en'));
		}
	});
});
