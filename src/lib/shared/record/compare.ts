// Compares two frozen versions of an evaluation record: what moved in the grid, which plan
// actions were added, removed or edited, and word by word what changed in the interview record.
// Pure and browser-safe (no Node APIs), so the record page and the server share one answer.
import { diffWords } from 'diff';
import type { EvaluationRecord, RecordAction, RecordElement, RecordInterviewEntry } from './record.ts';

/** A run of text that both versions share, or that only the later (added) or earlier (removed) has. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export type Scalar = string | number | boolean | null;
export type FieldChange<F extends string> = { field: F; from: Scalar; to: Scalar };

export const ELEMENT_FIELDS = ['selfScore', 'independentScore', 'target', 'gap', 'priority', 'confidence'] as const;
export type ElementField = (typeof ELEMENT_FIELDS)[number];
export type ElementChange = {
	code: string;
	title: string;
	changes: Array<FieldChange<ElementField>>;
	/** Word-level change of the reviewer's rationale, when its words changed. */
	rationale: DiffPart[] | null;
	/** Word-level change of why the independent level differs from the self-assessment. */
	differenceRationale: DiffPart[] | null;
};

export const ACTION_FIELDS = ['title', 'description', 'linkedElements', 'owner', 'dueDate', 'priority', 'status', 'successMeasure', 'expectedLevelAfter'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
export type ActionChange = {
	id: string;
	/** The title in the later version. */
	title: string;
	changes: Array<FieldChange<ActionField> & { words: DiffPart[] | null }>;
};

export const ENTRY_FIELDS = ['elementCode', 'intervieweeRole', 'intervieweeDepartment', 'intervieweeName', 'indicativeLevel', 'evidence', 'followUps', 'readBackDone'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export const ENTRY_TEXT_FIELDS = ['promptAsked', 'answer', 'observations'] as const;
export type EntryTextField = (typeof ENTRY_TEXT_FIELDS)[number];
export type EntryChange = {
	id: string;
	elementCode: string;
	/** The question as asked, in the later version. */
	promptAsked: string;
	changes: Array<FieldChange<EntryField>>;
	text: Partial<Record<EntryTextField, DiffPart[]>>;
};

export type Added<T> = { added: T[]; removed: T[] };

export type RecordComparison = {
	elements: ElementChange[];
	plan: Added<RecordAction> & { changed: ActionChange[] };
	interview: Added<RecordInterviewEntry> & { changed: EntryChange[] };
	summary: {
		elementsChanged: number;
		scoresChanged: number;
		actionsAdded: number;
		actionsRemoved: number;
		actionsChanged: number;
		entriesAdded: number;
		entriesRemoved: number;
		entriesChanged: number;
		/** No difference in anything this comparison looks at. */
		same: boolean;
	};
};

/** Word diffs of very long texts are abandoned after this long and shown as replaced whole. */
const DIFF_TIMEOUT_MS = 500;

/**
 * Word-level difference of two texts, or null when the words are the same (changes of spacing
 * or line breaks alone are not shown: the reader compares words).
 */
export function wordDiff(from: string, to: string): DiffPart[] | null {
	if (from === to) return null;
	const changes = diffWords(from, to, { timeout: DIFF_TIMEOUT_MS });
	const parts: DiffPart[] = changes
		? changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }))
		: [
				{ kind: 'removed', text: from },
				{ kind: 'added', text: to }
			];
	const merged: DiffPart[] = [];
	for (const part of parts) {
		if (part.text === '') continue;
		const last = merged.at(-1);
		if (last && last.kind === part.kind) last.text += part.text;
		else merged.push({ ...part });
	}
	return merged.some((p) => p.kind !== 'same') ? merged : null;
}

function fieldChanges<F extends string>(fields: readonly F[], from: Record<F, Scalar>, to: Record<F, Scalar>): Array<FieldChange<F>> {
	return fields.filter((f) => from[f] !== to[f]).map((field) => ({ field, from: from[field], to: to[field] }));
}

function byId<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
	return new Map(items.map((item) => [key(item), item]));
}

function elementValues(e: RecordElement | undefined): Record<ElementField, Scalar> {
	return {
		selfScore: e?.selfScore ?? null,
		independentScore: e?.independentScore ?? null,
		target: e?.target ?? null,
		gap: e?.gap ?? null,
		priority: e?.priority ?? null,
		confidence: e?.confidence ?? null
	};
}

function compareElements(from: readonly RecordElement[], to: readonly RecordElement[]): ElementChange[] {
	const before = byId(from, (e) => e.code);
	const after = byId(to, (e) => e.code);
	// Later order first; an element only the earlier version has (a framework change) comes last.
	const codes = [...after.keys(), ...[...before.keys()].filter((c) => !after.has(c))];
	const out: ElementChange[] = [];
	for (const code of codes) {
		const a = before.get(code);
		const b = after.get(code);
		const changes = fieldChanges(ELEMENT_FIELDS, elementValues(a), elementValues(b));
		const rationale = wordDiff(a?.rationale ?? '', b?.rationale ?? '');
		const differenceRationale = wordDiff(a?.differenceRationale ?? '', b?.differenceRationale ?? '');
		if (changes.length > 0 || rationale || differenceRationale) {
			out.push({ code, title: (b ?? a)?.title ?? code, changes, rationale, differenceRationale });
		}
	}
	return out;
}

const TEXT_ACTION_FIELDS: ReadonlySet<ActionField> = new Set(['title', 'description', 'successMeasure', 'owner']);

function actionValues(a: RecordAction): Record<ActionField, Scalar> {
	return {
		title: a.title,
		description: a.description.text,
		linkedElements: a.linkedElements.join(', '),
		owner: a.owner,
		dueDate: a.dueDate,
		priority: a.priority,
		status: a.status,
		successMeasure: a.successMeasure,
		expectedLevelAfter: a.expectedLevelAfter
	};
}

function comparePlan(from: readonly RecordAction[], to: readonly RecordAction[]): RecordComparison['plan'] {
	const before = byId(from, (a) => a.id);
	const after = byId(to, (a) => a.id);
	const changed: ActionChange[] = [];
	for (const b of to) {
		const a = before.get(b.id);
		if (!a) continue;
		const changes = fieldChanges(ACTION_FIELDS, actionValues(a), actionValues(b)).map((c) => ({
			...c,
			words: TEXT_ACTION_FIELDS.has(c.field) ? wordDiff(String(c.from ?? ''), String(c.to ?? '')) : null
		}));
		if (changes.length > 0) changed.push({ id: b.id, title: b.title, changes });
	}
	return { added: to.filter((a) => !before.has(a.id)), removed: from.filter((a) => !after.has(a.id)), changed };
}

/** The words a comparison writes into its joined values (the reader sees them as they are). */
export type ComparisonWords = { evidenceStatus: (code: string) => string; followUpDone: string; listSeparator: string };

/** Codes as stored: for tests and callers without a framework at hand. */
export const STORED_CODES: ComparisonWords = { evidenceStatus: (code) => code, followUpDone: ' (done)', listSeparator: '; ' };

function entryValues(e: RecordInterviewEntry, words: ComparisonWords): Record<EntryField, Scalar> {
	return {
		elementCode: e.elementCode,
		intervieweeRole: e.interviewee.role,
		intervieweeDepartment: e.interviewee.department,
		intervieweeName: e.interviewee.name,
		indicativeLevel: e.indicativeLevel,
		evidence: e.evidence.map((x) => `${x.title}${x.versionOrDate ? ` (${x.versionOrDate})` : ''}: ${words.evidenceStatus(x.status)}`).join(words.listSeparator),
		followUps: e.followUps.map((f) => `${f.text}${f.done ? words.followUpDone : ''}`).join(words.listSeparator),
		readBackDone: e.readBackDone
	};
}

function entryTexts(e: RecordInterviewEntry): Record<EntryTextField, string> {
	return { promptAsked: e.promptAsked, answer: e.answer.text, observations: e.observations.text };
}

function compareInterview(from: readonly RecordInterviewEntry[], to: readonly RecordInterviewEntry[], words: ComparisonWords): RecordComparison['interview'] {
	const before = byId(from, (e) => e.id);
	const after = byId(to, (e) => e.id);
	const changed: EntryChange[] = [];
	for (const b of to) {
		const a = before.get(b.id);
		if (!a) continue;
		const changes = fieldChanges(ENTRY_FIELDS, entryValues(a, words), entryValues(b, words));
		const text: EntryChange['text'] = {};
		const textsA = entryTexts(a);
		const textsB = entryTexts(b);
		for (const field of ENTRY_TEXT_FIELDS) {
			const parts = wordDiff(textsA[field], textsB[field]);
			if (parts) text[field] = parts;
		}
		if (changes.length > 0 || Object.keys(text).length > 0) {
			changed.push({ id: b.id, elementCode: b.elementCode, promptAsked: b.promptAsked, changes, text });
		}
	}
	return { added: to.filter((e) => !before.has(e.id)), removed: from.filter((e) => !after.has(e.id)), changed };
}

const SCORE_FIELDS: ReadonlySet<ElementField> = new Set(['selfScore', 'independentScore', 'target']);

/** What changed from the earlier record `from` to the later record `to`, in `words` where values are joined. */
export function compareRecords(from: EvaluationRecord, to: EvaluationRecord, words: ComparisonWords = STORED_CODES): RecordComparison {
	const elements = compareElements(from.elements, to.elements);
	const plan = comparePlan(from.plan, to.plan);
	const interview = compareInterview(from.interview, to.interview, words);
	const summary = {
		elementsChanged: elements.length,
		scoresChanged: elements.filter((e) => e.changes.some((c) => SCORE_FIELDS.has(c.field))).length,
		actionsAdded: plan.added.length,
		actionsRemoved: plan.removed.length,
		actionsChanged: plan.changed.length,
		entriesAdded: interview.added.length,
		entriesRemoved: interview.removed.length,
		entriesChanged: interview.changed.length
	};
	return { elements, plan, interview, summary: { ...summary, same: Object.values(summary).every((n) => n === 0) } };
}
