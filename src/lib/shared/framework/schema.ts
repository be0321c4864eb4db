// The shape of a framework data file (for example psems-gap-1.0.json). Every review and every
// frozen record names the framework id and version it was scored against, so a data file is
// checked strictly here: unknown keys, dangling pillar references or duplicate prompt ids would
// otherwise surface only as a wrong label in a signed record.
import * as z from 'zod';
import { ROLES } from '../roles.ts';
import {
	APPLICABILITY,
	CONFIDENCE_LEVELS,
	CONFIDENTIALITY_LEVELS,
	EVIDENCE_STATUSES,
	FRAMEWORK_STATUSES,
	INTERVIEW_MODES,
	INTERVIEWEE_TIERS,
	JOURNEY_STAGES,
	PLAN_STATUSES,
	PRIORITIES,
	PSOE_PHASES,
	RECORD_STATES,
	ROLLUP_PHASES,
	SCORES,
	SIGNATURE_MEANINGS
} from './codes.ts';
import { FRAMEWORK_ID_PATTERN, FRAMEWORK_VERSION_PATTERN } from './ref.ts';

const text = z.string().trim().min(1);
const order = z.int().min(1);

export const ScoreSchema = z.literal(SCORES);

/** Lists that enumerate a code set must name every code exactly once, so no label is missing. */
function eachCodeOnce(codes: readonly string[]) {
	return (items: ReadonlyArray<{ code: string }>, ctx: z.RefinementCtx) => {
		const seen = items.map((item) => item.code);
		for (const code of codes) {
			const count = seen.filter((c) => c === code).length;
			if (count !== 1)
				ctx.addIssue({ code: 'custom', message: `code "${code}" appears ${count} times, expected once` });
		}
	};
}

const codedLabel = <const T extends readonly string[]>(codes: T) =>
	z.array(z.strictObject({ code: z.enum(codes), label: text })).superRefine(eachCodeOnce(codes));

/** A field of a record the app keeps (improvement plan, interview, signature), for forms and exports. */
export const FieldSchema = z.strictObject({
	key: z.string().regex(/^[a-z][A-Za-z]*$/),
	label: text,
	note: text.optional()
});

export const JourneyStageSchema = z.strictObject({
	code: z.enum(JOURNEY_STAGES),
	order,
	label: text,
	description: text
});

export const PillarSchema = z.strictObject({ code: z.string().regex(/^[A-Z]$/), order, title: text });

export const PromptSchema = z.strictObject({
	id: z.string().regex(/^[A-Z][0-9]+\.[0-9]+$/),
	text,
	/** Guidance for the interviewer, not read aloud. */
	note: text.optional()
});

export const ElementSchema = z.strictObject({
	code: z.string().regex(/^[A-Z][0-9]+$/),
	pillar: z.string().regex(/^[A-Z]$/),
	title: text,
	intent: text,
	critical: z.boolean(),
	defaultTarget: ScoreSchema,
	prompts: z.array(PromptSchema).min(1),
	typicalEvidence: z.array(text).min(1),
	suggestedInterviewees: z.array(text).min(1),
	indicativeMappings: z.array(text)
});

export const ScaleLevelSchema = z.strictObject({
	value: ScoreSchema,
	label: text,
	psoe: z.enum(PSOE_PHASES).nullable(),
	descriptor: text,
	minEvidence: text,
	minConfidence: z.enum(CONFIDENCE_LEVELS)
});

const answerRules = { requiresJustification: z.boolean(), countsInRollup: z.boolean() };

export const ApplicabilityOptionSchema = z.strictObject({
	code: z.enum(APPLICABILITY),
	label: text,
	description: text,
	...answerRules
});

export const ConfidenceOptionSchema = z.strictObject({ code: z.enum(CONFIDENCE_LEVELS), label: text, rule: text });

export const ScaleSchema = z.strictObject({
	id: text,
	version: text,
	cumulative: z.boolean(),
	note: text,
	levels: z.array(ScaleLevelSchema).superRefine((levels, ctx) => {
		// Scoring code indexes levels by value; a gap or reordering would mislabel scores.
		if (levels.map((l) => l.value).join() !== SCORES.join())
			ctx.addIssue({ code: 'custom', message: `levels must be ${SCORES.join(', ')} in order` });
	}),
	applicability: z.array(ApplicabilityOptionSchema).superRefine(eachCodeOnce(APPLICABILITY)),
	notAssessed: z.strictObject({ label: text, description: text, ...answerRules }),
	confidence: z.array(ConfidenceOptionSchema).superRefine(eachCodeOnce(CONFIDENCE_LEVELS)),
	phases: z
		.array(z.strictObject({ code: z.enum(ROLLUP_PHASES), label: text, rule: text }))
		.superRefine(eachCodeOnce(ROLLUP_PHASES))
});

export const PriorityRuleSchema = z.strictObject({ code: z.enum(PRIORITIES), label: text, when: text });

export const PrioritySchema = z.strictObject({
	gapFormula: text,
	note: text,
	overrideRequiresReason: z.boolean(),
	rules: z.array(PriorityRuleSchema).superRefine(eachCodeOnce(PRIORITIES))
});

export const PlanStatusOptionSchema = z.strictObject({ code: z.enum(PLAN_STATUSES), label: text, closed: z.boolean() });

export const SignatureMeaningOptionSchema = z.strictObject({
	code: z.enum(SIGNATURE_MEANINGS),
	label: text,
	/** The only review role that may sign with this meaning. */
	role: z.enum(ROLES),
	signer: text,
	/** Signing sequence: a lower order signs first. */
	order,
	statement: text
});

const FrameworkObjectSchema = z.strictObject({
	id: z.string().regex(FRAMEWORK_ID_PATTERN),
	version: z.string().regex(FRAMEWORK_VERSION_PATTERN),
	name: text,
	status: z.enum(FRAMEWORK_STATUSES),
	note: text,
	basedOn: z.array(text),
	journey: z.strictObject({
		note: text,
		stages: z.array(JourneyStageSchema).superRefine(eachCodeOnce(JOURNEY_STAGES))
	}),
	pillars: z.array(PillarSchema).min(1),
	elements: z.array(ElementSchema).min(1),
	scale: ScaleSchema,
	targets: z.strictObject({ rationaleRequiredBelow: ScoreSchema, note: text }),
	priority: PrioritySchema,
	improvementPlan: z.strictObject({
		statuses: z.array(PlanStatusOptionSchema).superRefine(eachCodeOnce(PLAN_STATUSES)),
		fields: z.array(FieldSchema).min(1)
	}),
	interviewRecord: z.strictObject({
		modes: codedLabel(INTERVIEW_MODES),
		intervieweeTiers: codedLabel(INTERVIEWEE_TIERS),
		evidenceStatuses: codedLabel(EVIDENCE_STATUSES),
		confidentiality: codedLabel(CONFIDENTIALITY_LEVELS),
		fields: z.array(FieldSchema).min(1)
	}),
	signOff: z.strictObject({
		note: text,
		recordStates: z
			.array(z.strictObject({ code: z.enum(RECORD_STATES), label: text, description: text }))
			.superRefine(eachCodeOnce(RECORD_STATES)),
		signatureMeanings: z.array(SignatureMeaningOptionSchema).superRefine(eachCodeOnce(SIGNATURE_MEANINGS)),
		signatureFields: z.array(FieldSchema).min(1)
	})
});

export const FrameworkSchema = FrameworkObjectSchema.superRefine(checkReferences);

/** Cross-references a per-field schema cannot see: codes and ids are what records store. */
function checkReferences(fw: z.output<typeof FrameworkObjectSchema>, ctx: z.RefinementCtx) {
	const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
	const duplicates = (values: readonly unknown[]) => values.filter((v, i) => values.indexOf(v) !== i);

	for (const code of duplicates(fw.pillars.map((p) => p.code))) issue(`duplicate pillar code ${code}`, ['pillars']);
	for (const code of duplicates(fw.elements.map((e) => e.code))) issue(`duplicate element code ${code}`, ['elements']);
	const promptIds = fw.elements.flatMap((e) => e.prompts.map((p) => p.id));
	for (const id of duplicates(promptIds)) issue(`duplicate prompt id ${id}`, ['elements']);
	for (const n of duplicates(fw.signOff.signatureMeanings.map((m) => m.order)))
		issue(`two signature meanings share order ${n}`, ['signOff', 'signatureMeanings']);

	const pillarCodes = new Set(fw.pillars.map((p) => p.code));
	fw.elements.forEach((element, i) => {
		if (!pillarCodes.has(element.pillar))
			issue(`element ${element.code} names unknown pillar ${element.pillar}`, ['elements', i, 'pillar']);
		if (!element.code.startsWith(element.pillar))
			issue(`element ${element.code} does not start with its pillar code ${element.pillar}`, ['elements', i, 'code']);
		element.prompts.forEach((prompt, j) => {
			if (!prompt.id.startsWith(`${element.code}.`))
				issue(`prompt ${prompt.id} does not belong to element ${element.code}`, ['elements', i, 'prompts', j, 'id']);
		});
	});
}

export type Framework = z.output<typeof FrameworkSchema>;
export type JourneyStageOption = z.output<typeof JourneyStageSchema>;
export type Pillar = z.output<typeof PillarSchema>;
export type Element = z.output<typeof ElementSchema>;
export type Prompt = z.output<typeof PromptSchema>;
export type Scale = z.output<typeof ScaleSchema>;
export type ScaleLevel = z.output<typeof ScaleLevelSchema>;
export type ApplicabilityOption = z.output<typeof ApplicabilityOptionSchema>;
export type ConfidenceOption = z.output<typeof ConfidenceOptionSchema>;
export type PriorityRule = z.output<typeof PriorityRuleSchema>;
export type PlanStatusOption = z.output<typeof PlanStatusOptionSchema>;
export type SignatureMeaningOption = z.output<typeof SignatureMeaningOptionSchema>;
export type Field = z.output<typeof FieldSchema>;

/** Parses framework data, naming the source and every problem, so a bad file fails loudly at startup. */
export function parseFramework(raw: unknown, source: string): Framework {
	const result = FrameworkSchema.safeParse(raw);
	if (!result.success) throw new Error(`Framework data ${source} is invalid:\n${z.prettifyError(result.error)}`);
	return result.data;
}
