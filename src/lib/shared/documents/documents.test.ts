import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '../framework/index.ts';
import { addEntry, addEvidence, deleteEntry, moveEntry, readInterview, setIndicativeLevel, setEntryText, InterviewEntries } from './interview.ts';
import { proposeScore, readGridCell, readProposals, setApplicability, setSelfScore } from './grid.ts';
import { DIFFERENCE_RATIONALE_MAX, readIndependentScore, setDifferenceRationale, setIndependentScore, type IndependentScoreInput } from './reviewer.ts';
import { createAction, readPlan, updateAction, type ActionFields } from './plan.ts';
import { distribution, readElementRows } from './element-rows.ts';
import { runInLocale } from '../../i18n/shared-locale-storage.ts';
import { m } from '../../paraglide/messages.js';

const isElement = (code: string) => DEFAULT_FRAMEWORK.elements.some((e) => e.code === code);
const author = { id: 'u1', name: 'Fran' };

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const noScore: IndependentScoreInput = {
	score: null, target: null, targetRationale: '', confidence: null, rationale: '', priorityOverride: null, overrideReason: ''
};

const action: ActionFields = {
	title: 'Name a deputy accountable manager',
	linkedElements: ['A1'],
	owner: 'Board secretary',
	dueDate: '2027-03-31',
	priority: 'P2',
	status: 'proposed',
	successMeasure: 'Deputy named in the security policy',
	expectedLevelAfter: 4
};

describe('interview entries', () => {
	it('adds an entry from a framework prompt and reads it back with empty rich text fields', () => {
		const doc = new Y.Doc();
		const added = addEntry(doc, { elementCode: 'A1', promptId: 'A1.1', promptAsked: ' Who is the accountable manager? ', author }, isElement);
		expect(added.ok).toBe(true);
		const [entry] = readInterview(doc);
		expect(entry).toMatchObject({ elementCode: 'A1', promptId: 'A1.1', promptAsked: 'Who is the accountable manager?', authorName: 'Fran', readBackDone: false });
		expect(entry.answer).toBeInstanceOf(Y.XmlFragment);
	});

	it('refuses an entry for an element the framework does not have', () => {
		const doc = new Y.Doc();
		const added = addEntry(doc, { elementCode: 'Z9', promptId: null, promptAsked: 'x', author }, isElement);
		expect(added).toMatchObject({ ok: false, error: { field: 'elementCode' } });
		expect(readInterview(doc)).toEqual([]);
	});

	it('refuses an indicative level off the 0-5 scale and an empty question', () => {
		const doc = new Y.Doc();
		const id = addEntry(doc, { elementCode: 'B1', promptId: null, promptAsked: 'Free question', author }, isElement);
		if (!id.ok) throw new Error('setup');
		expect(setIndicativeLevel(doc, id.value, 6).ok).toBe(false);
		expect(setIndicativeLevel(doc, id.value, 2.5).ok).toBe(false);
		expect(setEntryText(doc, id.value, 'promptAsked', '  ').ok).toBe(false);
		expect(readInterview(doc)[0]).toMatchObject({ indicativeLevel: null, promptAsked: 'Free question' });
	});

	it('keeps every entry exactly once when two people move the same entry at the same time', () => {
		const a = new Y.Doc();
		const ids = ['one', 'two', 'three'].map((q) => {
			const r = addEntry(a, { elementCode: 'A1', promptId: null, promptAsked: q, author }, isElement);
			if (!r.ok) throw new Error('setup');
			return r.value;
		});
		const b = new Y.Doc();
		sync(a, b);
		moveEntry(a, ids[2], ids[0]);
		moveEntry(b, ids[2], null);
		moveEntry(b, ids[0], null);
		sync(a, b);
		const orderA = readInterview(a).map((e) => e.id);
		expect(orderA).toEqual(readInterview(b).map((e) => e.id));
		expect([...orderA].sort()).toEqual([...ids].sort());
	});

	it('deletes an entry, and the entries after it keep their order', () => {
		const doc = new Y.Doc();
		const r = addEntry(doc, { elementCode: 'C1', promptId: null, promptAsked: 'q', author }, isElement);
		if (!r.ok) throw new Error('setup');
		const after = addEntry(doc, { elementCode: 'C1', promptId: null, promptAsked: 'next', author }, isElement);
		const last = addEntry(doc, { elementCode: 'C1', promptId: null, promptAsked: 'last', author }, isElement);
		expect(deleteEntry(doc, r.value).ok).toBe(true);
		expect(readInterview(doc).map((e) => e.promptAsked)).toEqual(['next', 'last']);
		expect(after.ok && last.ok && deleteEntry(doc, r.value)).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});

	it('reads malformed entries without throwing and reports what was wrong', () => {
		const doc = new Y.Doc();
		InterviewEntries.root(doc).set('bad', 'not a map' as never);
		const m = new Y.Map<unknown>();
		m.set('elementCode', 42);
		m.set('indicativeLevel', 'high');
		m.set('evidence', 'nope');
		InterviewEntries.root(doc).set('odd', m as never);
		const problems: string[] = [];
		const entries = readInterview(doc, problems);
		expect(entries.map((e) => e.id)).toEqual(['odd']);
		expect(entries[0]).toMatchObject({ elementCode: '', indicativeLevel: null, evidence: [] });
		expect(problems.length).toBeGreaterThanOrEqual(3);
	});

	it('counts evidence per element in the derived rows', () => {
		const ws = new Y.Doc();
		const r = addEntry(ws, { elementCode: 'A2', promptId: null, promptAsked: 'q', author }, isElement);
		if (!r.ok) throw new Error('setup');
		expect(addEvidence(ws, r.value, { title: 'Security policy', versionOrDate: 'v3', status: 'received' }).ok).toBe(true);
		expect(addEvidence(ws, r.value, { title: ' ', versionOrDate: '', status: 'received' }).ok).toBe(false);
		const rows = readElementRows(DEFAULT_FRAMEWORK, ws, new Y.Doc());
		expect(rows.find((row) => row.element.code === 'A2')?.evidenceCount).toBe(1);
	});
});

describe('grid and independent scores', () => {
	it('derives gap and priority from the independent score when there is one, else from the self-score', () => {
		const ws = new Y.Doc();
		const rv = new Y.Doc();
		setSelfScore(ws, 'A1', 4);
		let a1 = readElementRows(DEFAULT_FRAMEWORK, ws, rv).find((r) => r.element.code === 'A1')!;
		expect(a1).toMatchObject({ target: 5, current: 4, gapBasis: 'self', gap: 1, priority: 'P2' });
		setIndependentScore(rv, 'A1', { ...noScore, score: 1, rationale: 'No named accountable manager', confidence: 'high' });
		a1 = readElementRows(DEFAULT_FRAMEWORK, ws, rv).find((r) => r.element.code === 'A1')!;
		expect(a1).toMatchObject({ current: 1, gapBasis: 'independent', gap: 4, priority: 'P1' });
	});

	it('requires a rationale with an independent score and a reason with a priority override', () => {
		const rv = new Y.Doc();
		expect(setIndependentScore(rv, 'B1', { ...noScore, score: 3 })).toMatchObject({ ok: false, error: { field: 'rationale' } });
		expect(setIndependentScore(rv, 'B1', { ...noScore, priorityOverride: 'P1' })).toMatchObject({ ok: false, error: { field: 'overrideReason' } });
		expect(setIndependentScore(rv, 'B1', { ...noScore, target: 3 })).toMatchObject({ ok: false, error: { field: 'targetRationale' } });
		expect(setIndependentScore(rv, 'B1', { ...noScore, score: 7, rationale: 'x' })).toMatchObject({ ok: false, error: { field: 'score' } });
		expect(readIndependentScore(rv, 'B1').score).toBeNull();
	});

	it('uses the override instead of the derived priority and keeps both', () => {
		const ws = new Y.Doc();
		const rv = new Y.Doc();
		setIndependentScore(rv, 'D1', { ...noScore, score: 3, rationale: 'KPIs exist, not reviewed', priorityOverride: 'P1', overrideReason: 'Regulator finding' });
		const d1 = readElementRows(DEFAULT_FRAMEWORK, ws, rv).find((r) => r.element.code === 'D1')!;
		expect(d1).toMatchObject({ derivedPriority: 'P3', priority: 'P1' });
	});

	it('drops not-applicable elements from gap and priority and demands a justification', () => {
		const ws = new Y.Doc();
		expect(setApplicability(ws, 'C4', 'not_applicable', '')).toMatchObject({ ok: false, error: { field: 'justification' } });
		expect(setApplicability(ws, 'C4', 'not_applicable', 'No tenants at this port').ok).toBe(true);
		setSelfScore(ws, 'C4', 0);
		const c4 = readElementRows(DEFAULT_FRAMEWORK, ws, new Y.Doc()).find((r) => r.element.code === 'C4')!;
		expect(c4).toMatchObject({ gap: null, priority: null });
		expect(readGridCell(ws, 'C4').justification).toBe('No tenants at this port');
	});

	it('keeps one proposal per person and element, and shows the spread', () => {
		const ws = new Y.Doc();
		const dee = { id: 'd', name: 'Dee', department: 'Operations' };
		proposeScore(ws, { elementCode: 'C1', user: dee, score: 2, comment: 'Gate logs patchy' });
		proposeScore(ws, { elementCode: 'C1', user: dee, score: 3, comment: 'Changed my mind' });
		proposeScore(ws, { elementCode: 'C1', user: { id: 'h', name: 'Hal', department: 'HR' }, score: 1, comment: '' });
		expect(proposeScore(ws, { elementCode: 'C1', user: dee, score: -1, comment: '' }).ok).toBe(false);
		const proposals = readProposals(ws).filter((p) => p.elementCode === 'C1');
		expect(proposals.map((p) => p.score).sort()).toEqual([1, 3]);
		expect(distribution(proposals.map((p) => p.score))).toMatchObject({ count: 2, min: 1, max: 3, median: 2, perLevel: [0, 1, 0, 1, 0, 0] });
	});
});

describe('improvement plan', () => {
	it('creates an action and refuses one without a linked element or with an impossible date', () => {
		const ws = new Y.Doc();
		expect(createAction(ws, action, author, isElement).ok).toBe(true);
		expect(createAction(ws, { ...action, linkedElements: [] }, author, isElement)).toMatchObject({ ok: false, error: { field: 'linkedElements' } });
		expect(createAction(ws, { ...action, dueDate: '2027-02-30' }, author, isElement)).toMatchObject({ ok: false, error: { field: 'dueDate' } });
		expect(createAction(ws, { ...action, title: '  ' }, author, isElement)).toMatchObject({ ok: false, error: { field: 'title' } });
		expect(readPlan(ws)).toHaveLength(1);
	});

	it('merges concurrent edits of different fields of one action', () => {
		const a = new Y.Doc();
		const created = createAction(a, action, author, isElement);
		if (!created.ok) throw new Error('setup');
		const b = new Y.Doc();
		sync(a, b);
		updateAction(a, created.value, { ...action, owner: 'Harbour master' }, isElement);
		updateAction(b, created.value, { ...action, status: 'agreed' }, isElement);
		sync(a, b);
		expect(readPlan(a)[0]).toMatchObject({ owner: 'Harbour master', status: 'agreed' });
		expect(readPlan(b)[0]).toMatchObject({ owner: 'Harbour master', status: 'agreed' });
	});
});

describe('refusals in the reader’s language', () => {
	const message = (result: { ok: boolean; error?: { message: string } }) => (result.ok ? null : result.error!.message);

	it('speaks the language of the request the check runs in, English outside one', () => {
		const ws = new Y.Doc();
		const entry = { elementCode: 'A1', promptId: null, promptAsked: ' ', author };
		expect(message(addEntry(ws, entry, isElement))).toBe('Write down the question as it was asked.');
		expect(runInLocale('fr', () => message(addEntry(ws, entry, isElement)))).toBe('Notez la question telle qu’elle a été posée.');
		expect(runInLocale('ar', () => message(setApplicability(ws, 'C4', 'not_applicable', '')))).toBe('اذكر سبب عدم انطباق هذا العنصر على الميناء.');
		expect(runInLocale('es', () => message(createAction(ws, { ...action, dueDate: '2027-02-30' }, author, isElement)))).toBe(
			'Introduzca la fecha límite como una fecha válida (AAAA-MM-DD).'
		);
		expect(runInLocale('fr', () => message(createAction(ws, { ...action, linkedElements: ['Z9'] }, author, isElement)))).toBe('Z9 n’est pas un élément de ce référentiel.');
		expect(runInLocale('fr', () => message(deleteEntry(ws, 'gone')))).toBe('Cette entrée d’entretien a déjà été supprimée.');
		expect(readInterview(ws)).toEqual([]);
		expect(readPlan(ws)).toEqual([]);
	});

	it('asks for the reviewer’s reasons in French and Arabic, with Arabic number agreement', () => {
		const rv = new Y.Doc();
		expect(runInLocale('fr', () => message(setIndependentScore(rv, 'B1', { ...noScore, score: 3 })))).toBe(
			'Une note indépendante doit être justifiée : qu’avez-vous vu ou entendu ?'
		);
		expect(runInLocale('ar', () => message(setIndependentScore(rv, 'B1', { ...noScore, score: 7, rationale: 'x' })))).toBe('الدرجة عدد صحيح من 0 إلى 5.');
		const tooLong = 'x'.repeat(DIFFERENCE_RATIONALE_MAX + 1);
		expect(message(setDifferenceRationale(rv, 'B1', tooLong))).toBe(`Keep the difference rationale under ${DIFFERENCE_RATIONALE_MAX} characters.`);
		expect(runInLocale('ar', () => message(setDifferenceRationale(rv, 'B1', tooLong)))).toBe(`يجب أن يقل مبرر الفرق عن ${DIFFERENCE_RATIONALE_MAX} حرف.`);
		// Arabic counts 3-10 with a plural noun, 11-99 with a singular accusative.
		expect(m.documents_journey_label_too_long({ max: 5 }, { locale: 'ar' })).toBe('اجعل كل تسمية في حدود 5 أحرف أو أقل.');
		expect(m.documents_journey_label_too_long({ max: 2 }, { locale: 'ar' })).toBe('اجعل كل تسمية في حدود حرفين أو أقل.');
		expect(readIndependentScore(rv, 'B1').score).toBeNull();
	});
});
