import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK, getFramework, RECORD_LANGUAGES } from './index.ts';
import { sourceWording, translateFramework, translationGaps, TranslationSchema, type Translation } from './translation.ts';
import arabic from './translations/psems-gap-1.0.ar.json' with { type: 'json' };
import spanish from './translations/psems-gap-1.0.es.json' with { type: 'json' };
import french from './translations/psems-gap-1.0.fr.json' with { type: 'json' };

const english = sourceWording(DEFAULT_FRAMEWORK);
const files = { fr: french, es: spanish, ar: arabic } as const;

describe('framework translations', () => {
	it('exist for every record language but English, the source', () => {
		expect(Object.keys(files).sort()).toEqual(RECORD_LANGUAGES.filter((l) => l !== 'en').sort());
	});

	for (const [language, raw] of Object.entries(files)) {
		describe(language, () => {
			const translation = TranslationSchema.parse(raw);

			it('translates every string the English framework has, and nothing it does not have', () => {
				expect(translation.framework).toBe('psems-gap@1.0');
				expect(translation.language).toBe(language);
				expect(translationGaps(DEFAULT_FRAMEWORK, translation.wording)).toEqual({ missing: [], extra: [] });
			});

			it('is a translation, not a copy of the English', () => {
				const same = Object.keys(english).filter((key) => translation.wording[key] === english[key]);
				// Words that are the same in both languages ("Description", "Applicable", "Normal").
				expect(same.length, same.join(', ')).toBeLessThan(12);
			});

			it('keeps every code, score, target and rule, so scores compare across languages', () => {
				const translated = getFramework('psems-gap', '1.0', language as 'fr' | 'es' | 'ar');
				if (!translated) throw new Error('missing translation');
				const shape = (fw: typeof DEFAULT_FRAMEWORK) => ({
					elements: fw.elements.map((e) => [e.code, e.pillar, e.critical, e.defaultTarget, e.prompts.map((p) => p.id)]),
					pillars: fw.pillars.map((p) => [p.code, p.order]),
					levels: fw.scale.levels.map((l) => [l.value, l.psoe, l.minConfidence]),
					priorities: fw.priority.rules.map((r) => r.code),
					statuses: fw.improvementPlan.statuses.map((s) => [s.code, s.closed]),
					meanings: fw.signOff.signatureMeanings.map((m) => [m.code, m.role, m.order, m.statement])
				});
				expect(shape(translated)).toEqual(shape(DEFAULT_FRAMEWORK));
				expect(translated.id).toBe('psems-gap');
				expect(translated.version).toBe('1.0');
				expect(Object.isFrozen(translated)).toBe(true);
			});
		});
	}

	it('asks each prompt as a question in the conventions of its language', () => {
		const prompts = (l: 'fr' | 'es' | 'ar') => getFramework('psems-gap', '1.0', l)!.elements.flatMap((e) => e.prompts.map((p) => p.text));
		for (const text of prompts('fr')) expect(text).toMatch(/ \?$/);
		for (const text of prompts('es')) expect(text).toMatch(/¿[^?]+\?$/);
		for (const text of prompts('ar')) expect(text).toMatch(/؟$/);
	});

	it('refuses a translation that misses a key or has one the framework does not, naming them', () => {
		const translation = TranslationSchema.parse(spanish);
		const { ['element.B1.title']: _dropped, ...rest } = translation.wording;
		const missing: Translation = { ...translation, wording: rest };
		expect(() => translateFramework(DEFAULT_FRAMEWORK, missing, 'test.json')).toThrow(/missing element\.B1\.title; extra none/);
		const extra: Translation = { ...translation, wording: { ...translation.wording, 'element.Z9.title': 'Z' } };
		expect(() => translateFramework(DEFAULT_FRAMEWORK, extra, 'test.json')).toThrow(/missing none; extra element\.Z9\.title/);
	});

	it('gives the English framework for English and null for a framework version without translations', () => {
		expect(getFramework('psems-gap', '1.0', 'en')).toBe(DEFAULT_FRAMEWORK);
		expect(getFramework('psems-gap', '9.9', 'es')).toBeNull();
		expect(getFramework('psems-gap', '1.0', 'es')?.elements.find((e) => e.code === 'B1')?.title).toBe('Evaluación de amenazas, vulnerabilidades y riesgos');
		expect(getFramework('psems-gap', '1.0', 'ar')?.elements.find((e) => e.code === 'B1')?.title).toBe('تقييم التهديدات ونقاط الضعف والمخاطر');
	});
});
