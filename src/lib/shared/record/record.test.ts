import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '../framework/index.ts';
import { addEntry, InterviewEntries, setEntryText, setEntryFlag } from '../documents/interview.ts';
import { setSelfScore, setSelfScoreImport } from '../documents/grid.ts';
import { setDifferenceRationale, setIndependentScore } from '../documents/reviewer.ts';
import { UNSORTED, addNote, boardRules, linkNoteToAction, moveNote } from '../documents/board.ts';
import { buildRecord, RECORD_FORMAT } from './record.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { richTextOf } from './rich-text.ts';

const isElement = (code: string) => DEFAULT_FRAMEWORK.elements.some((e) => e.code === code);
const review = { id: 'r1', title: 'Review', portName: 'Port', portCountry: 'Land', kind: 'independent_review', scheduledOn: null };

function paragraph(fragment: Y.XmlFragment, text: string, bold = false) {
	const p = new Y.XmlElement('paragraph');
	const t = new Y.XmlText();
	t.insert(0, text, bold ? { bold: true } : undefined);
	p.insert(0, [t]);
	fragment.insert(fragment.length, [p]);
}

describe('canonical JSON', () => {
	it('sorts keys at every level and drops undefined, so equal content gives equal bytes', () => {
		const a = canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } });
		const b = canonicalJson({ a: { d: [1, { y: 2, z: 1 }] }, b: 1 });
		expect(a).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
		expect(a).toBe(b);
		expect(sha256Hex(a)).toBe(sha256Hex(b));
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});

	it('refuses values JSON cannot carry faithfully', () => {
		expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
		expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
	});
});

describe('rich text in the record', () => {
	it('keeps paragraphs as lines and marks as structured JSON', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('f');
		paragraph(fragment, 'First line');
		paragraph(fragment, 'Bold line', true);
		const rich = richTextOf(fragment);
		expect(rich.text).toBe('First line\nBold line');
		expect(rich.json[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Bold line', marks: [{ type: 'bold' }] }] });
	});
});

describe('building the record', () => {
	it('captures scores, derived gap and priority, interview text, and leaves unconsented names out', () => {
		const workspace = new Y.Doc();
		const reviewer = new Y.Doc();
		setSelfScore(workspace, 'A1', 4);
		setIndependentScore(reviewer, 'A1', { score: 1, target: null, targetRationale: '', confidence: 'high', rationale: 'No named manager', priorityOverride: null, overrideReason: '' });
		const entry = addEntry(workspace, { elementCode: 'A1', promptId: 'A1.1', promptAsked: 'Who is accountable?', author: { id: 'u', name: 'Fran' }, now: Date.UTC(2026, 10, 25) }, isElement);
		if (!entry.ok) throw new Error('setup');
		setEntryText(workspace, entry.value, 'intervieweeName', 'Jo Bloggs');
		paragraph(InterviewEntries.entryMap(workspace, entry.value)?.get('answer') as Y.XmlFragment, 'Nobody, formally.');
		const record = buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace, reviewer });

		expect(record.format).toBe(RECORD_FORMAT);
		expect(record.elements).toHaveLength(16);
		expect(record.elements[0]).toMatchObject({ code: 'A1', selfScore: 4, independentScore: 1, target: 5, gap: 4, gapBasis: 'independent', priority: 'P1', rationale: 'No named manager' });
		expect(record.interview[0]).toMatchObject({ promptAsked: 'Who is accountable?', interviewee: { name: null }, createdAt: '2026-11-25T00:00:00.000Z' });
		expect(record.interview[0].answer.text).toBe('Nobody, formally.');

		setEntryFlag(workspace, entry.value, 'nameInExports', true);
		const named = buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace, reviewer });
		expect(named.interview[0].interviewee.name).toBe('Jo Bloggs');
	});

	it('gives the same hash for the same documents, whatever order the edits arrived in', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		setSelfScore(a, 'B1', 2);
		setSelfScore(a, 'C1', 3);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const hash = (ws: Y.Doc) => sha256Hex(canonicalJson(buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace: ws, reviewer: new Y.Doc() })));
		expect(hash(a)).toBe(hash(b));
	});

	it('carries the difference rationale per element and where imported self-scores came from', () => {
		const workspace = new Y.Doc();
		const reviewer = new Y.Doc();
		setSelfScore(workspace, 'A1', 5);
		setIndependentScore(reviewer, 'A1', { score: 2, target: null, targetRationale: '', confidence: 'high', rationale: 'Policy unsigned', priorityOverride: null, overrideReason: '' });
		setDifferenceRationale(reviewer, 'A1', 'The self-assessment took the draft policy as adopted.');
		setSelfScoreImport(workspace, { sourceReviewId: 's1', sourceTitle: 'Self-help 2026', sourceVersion: 3, sourceHash: 'f'.repeat(64), importedAt: Date.UTC(2026, 10, 20, 8), importedByName: 'Fran', scores: { A1: 5 } });
		const build = () => buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace, reviewer });
		const record = build();
		expect(record.elements[0]).toMatchObject({ code: 'A1', selfScore: 5, independentScore: 2, differenceRationale: 'The self-assessment took the draft policy as adopted.' });
		expect(record.elements[1].differenceRationale).toBe('');
		expect(record.selfScoreSource).toEqual({ reviewId: 's1', title: 'Self-help 2026', version: 3, hash: 'f'.repeat(64), importedAt: '2026-11-20T08:00:00.000Z', importedBy: 'Fran' });
		expect(canonicalJson(build())).toBe(canonicalJson(record));
		expect(buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace: new Y.Doc(), reviewer }).selfScoreSource).toBeNull();
	});
});

describe('concerns board in the record', () => {
	it('freezes board notes by pillar, unsorted last, with author, colour and the action each became', () => {
		const rules = boardRules(DEFAULT_FRAMEWORK);
		const workspace = new Y.Doc();
		const add = (text: string, column: string, elementCode: string | null = null) => {
			const r = addNote(workspace, { text, colour: 'pink', column, elementCode }, { id: 'u-hana', name: 'Hana Harbour' }, rules, Date.UTC(2026, 10, 25));
			if (!r.ok) throw new Error(r.error.message);
			return r.value;
		};
		add('Still unsorted', UNSORTED);
		const cctv = add('CCTV retention unclear', 'C', 'C3');
		const first = add('No deputy accountable manager', 'A', 'A1');
		add('Risk register out of date', 'B');
		const top = add('Board never discusses security', 'A');
		moveNote(workspace, top, 'A', 0, rules);
		linkNoteToAction(workspace, cctv, 'action-9');

		const record = buildRecord({ review, framework: DEFAULT_FRAMEWORK, participants: [], workspace, reviewer: new Y.Doc() });
		expect(record.board.map((n) => n.text)).toEqual([
			'Board never discusses security',
			'No deputy accountable manager',
			'Risk register out of date',
			'CCTV retention unclear',
			'Still unsorted'
		]);
		expect(record.board.find((n) => n.id === cctv)).toEqual({
			id: cctv,
			text: 'CCTV retention unclear',
			elementCode: 'C3',
			column: 'C',
			colour: 'pink',
			author: 'Hana Harbour',
			createdAt: '2026-11-25T00:00:00.000Z',
			actionId: 'action-9'
		});
		expect(record.board.find((n) => n.id === first)?.actionId).toBeNull();
		expect(record.problems).toEqual([]);
	});
});
