import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK, getElement } from '../framework/index.ts';
import { addEntry, addEvidence, deleteEntry, InterviewEntries, setIndicativeLevel } from '../documents/interview.ts';
import { setSelfScore } from '../documents/grid.ts';
import { setIndependentScore, type IndependentScoreInput } from '../documents/reviewer.ts';
import { createAction, deleteAction, updateAction } from '../documents/plan.ts';
import { buildRecord } from './record.ts';
import { compareRecords, wordDiff } from './compare.ts';

const isElement = (code: string) => getElement(DEFAULT_FRAMEWORK, code) !== null;
const review = { id: 'r1', title: 'Independent review 2026', portName: 'Port of Eastmouth Authority', portCountry: 'United Kingdom', kind: 'independent_review', scheduledOn: '2026-11-24' };
const author = { id: 'u-fac', name: 'Fran Müller' };
const judged = (score: number, rationale: string): IndependentScoreInput => ({ score, target: null, targetRationale: '', confidence: 'high', rationale, priorityOverride: null, overrideReason: '' });

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

function paragraphs(fragment: Y.XmlFragment, lines: string[]) {
	fragment.insert(fragment.length, lines.map((line) => {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(line)]);
		return p;
	}));
}

function firstText(fragment: Y.XmlFragment): Y.XmlText {
	return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

const record = (workspace: Y.Doc, reviewer: Y.Doc) => buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace, reviewer });

/** Version 1 of a workshop, then the edits made before version 2 was frozen. */
function twoVersions() {
	const workspace = new Y.Doc();
	const reviewer = new Y.Doc();
	setSelfScore(workspace, 'A1', 4);
	setSelfScore(workspace, 'A2', 3);
	ok(setIndependentScore(reviewer, 'A1', judged(3, 'Board oversight is irregular.')));
	ok(setIndependentScore(reviewer, 'A2', judged(2, 'Role defined but no direct access to the accountable manager.')));
	const kept = ok(addEntry(workspace, { elementCode: 'A2', promptId: 'A2.1', promptAsked: 'Can you describe your reporting line?', intervieweeRole: 'Security manager', intervieweeDepartment: 'Port Security', author, now: 1 }, isElement));
	const entry = InterviewEntries.entryMap(workspace, kept);
	paragraphs(entry?.get('answer') as Y.XmlFragment, ['I report to the operations director.']);
	paragraphs(entry?.get('observations') as Y.XmlFragment, ['No written terms of reference.']);
	const dropped = ok(addEntry(workspace, { elementCode: 'C1', promptId: 'C1.1', promptAsked: 'How does a contractor get in?', author, now: 2 }, isElement));
	const fields = { linkedElements: ['A2'], owner: 'Chief Executive', dueDate: '2026-03-31', priority: 'P1', status: 'proposed', successMeasure: 'Terms of reference signed', expectedLevelAfter: 4 } as const;
	const editedAction = ok(createAction(workspace, { ...fields, title: 'Give the security manager direct access', linkedElements: ['A2'] }, author, isElement, 1));
	const removedAction = ok(createAction(workspace, { ...fields, title: 'Hold a board away-day on security', linkedElements: ['A1'] }, author, isElement, 2));
	const v1 = record(workspace, reviewer);

	ok(setIndependentScore(reviewer, 'A2', judged(3, 'Role defined; direct access agreed in writing during the workshop.')));
	ok(updateAction(workspace, editedAction, { ...fields, title: 'Give the security manager direct access', linkedElements: ['A2'], status: 'agreed', dueDate: '2026-04-30' }, isElement));
	ok(deleteAction(workspace, removedAction));
	const addedAction = ok(createAction(workspace, { ...fields, title: 'Build one port-wide risk assessment', linkedElements: ['B1'], priority: 'P2' }, author, isElement, 3));
	firstText(entry?.get('answer') as Y.XmlFragment).insert('I report to the operations'.length, ' and security');
	const observations = firstText(entry?.get('observations') as Y.XmlFragment);
	observations.delete(0, 'No written'.length);
	observations.insert(0, 'Draft');
	ok(addEvidence(workspace, kept, { title: 'Terms of reference', versionOrDate: 'draft 1', status: 'received' }));
	ok(setIndicativeLevel(workspace, kept, 3));
	ok(deleteEntry(workspace, dropped));
	const added = ok(addEntry(workspace, { elementCode: 'E2', promptId: 'E2.1', promptAsked: 'How would you describe your part?', author, now: 3 }, isElement));
	return { v1, v2: record(workspace, reviewer), ids: { kept, dropped, added, editedAction, removedAction, addedAction } };
}

describe('comparing two versions of the record', () => {
	it('lists only the elements that changed, with each changed value from and to', () => {
		const { v1, v2 } = twoVersions();
		const result = compareRecords(v1, v2);
		expect(result.elements.map((e) => e.code)).toEqual(['A2']);
		const [a2] = result.elements;
		expect(a2.title).toBe('Security manager: authority, resources and direct access');
		expect(a2.changes).toEqual([
			{ field: 'independentScore', from: 2, to: 3 },
			{ field: 'gap', from: 3, to: 2 },
			{ field: 'priority', from: 'P1', to: 'P2' }
		]);
		expect(a2.rationale).toEqual([
			{ kind: 'same', text: 'Role defined' },
			{ kind: 'removed', text: ' but no' },
			{ kind: 'added', text: ';' },
			{ kind: 'same', text: ' direct access ' },
			{ kind: 'removed', text: 'to' },
			{ kind: 'added', text: 'agreed in writing during' },
			{ kind: 'same', text: ' the ' },
			{ kind: 'removed', text: 'accountable manager' },
			{ kind: 'added', text: 'workshop' },
			{ kind: 'same', text: '.' }
		]);
	});

	it('shows the words of a changed difference rationale, and treats a record without the field as empty', () => {
		const { v1, v2 } = twoVersions();
		const a2 = v2.elements.find((e) => e.code === 'A2');
		if (!a2) throw new Error('fixture');
		a2.differenceRationale = 'The port counted the written role, not access in practice.';
		delete v1.elements.find((e) => e.code === 'A2')?.differenceRationale;
		const [change] = compareRecords(v1, v2).elements;
		expect(change.differenceRationale).toEqual([{ kind: 'added', text: 'The port counted the written role, not access in practice.' }]);
		expect(compareRecords(v2, v2).elements).toEqual([]);
	});

	it('finds the action added, the action removed, and the changed fields of an edited action', () => {
		const { v1, v2, ids } = twoVersions();
		const { plan } = compareRecords(v1, v2);
		expect(plan.added.map((a) => a.id)).toEqual([ids.addedAction]);
		expect(plan.added[0].title).toBe('Build one port-wide risk assessment');
		expect(plan.removed.map((a) => a.title)).toEqual(['Hold a board away-day on security']);
		expect(plan.changed).toEqual([
			{
				id: ids.editedAction,
				title: 'Give the security manager direct access',
				changes: [
					{ field: 'dueDate', from: '2026-03-31', to: '2026-04-30', words: null },
					{ field: 'status', from: 'proposed', to: 'agreed', words: null }
				]
			}
		]);
	});

	it('shows word-level changes in an interview answer and its observations, and other changed fields', () => {
		const { v1, v2, ids } = twoVersions();
		const { interview } = compareRecords(v1, v2);
		expect(interview.added.map((e) => e.id)).toEqual([ids.added]);
		expect(interview.removed.map((e) => e.promptAsked)).toEqual(['How does a contractor get in?']);
		expect(interview.changed).toHaveLength(1);
		const [entry] = interview.changed;
		expect(entry).toMatchObject({ id: ids.kept, elementCode: 'A2', promptAsked: 'Can you describe your reporting line?' });
		expect(entry.text.answer).toEqual([
			{ kind: 'same', text: 'I report to the operations ' },
			{ kind: 'added', text: 'and security ' },
			{ kind: 'same', text: 'director.' }
		]);
		expect(entry.text.observations).toEqual([
			{ kind: 'removed', text: 'No written' },
			{ kind: 'added', text: 'Draft' },
			{ kind: 'same', text: ' terms of reference.' }
		]);
		expect(entry.text.promptAsked).toBeUndefined();
		expect(entry.changes).toEqual([
			{ field: 'indicativeLevel', from: null, to: 3 },
			{ field: 'evidence', from: '', to: 'Terms of reference (draft 1): received' }
		]);
	});

	it('writes joined values in the words it is given: the framework’s status names in the record language', () => {
		const { v1, v2 } = twoVersions();
		const words = { evidenceStatus: (code: string) => (code === 'received' ? 'reçu' : code), followUpDone: ' (fait)', listSeparator: ' ; ' };
		const [entry] = compareRecords(v1, v2, words).interview.changed;
		expect(entry.changes).toContainEqual({ field: 'evidence', from: '', to: 'Terms of reference (draft 1): reçu' });
	});

	it('sums the changes up, and reports two identical versions as the same', () => {
		const { v1, v2 } = twoVersions();
		expect(compareRecords(v1, v2).summary).toEqual({
			elementsChanged: 1,
			scoresChanged: 1,
			actionsAdded: 1,
			actionsRemoved: 1,
			actionsChanged: 1,
			entriesAdded: 1,
			entriesRemoved: 1,
			entriesChanged: 1,
			same: false
		});
		const same = compareRecords(v1, structuredClone(v1));
		expect(same.summary.same).toBe(true);
		expect(same.elements).toEqual([]);
	});

	it('works in either direction, with added and removed swapped', () => {
		const { v1, v2 } = twoVersions();
		const backwards = compareRecords(v2, v1);
		expect(backwards.plan.added.map((a) => a.title)).toEqual(['Hold a board away-day on security']);
		expect(backwards.elements[0].changes[0]).toEqual({ field: 'independentScore', from: 3, to: 2 });
	});
});

describe('word differences', () => {
	it('marks removed and added words and leaves the shared words alone', () => {
		expect(wordDiff('The gate log is kept', 'The gate log is not kept')).toEqual([
			{ kind: 'same', text: 'The gate log is ' },
			{ kind: 'added', text: 'not ' },
			{ kind: 'same', text: 'kept' }
		]);
	});

	it('gives null when the words are the same, even if spacing changed', () => {
		expect(wordDiff('same words', 'same words')).toBeNull();
		expect(wordDiff('same  words', 'same words')).toBeNull();
	});

	it('shows text that appeared from nothing as all added', () => {
		expect(wordDiff('', 'New observation.')).toEqual([{ kind: 'added', text: 'New observation.' }]);
	});
});
