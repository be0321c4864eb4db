// The framework registry: every framework version a review can be scored against. A review
// stores (frameworkId, frameworkVersion) and is always read back against that exact version, so
// versions are added here, never edited in place once a record has been signed against them.
import data from './psems-gap-1.0.json' with { type: 'json' };
import arabic from './translations/psems-gap-1.0.ar.json' with { type: 'json' };
import spanish from './translations/psems-gap-1.0.es.json' with { type: 'json' };
import french from './translations/psems-gap-1.0.fr.json' with { type: 'json' };
import { DEFAULT_RECORD_LANGUAGE, type RecordLanguage } from './languages.ts';
import { frameworkRef } from './ref.ts';
import { parseFramework } from './schema.ts';
import type { Element, Framework, Pillar, Prompt } from './schema.ts';
import { TranslationSchema, translateFramework } from './translation.ts';

export * from './codes.ts';
export * from './languages.ts';
export * from './ref.ts';
export * from './scoring.ts';
export type {
	ApplicabilityOption,
	ConfidenceOption,
	Element,
	Field,
	Framework,
	JourneyStageOption,
	Pillar,
	PlanStatusOption,
	PriorityRule,
	Prompt,
	Scale,
	ScaleLevel,
	SignatureMeaningOption
} from './schema.ts';

/** One entry of a framework version picker; `ref` is the option's value. */
export type FrameworkVersion = Pick<Framework, 'id' | 'version' | 'name' | 'status'> & { ref: string };
export type PillarElements = { pillar: Pillar; elements: Element[] };

// Parsed at import, so a broken data file fails every test and the server start rather than
// a workshop. Frozen because one parsed copy is shared by every review in the process.
const PSEMS_GAP_1_0 = deepFreeze(parseFramework(data, 'psems-gap-1.0.json'));

/** Keyed by frameworkRef(id, version). */
export const FRAMEWORKS: ReadonlyMap<string, Framework> = register([PSEMS_GAP_1_0]);

export const DEFAULT_FRAMEWORK: Framework = PSEMS_GAP_1_0;

/**
 * Each version's wording in the other record languages, keyed like FRAMEWORKS. Checked and built
 * at import like the English data, so a translation missing a key stops the server start.
 */
const TRANSLATED: ReadonlyMap<string, ReadonlyMap<RecordLanguage, Framework>> = new Map([
	[
		frameworkRef(PSEMS_GAP_1_0.id, PSEMS_GAP_1_0.version),
		new Map(
			(
				[
					['fr', french],
					['es', spanish],
					['ar', arabic]
				] as const
			).map(([language, raw]) => {
				const translation = TranslationSchema.parse(raw);
				if (translation.language !== language) throw new Error(`psems-gap-1.0.${language}.json says it is ${translation.language}`);
				return [language, deepFreeze(translateFramework(PSEMS_GAP_1_0, translation, `psems-gap-1.0.${language}.json`))];
			})
		)
	]
]);

/**
 * The exact version a review was created with, or null (never a "nearest" version), worded in
 * `language`: the same codes, scores and rules, translated labels, prompts and descriptors.
 * A language the version has no translation for gives null, never English in its place.
 */
export function getFramework(id: string, version: string, language: RecordLanguage = DEFAULT_RECORD_LANGUAGE): Framework | null {
	const ref = frameworkRef(id, version);
	if (language === 'en') return FRAMEWORKS.get(ref) ?? null;
	return TRANSLATED.get(ref)?.get(language) ?? null;
}

export function listFrameworkVersions(): FrameworkVersion[] {
	return [...FRAMEWORKS.values()]
		.map(({ id, version, name, status }) => ({ id, version, name, status, ref: frameworkRef(id, version) }))
		.sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true }));
}

/** Pillars in their order, each with its elements in framework order. */
export function elementsByPillar(framework: Framework): PillarElements[] {
	return [...framework.pillars]
		.sort((a, b) => a.order - b.order)
		.map((pillar) => ({ pillar, elements: framework.elements.filter((e) => e.pillar === pillar.code) }));
}

export function getElement(framework: Framework, code: string): Element | null {
	return framework.elements.find((e) => e.code === code) ?? null;
}

/** Interview entries store a prompt id; this finds the framework wording it refers to. */
export function getPrompt(framework: Framework, promptId: string): Prompt | null {
	for (const element of framework.elements) {
		const prompt = element.prompts.find((p) => p.id === promptId);
		if (prompt) return prompt;
	}
	return null;
}

function register(frameworks: Framework[]): ReadonlyMap<string, Framework> {
	const map = new Map<string, Framework>();
	for (const framework of frameworks) {
		const key = frameworkRef(framework.id, framework.version);
		if (map.has(key)) throw new Error(`Framework ${key} is registered twice`);
		map.set(key, framework);
	}
	return map;
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
