// Interview entries of the workspace document. Entries live in a map by id (so concurrent edits
// to different entries never conflict) plus an order array of ids (so reordering is one small
// change). Concurrent moves of one entry can leave its id twice in the order; readers keep the
// first occurrence, and entries missing from the order are appended, so nothing is ever hidden.
import * as Y from 'yjs';
import { EVIDENCE_STATUSES, type EvidenceStatus } from '../framework/codes.ts';
import { isValidScore } from '../framework/scoring.ts';
import { fail, ok, type Result } from '../result.ts';
import { bool, childArray, fragment, fragmentText, num, oneOf, optionalStr, str, type Problems } from './read.ts';

export const InterviewKeys = { entries: 'interviewEntries', order: 'interviewOrder' } as const;

export type EvidenceRef = { id: string; title: string; versionOrDate: string; status: EvidenceStatus };
export type FollowUp = { id: string; text: string; done: boolean };

export type InterviewEntry = {
	id: string;
	elementCode: string;
	promptId: string | null;
	promptAsked: string;
	intervieweeRole: string;
	intervieweeDepartment: string;
	intervieweeName: string | null;
	/** Names stay out of exports unless the interviewee agreed (openness without exposure). */
	nameInExports: boolean;
	answer: Y.XmlFragment | null;
	observations: Y.XmlFragment | null;
	evidence: EvidenceRef[];
	followUps: FollowUp[];
	indicativeLevel: number | null;
	readBackDone: boolean;
	authorId: string;
	authorName: string;
	createdAt: number;
};

export function entriesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(InterviewKeys.entries);
}

export function orderArray(doc: Y.Doc): Y.Array<string> {
	return doc.getArray(InterviewKeys.order);
}

function readEvidence(entry: Y.Map<unknown>, problems: Problems, where: string): EvidenceRef[] {
	const list = childArray(entry, 'evidence');
	if (!list) return [];
	const out: EvidenceRef[] = [];
	list.forEach((item, i) => {
		if (!(item instanceof Y.Map)) return void problems.push(`${where}: evidence ${i} is malformed`);
		const m = item as Y.Map<unknown>;
		out.push({
			id: str(m, 'id', problems, where) || `evidence-${i}`,
			title: str(m, 'title', problems, where),
			versionOrDate: str(m, 'versionOrDate', problems, where),
			status: oneOf(m, 'status', EVIDENCE_STATUSES, 'requested', problems, where)
		});
	});
	return out;
}

function readFollowUps(entry: Y.Map<unknown>, problems: Problems, where: string): FollowUp[] {
	const list = childArray(entry, 'followUps');
	if (!list) return [];
	const out: FollowUp[] = [];
	list.forEach((item, i) => {
		if (!(item instanceof Y.Map)) return void problems.push(`${where}: follow-up ${i} is malformed`);
		const m = item as Y.Map<unknown>;
		out.push({ id: str(m, 'id', problems, where) || `follow-up-${i}`, text: str(m, 'text', problems, where), done: bool(m, 'done') });
	});
	return out;
}

export function readEntry(id: string, raw: unknown, problems: Problems): InterviewEntry | null {
	const where = `interview ${id}`;
	if (!(raw instanceof Y.Map)) {
		problems.push(`${where}: not an entry`);
		return null;
	}
	const m = raw as Y.Map<unknown>;
	const createdAt = m.get('createdAt');
	return {
		id,
		elementCode: str(m, 'elementCode', problems, where),
		promptId: optionalStr(m, 'promptId', problems, where),
		promptAsked: str(m, 'promptAsked', problems, where),
		intervieweeRole: str(m, 'intervieweeRole', problems, where),
		intervieweeDepartment: str(m, 'intervieweeDepartment', problems, where),
		intervieweeName: optionalStr(m, 'intervieweeName', problems, where),
		nameInExports: bool(m, 'nameInExports'),
		answer: fragment(m, 'answer'),
		observations: fragment(m, 'observations'),
		evidence: readEvidence(m, problems, where),
		followUps: readFollowUps(m, problems, where),
		indicativeLevel: num(m, 'indicativeLevel', problems, where, isValidScore),
		readBackDone: bool(m, 'readBackDone'),
		authorId: str(m, 'authorId', problems, where),
		authorName: str(m, 'authorName', problems, where),
		createdAt: typeof createdAt === 'number' ? createdAt : 0
	};
}

/** All entries in agreed order. */
export function readInterview(doc: Y.Doc, problems: Problems = []): InterviewEntry[] {
	const entries = entriesMap(doc);
	const seen = new Set<string>();
	const ordered: InterviewEntry[] = [];
	const take = (id: string) => {
		if (seen.has(id) || !entries.has(id)) return;
		seen.add(id);
		const entry = readEntry(id, entries.get(id), problems);
		if (entry) ordered.push(entry);
	};
	for (const id of orderArray(doc).toArray()) if (typeof id === 'string') take(id);
	const rest = [...entries.keys()].filter((id) => !seen.has(id)).sort();
	for (const id of rest) take(id);
	return ordered;
}

export function plainAnswer(entry: InterviewEntry): { answer: string; observations: string } {
	return { answer: fragmentText(entry.answer), observations: fragmentText(entry.observations) };
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
	if (!validElement(input.elementCode)) return fail('invalid_input', 'Choose a PSeMS element for this entry.', 'elementCode');
	if (input.promptAsked.trim() === '') return fail('invalid_input', 'Write down the question as it was asked.', 'promptAsked');
	const id = crypto.randomUUID();
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('elementCode', input.elementCode);
		m.set('promptId', input.promptId);
		m.set('promptAsked', input.promptAsked.trim());
		m.set('intervieweeRole', input.intervieweeRole ?? '');
		m.set('intervieweeDepartment', input.intervieweeDepartment ?? '');
		m.set('nameInExports', false);
		m.set('answer', new Y.XmlFragment());
		m.set('observations', new Y.XmlFragment());
		m.set('evidence', new Y.Array());
		m.set('followUps', new Y.Array());
		m.set('readBackDone', false);
		m.set('authorId', input.author.id);
		m.set('authorName', input.author.name);
		m.set('createdAt', input.now ?? Date.now());
		entriesMap(doc).set(id, m);
		orderArray(doc).push([id]);
	});
	return ok(id);
}

export type EntryField = 'promptAsked' | 'intervieweeRole' | 'intervieweeDepartment' | 'intervieweeName';

export function setEntryText(doc: Y.Doc, id: string, field: EntryField, value: string): Result<true> {
	const entry = entriesMap(doc).get(id);
	if (!entry) return fail('not_found', 'That interview entry was deleted by someone else.');
	const text = value.slice(0, 2000);
	if (field === 'promptAsked' && text.trim() === '') return fail('invalid_input', 'Write down the question as it was asked.', field);
	entry.set(field, field === 'intervieweeName' && text.trim() === '' ? null : text);
	return ok(true);
}

export function setEntryFlag(doc: Y.Doc, id: string, field: 'nameInExports' | 'readBackDone', value: boolean): Result<true> {
	const entry = entriesMap(doc).get(id);
	if (!entry) return fail('not_found', 'That interview entry was deleted by someone else.');
	entry.set(field, value);
	return ok(true);
}

export function setIndicativeLevel(doc: Y.Doc, id: string, level: number | null): Result<true> {
	const entry = entriesMap(doc).get(id);
	if (!entry) return fail('not_found', 'That interview entry was deleted by someone else.');
	if (level !== null && !isValidScore(level)) return fail('invalid_input', 'An indicative level is a whole number from 0 to 5.', 'indicativeLevel');
	entry.set('indicativeLevel', level);
	return ok(true);
}

export function addEvidence(doc: Y.Doc, id: string, input: { title: string; versionOrDate: string; status: EvidenceStatus }): Result<string> {
	const entry = entriesMap(doc).get(id);
	if (!entry) return fail('not_found', 'That interview entry was deleted by someone else.');
	if (input.title.trim() === '') return fail('invalid_input', 'Give the evidence a title, for example "Security policy".', 'title');
	if (!(EVIDENCE_STATUSES as readonly string[]).includes(input.status)) return fail('invalid_input', 'Choose a status.', 'status');
	const evidenceId = crypto.randomUUID();
	doc.transact(() => {
		let list = childArray(entry, 'evidence');
		if (!list) {
			list = new Y.Array();
			entry.set('evidence', list);
		}
		const m = new Y.Map<unknown>();
		m.set('id', evidenceId);
		m.set('title', input.title.trim().slice(0, 300));
		m.set('versionOrDate', input.versionOrDate.trim().slice(0, 100));
		m.set('status', input.status);
		list.push([m]);
	});
	return ok(evidenceId);
}

function findInList(entry: Y.Map<unknown>, key: 'evidence' | 'followUps', itemId: string): { list: Y.Array<unknown>; index: number } | null {
	const list = childArray(entry, key);
	if (!list) return null;
	const index = list.toArray().findIndex((item) => item instanceof Y.Map && (item as Y.Map<unknown>).get('id') === itemId);
	return index === -1 ? null : { list, index };
}

export function setEvidenceStatus(doc: Y.Doc, id: string, evidenceId: string, status: EvidenceStatus): Result<true> {
	const entry = entriesMap(doc).get(id);
	const found = entry ? findInList(entry, 'evidence', evidenceId) : null;
	if (!found) return fail('not_found', 'That evidence reference was removed by someone else.');
	(found.list.get(found.index) as Y.Map<unknown>).set('status', status);
	return ok(true);
}

export function removeListItem(doc: Y.Doc, id: string, key: 'evidence' | 'followUps', itemId: string): Result<true> {
	const entry = entriesMap(doc).get(id);
	const found = entry ? findInList(entry, key, itemId) : null;
	if (!found) return fail('not_found', 'That item was already removed.');
	found.list.delete(found.index, 1);
	return ok(true);
}

export function addFollowUp(doc: Y.Doc, id: string, text: string): Result<string> {
	const entry = entriesMap(doc).get(id);
	if (!entry) return fail('not_found', 'That interview entry was deleted by someone else.');
	if (text.trim() === '') return fail('invalid_input', 'Describe the follow-up.', 'followUp');
	const itemId = crypto.randomUUID();
	doc.transact(() => {
		let list = childArray(entry, 'followUps');
		if (!list) {
			list = new Y.Array();
			entry.set('followUps', list);
		}
		const m = new Y.Map<unknown>();
		m.set('id', itemId);
		m.set('text', text.trim().slice(0, 1000));
		m.set('done', false);
		list.push([m]);
	});
	return ok(itemId);
}

export function setFollowUpDone(doc: Y.Doc, id: string, itemId: string, done: boolean): Result<true> {
	const entry = entriesMap(doc).get(id);
	const found = entry ? findInList(entry, 'followUps', itemId) : null;
	if (!found) return fail('not_found', 'That follow-up was removed by someone else.');
	(found.list.get(found.index) as Y.Map<unknown>).set('done', done);
	return ok(true);
}

/** Moves an entry to just before `beforeId` (or to the end when null). */
export function moveEntry(doc: Y.Doc, id: string, beforeId: string | null): Result<true> {
	const order = orderArray(doc);
	if (!entriesMap(doc).has(id)) return fail('not_found', 'That interview entry was deleted by someone else.');
	doc.transact(() => {
		const ids = order.toArray();
		for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
		const after = order.toArray();
		const target = beforeId === null ? -1 : after.indexOf(beforeId);
		order.insert(target === -1 ? after.length : target, [id]);
	});
	return ok(true);
}

export function deleteEntry(doc: Y.Doc, id: string): Result<true> {
	if (!entriesMap(doc).has(id)) return fail('not_found', 'That interview entry was already deleted.');
	doc.transact(() => {
		entriesMap(doc).delete(id);
		const order = orderArray(doc);
		const ids = order.toArray();
		for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
	});
	return ok(true);
}
