// The mapping of an import of self-scores, as a pure function: for each element of the target's
// framework, the level from the source and what the import does with it. Elements are matched by
// code; codes the target's framework does not know are reported, never guessed at.
import type { Framework } from '../../src/lib/shared/framework/schema.ts';

export type SourceScores = {
	/** version/hash/frozenAt of the frozen version read, or all null for the live documents. */
	origin: { version: number | null; hash: string | null; frozenAt: string | null };
	scores: ReadonlyMap<string, number>;
};

/**
 * fill: no self-score here yet; same: already that level; differs: another level is already
 * entered here (kept unless replacing is asked for); none: the source has no score for it.
 */
export type ImportOutcomeKind = 'fill' | 'same' | 'differs' | 'none';

export type ImportRow = { code: string; title: string; incoming: number | null; current: number | null; outcome: ImportOutcomeKind };

export type ImportPlan = {
	rows: ImportRow[];
	counts: Record<ImportOutcomeKind, number>;
	/** Source codes with no element of that code in the target's framework. */
	unknownCodes: string[];
};

export function planImport(framework: Framework, incoming: ReadonlyMap<string, number>, currentOf: (code: string) => number | null): ImportPlan {
	const counts: Record<ImportOutcomeKind, number> = { fill: 0, same: 0, differs: 0, none: 0 };
	const rows = framework.elements.map((element): ImportRow => {
		const score = incoming.get(element.code) ?? null;
		const current = currentOf(element.code);
		const outcome: ImportOutcomeKind = score === null ? 'none' : current === null ? 'fill' : current === score ? 'same' : 'differs';
		counts[outcome]++;
		return { code: element.code, title: element.title, incoming: score, current, outcome };
	});
	const known = new Set(framework.elements.map((e) => e.code));
	const unknownCodes = [...incoming.keys()].filter((code) => !known.has(code)).sort();
	return { rows, counts, unknownCodes };
}
