// Interview entries of the workspace document: an entity collection (schema/collection.ts), one
// entry per question asked, with the answer and observations as collaborative rich text and small
// lists of evidence references and follow-ups inside the entry.
import type * as Y from 'yjs';
import { EVIDENCE_STATUSES, type EvidenceStatus } from '../framework/codes.ts';
import { fail, ok, type Result } from '../result.ts';
import { collection, type Entity } from './schema/collection.ts';
import { flag, instant, oneOf, optionalText, richText, score, text, type Problems } from './schema/fields.ts';
import { addItem, items, removeItem, updateItem, type Item } from './schema/shape.ts';
import { richTextOf } from '../record/rich-text.ts';
import { m } from '../../paraglide/messages.js';

const MISSING = () => m.documents_interview_entry_deleted();

const EvidenceShape = {
	title: text({ trim: true, max: 300, required: () => m.documents_evidence_title_required() }),
	versionOrDate: text({ trim: true, max: 100 }),
	status: oneOf(EVIDENCE_STATUSES, { fallback: 'requested', invalid: () => m.documents_status_invalid() })
};

const FollowUpShape = {
	text: text({ trim: true, max: 1000, required: () => m.documents_follow_up_required() }),
	done: flag()
};

export const InterviewEntries = collection({
	key: 'interviewEntries',
	label: 'interview',
	missing: MISSING,
	shape: {
		elementCode: text(),
		promptId: optionalText(),
		promptAsked: text({ max: 2000, required: () => m.documents_question_required() }),
		intervieweeRole: text({ max: 2000 }),
		intervieweeDepartment: text({ max: 2000 }),
		intervieweeName: optionalText({ max: 2000 }),
		/** Names stay out of exports unless the interviewee agreed (openness without exposure). */
		nameInExports: flag(),
		answer: richText(),
		observations: richText(),
		evidence: items(EvidenceShape, { label: 'evidence' }),
		followUps: items(FollowUpShape, { label: 'follow-up' }),
		indicativeLevel: score({ invalid: () => m.documents_indicative_level_whole() }),
		readBackDone: flag(),
		authorId: text(),
		authorName: text(),
		createdAt: instant()
	}
});

export type InterviewEntry = Entity<typeof InterviewEntries.shape>;
export type EvidenceRef = Item<typeof EvidenceShape>;
export type FollowUp = Item<typeof FollowUpShape>;

/** All entries in agreed order. */
export function readInterview(doc: Y.Doc, problems: Problems = []): InterviewEntry[] {
	return InterviewEntries.list(doc, problems);
}

export function plainAnswer(entry: InterviewEntry): { answer: string; observations: string } {
	return { answer: richTextOf(entry.answer).text, observations: richTextOf(entry.observations).text };
}

export type NewEntryInput = {
	elementCode: string;
	promptId: string | null;
	promptAsked: string;
	intervieweeRole?: string;
	intervieweeDepartment?: string;
	author: { id: string; name: string };
	now?: number;
};

export function addEntry(doc: Y.Doc, input: NewEntryInput, validElement: (code: string) => boolean): Result<string> {
	if (!validElement(input.elementCode)) return fail('invalid_input', m.documents_interview_element_invalid(), 'elementCode');
	return InterviewEntries.create(doc, {
		elementCode: input.elementCode,
		promptId: input.promptId,
		promptAsked: input.promptAsked.trim(),
		intervieweeRole: input.intervieweeRole ?? '',
		intervieweeDepartment: input.intervieweeDepartment ?? '',
		authorId: input.author.id,
		authorName: input.author.name,
		createdAt: input.now ?? Date.now()
	});
}

export type EntryField = 'promptAsked' | 'intervieweeRole' | 'intervieweeDepartment' | 'intervieweeName';

export function setEntryText(doc: Y.Doc, id: string, field: EntryField, value: string): Result<true> {
	return InterviewEntries.update(doc, id, { [field]: value });
}

export function setEntryFlag(doc: Y.Doc, id: string, field: 'nameInExports' | 'readBackDone', value: boolean): Result<true> {
	return InterviewEntries.update(doc, id, { [field]: value });
}

export function setIndicativeLevel(doc: Y.Doc, id: string, level: number | null): Result<true> {
	return InterviewEntries.update(doc, id, { indicativeLevel: level });
}

function entryOf(doc: Y.Doc, id: string): Result<Y.Map<unknown>> {
	const entry = InterviewEntries.entryMap(doc, id);
	return entry ? ok(entry) : fail('not_found', MISSING());
}

export function addEvidence(doc: Y.Doc, id: string, input: { title: string; versionOrDate: string; status: EvidenceStatus }): Result<string> {
	const entry = entryOf(doc, id);
	return entry.ok ? addItem(entry.value, 'evidence', EvidenceShape, input) : entry;
}

export function setEvidenceStatus(doc: Y.Doc, id: string, evidenceId: string, status: EvidenceStatus): Result<true> {
	const entry = entryOf(doc, id);
	return entry.ok ? updateItem(entry.value, 'evidence', EvidenceShape, evidenceId, { status }, () => m.documents_evidence_removed()) : entry;
}

export function removeListItem(doc: Y.Doc, id: string, key: 'evidence' | 'followUps', itemId: string): Result<true> {
	const entry = entryOf(doc, id);
	return entry.ok ? removeItem(entry.value, key, itemId, () => m.documents_item_already_removed()) : fail('not_found', m.documents_item_already_removed());
}

export function addFollowUp(doc: Y.Doc, id: string, followUp: string): Result<string> {
	const entry = entryOf(doc, id);
	return entry.ok ? addItem(entry.value, 'followUps', FollowUpShape, { text: followUp, done: false }) : entry;
}

export function setFollowUpDone(doc: Y.Doc, id: string, itemId: string, done: boolean): Result<true> {
	const entry = entryOf(doc, id);
	return entry.ok ? updateItem(entry.value, 'followUps', FollowUpShape, itemId, { done }, () => m.documents_follow_up_removed()) : entry;
}

/** Moves an entry to just before `beforeId` (or to the end when null). */
export function moveEntry(doc: Y.Doc, id: string, beforeId: string | null): Result<true> {
	const others = InterviewEntries.list(doc).filter((e) => e.id !== id);
	const target = beforeId === null ? -1 : others.findIndex((e) => e.id === beforeId);
	return InterviewEntries.move(doc, id, target === -1 ? others.length : target);
}

export function deleteEntry(doc: Y.Doc, id: string): Result<true> {
	const removed = InterviewEntries.remove(doc, id, () => m.documents_interview_entry_already_deleted());
	return removed.ok ? ok(true) : removed;
}
