// Translations of a framework version. A translation replaces wording only: codes, ids, scores,
// targets, criticality and rules stay those of the English data file, so records in different
// languages hold the same codes and compare score for score. The translatable wording is named by
// flat keys built from those codes ("element.A1.title", "scale.level.3.descriptor"); one walk,
// `mapWording`, both lists the keys (for the completeness test) and applies a translation, so the
// two can never disagree about which strings are translated.
//
// Not translated in this version: the framework's notes (but for the scale's, which the PDF prints), its sources, typical evidence and
// suggested interviewees (lists without codes), field notes, and the signature statements (a signer's declaration is hashed as worded).
import * as z from 'zod';
import type { Framework } from './schema.ts';
import { RECORD_LANGUAGES, type RecordLanguage } from './languages.ts';

export type Wording = Record<string, string>;

type Visit = (key: string, english: string) => string;

/** A copy of the framework with every translatable string passed through `visit`. */
export function mapWording(fw: Framework, visit: Visit): Framework {
	const coded = <T extends { code: string; label: string }>(prefix: string, items: readonly T[]): T[] =>
		items.map((item) => ({ ...item, label: visit(`${prefix}.${item.code}`, item.label) }));
	const fields = <T extends { key: string; label: string }>(prefix: string, items: readonly T[]): T[] =>
		items.map((item) => ({ ...item, label: visit(`${prefix}.${item.key}`, item.label) }));
	return {
		...fw,
		name: visit('name', fw.name),
		pillars: fw.pillars.map((p) => ({ ...p, title: visit(`pillar.${p.code}.title`, p.title) })),
		elements: fw.elements.map((e) => ({
			...e,
			title: visit(`element.${e.code}.title`, e.title),
			intent: visit(`element.${e.code}.intent`, e.intent),
			prompts: e.prompts.map((p) => ({
				...p,
				text: visit(`prompt.${p.id}.text`, p.text),
				...(p.note === undefined ? {} : { note: visit(`prompt.${p.id}.note`, p.note) })
			}))
		})),
		scale: {
			...fw.scale,
			note: visit('scale.note', fw.scale.note),
			levels: fw.scale.levels.map((l) => ({
				...l,
				label: visit(`scale.level.${l.value}.label`, l.label),
				descriptor: visit(`scale.level.${l.value}.descriptor`, l.descriptor),
				minEvidence: visit(`scale.level.${l.value}.minEvidence`, l.minEvidence)
			})),
			applicability: fw.scale.applicability.map((a) => ({
				...a,
				label: visit(`scale.applicability.${a.code}.label`, a.label),
				description: visit(`scale.applicability.${a.code}.description`, a.description)
			})),
			notAssessed: {
				...fw.scale.notAssessed,
				label: visit('scale.notAssessed.label', fw.scale.notAssessed.label),
				description: visit('scale.notAssessed.description', fw.scale.notAssessed.description)
			},
			confidence: fw.scale.confidence.map((c) => ({
				...c,
				label: visit(`scale.confidence.${c.code}.label`, c.label),
				rule: visit(`scale.confidence.${c.code}.rule`, c.rule)
			})),
			phases: fw.scale.phases.map((p) => ({
				...p,
				label: visit(`scale.phase.${p.code}.label`, p.label),
				rule: visit(`scale.phase.${p.code}.rule`, p.rule)
			}))
		},
		priority: {
			...fw.priority,
			rules: fw.priority.rules.map((r) => ({
				...r,
				label: visit(`priority.${r.code}.label`, r.label),
				when: visit(`priority.${r.code}.when`, r.when)
			}))
		},
		improvementPlan: {
			statuses: coded('plan.status', fw.improvementPlan.statuses),
			fields: fields('plan.field', fw.improvementPlan.fields)
		},
		interviewRecord: {
			modes: coded('interview.mode', fw.interviewRecord.modes),
			intervieweeTiers: coded('interview.tier', fw.interviewRecord.intervieweeTiers),
			evidenceStatuses: coded('interview.evidenceStatus', fw.interviewRecord.evidenceStatuses),
			confidentiality: coded('interview.confidentiality', fw.interviewRecord.confidentiality),
			fields: fields('interview.field', fw.interviewRecord.fields)
		},
		journey: {
			...fw.journey,
			stages: fw.journey.stages.map((stage) => ({
				...stage,
				label: visit(`journey.${stage.code}.label`, stage.label),
				description: visit(`journey.${stage.code}.description`, stage.description)
			}))
		},
		signOff: {
			...fw.signOff,
			recordStates: fw.signOff.recordStates.map((s) => ({ ...s, label: visit(`signOff.state.${s.code}`, s.label) })),
			signatureMeanings: fw.signOff.signatureMeanings.map((m) => ({
				...m,
				label: visit(`signOff.meaning.${m.code}.label`, m.label),
				signer: visit(`signOff.meaning.${m.code}.signer`, m.signer)
			}))
		}
	};
}

/** The English wording of every translatable string, by key: what each translation must cover. */
export function sourceWording(fw: Framework): Wording {
	const wording: Wording = {};
	mapWording(fw, (key, english) => {
		if (key in wording) throw new Error(`Translation key ${key} is used twice`);
		wording[key] = english;
		return english;
	});
	return wording;
}

export const TranslationSchema = z.strictObject({
	framework: z.string(),
	language: z.enum(RECORD_LANGUAGES),
	translator: z.string().min(1),
	wording: z.record(z.string(), z.string().trim().min(1))
});
export type Translation = z.output<typeof TranslationSchema>;

/** Keys a translation lacks and keys it has that the framework does not: both must be empty. */
export function translationGaps(fw: Framework, wording: Wording): { missing: string[]; extra: string[] } {
	const source = sourceWording(fw);
	return {
		missing: Object.keys(source).filter((key) => !(key in wording)),
		extra: Object.keys(wording).filter((key) => !(key in source))
	};
}

/**
 * The framework in another language. Refuses an incomplete translation rather than mixing in
 * English: a record printed half in one language is worse than a start-up error.
 */
export function translateFramework(fw: Framework, translation: Translation, source: string): Framework {
	const ref = `${fw.id}@${fw.version}`;
	if (translation.framework !== ref) throw new Error(`Translation ${source} is for ${translation.framework}, not ${ref}`);
	const { missing, extra } = translationGaps(fw, translation.wording);
	if (missing.length > 0 || extra.length > 0)
		throw new Error(`Translation ${source} does not match ${ref}: missing ${missing.join(', ') || 'none'}; extra ${extra.join(', ') || 'none'}`);
	return mapWording(fw, (key) => translation.wording[key]);
}

export type TranslatedFrameworks = ReadonlyMap<RecordLanguage, Framework>;
