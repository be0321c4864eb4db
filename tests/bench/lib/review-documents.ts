// Review-like documents of a chosen size, written through the shared document writers the
// browser uses, with an edit history: text typed in small chunks by many sessions (each browser
// session is a new Yjs client id), typos deleted, plan statuses changed over time. The state is
// what a real review accumulates, not one big insert.
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK, PLAN_STATUSES, PRIORITIES, getElement } from '../../../src/lib/shared/framework/index.ts';
import { overviewNotes } from '../../../src/lib/shared/documents/workspace.ts';
import { addEntry, addEvidence, addFollowUp, InterviewEntries, setEntryFlag, setIndicativeLevel } from '../../../src/lib/shared/documents/interview.ts';
import { proposeScore, setGridComments, setSelfScore } from '../../../src/lib/shared/documents/grid.ts';
import { setIndependentScore } from '../../../src/lib/shared/documents/reviewer.ts';
import { createAction, descriptionOf, updateAction, type ActionFields } from '../../../src/lib/shared/documents/plan.ts';
import type { Result } from '../../../src/lib/shared/result.ts';

export type ReviewDocuments = { workspace: Uint8Array; reviewer: Uint8Array; entries: number; actions: number };

const WORDS = (
	'gate patrol fence access control vessel cargo terminal berth quay camera guard badge visitor contractor drill exercise ' +
	'incident report board security plan risk assessment threat level audit review training induction awareness procedure ' +
	'record evidence shift supervisor harbour master pilot tug container reefer tanker ferry cruise passenger screening ' +
	'vehicle search lighting perimeter alarm response time escalation police customs agency tenant lease meeting monthly'
).split(' ');

const isElement = (code: string) => getElement(DEFAULT_FRAMEWORK, code) !== null;
const codes = DEFAULT_FRAMEWORK.elements.map((e) => e.code);

function unwrap<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`review document: ${result.error.message}`);
	return result.value;
}

/** A small deterministic generator (mulberry32), so every run builds comparable documents. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Writer = { doc: Y.Doc; rand: () => number; sessions: number[] };

function sentence(w: Writer, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(w.rand() * WORDS.length)]);
	const text = out.join(' ');
	return `${text[0].toUpperCase()}${text.slice(1)}. `;
}

/** Switches to another browser session's client id, as happens when people take turns typing. */
function asSession(w: Writer): void {
	w.doc.clientID = w.sessions[Math.floor(w.rand() * w.sessions.length)];
}

/** Types `chars` characters into a new paragraph, a few words per update, fixing the odd typo. */
function typeParagraph(w: Writer, fragment: Y.XmlFragment, chars: number): void {
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	fragment.insert(fragment.length, [paragraph]);
	let typed = '';
	while (typed.length < chars) typed += sentence(w, 6 + Math.floor(w.rand() * 10));
	for (let at = 0; at < typed.length; ) {
		if (w.rand() < 0.15) asSession(w);
		const chunk = typed.slice(at, at + 8 + Math.floor(w.rand() * 24));
		text.insert(text.length, chunk);
		if (w.rand() < 0.1 && text.length > 4) text.delete(text.length - 3, 3), text.insert(text.length, chunk.slice(-3));
		at += chunk.length;
	}
}

function addInterviewEntry(w: Writer, n: number, answerChars: number): void {
	const element = DEFAULT_FRAMEWORK.elements[n % DEFAULT_FRAMEWORK.elements.length];
	const prompt = element.prompts[n % Math.max(1, element.prompts.length)];
	asSession(w);
	const id = unwrap(
		addEntry(w.doc, {
			elementCode: element.code, promptId: prompt?.id ?? null, promptAsked: prompt?.text ?? sentence(w, 12),
			intervieweeRole: 'Terminal duty manager', intervieweeDepartment: 'Marine Operations', author: { id: 'u-fac', name: 'Facilitator' }, now: 1_790_000_000_000 + n
		}, isElement)
	);
	const entry = InterviewEntries.entryMap(w.doc, id) as Y.Map<unknown>;
	for (let p = 0; p < 3; p++) typeParagraph(w, entry.get('answer') as Y.XmlFragment, answerChars / 3);
	typeParagraph(w, entry.get('observations') as Y.XmlFragment, answerChars / 6);
	unwrap(addEvidence(w.doc, id, { title: sentence(w, 4), versionOrDate: '2026-03', status: 'requested' }));
	unwrap(addEvidence(w.doc, id, { title: sentence(w, 5), versionOrDate: 'v2.1', status: 'received' }));
	unwrap(addFollowUp(w.doc, id, sentence(w, 10)));
	unwrap(setIndicativeLevel(w.doc, id, n % 6));
	unwrap(setIndicativeLevel(w.doc, id, (n + 1) % 6));
	unwrap(setEntryFlag(w.doc, id, 'readBackDone', true));
}

function addPlanAction(w: Writer, n: number, descriptionChars: number): void {
	asSession(w);
	const fields: ActionFields = {
		title: sentence(w, 7), linkedElements: [codes[n % codes.length], codes[(n * 7 + 3) % codes.length]], owner: 'Port security officer',
		dueDate: '2027-06-30', priority: PRIORITIES[n % PRIORITIES.length], status: 'proposed', successMeasure: sentence(w, 12), expectedLevelAfter: 3
	};
	const id = unwrap(createAction(w.doc, fields, { id: 'u-fac' }, isElement, 1_790_000_000_000 + n));
	typeParagraph(w, descriptionOf(w.doc, id) as Y.XmlFragment, descriptionChars);
	// Its history: agreed, worked on, re-prioritised.
	for (const status of PLAN_STATUSES.slice(1, 4)) {
		asSession(w);
		unwrap(updateAction(w.doc, id, { ...fields, status, priority: PRIORITIES[(n + 1) % PRIORITIES.length] }, isElement));
	}
}

/**
 * Builds a workspace of about `targetBytes` of encoded Yjs state: overview notes, the grid with
 * proposals, `actions` plan actions, then interview entries until the target is reached.
 */
export function buildReviewDocuments(targetBytes: number, actions: number, seed = 1): ReviewDocuments {
	const rand = random(seed);
	const doc = new Y.Doc();
	const w: Writer = { doc, rand, sessions: Array.from({ length: 200 }, (_, i) => 1_000_000 + seed * 1000 + i) };
	const scale = Math.max(0.05, Math.min(1, targetBytes / 5_000_000));
	for (let p = 0; p < 4; p++) typeParagraph(w, overviewNotes(doc), 600);
	for (const [i, code] of codes.entries()) {
		unwrap(setSelfScore(doc, code, i % 5));
		unwrap(setSelfScore(doc, code, (i + 1) % 5));
		unwrap(setGridComments(doc, code, sentence(w, 30)));
		for (let u = 0; u < Math.ceil(20 * scale); u++) {
			unwrap(proposeScore(doc, { elementCode: code, user: { id: `u${u}`, name: `Head ${u}`, department: 'Operations' }, score: (u + i) % 6, comment: sentence(w, 15) }));
		}
	}
	for (let n = 0; n < actions; n++) addPlanAction(w, n, 400);
	let entries = 0;
	const answerChars = 6_000;
	// Measure sparingly: encoding a 5 MB document takes ~100 ms.
	for (let size = Y.encodeStateAsUpdate(doc).byteLength; size < targetBytes; ) {
		const batch = Math.max(1, Math.floor(((targetBytes - size) / 12_000) * 0.8));
		for (let i = 0; i < batch; i++) addInterviewEntry(w, entries++, answerChars);
		size = Y.encodeStateAsUpdate(doc).byteLength;
	}

	const reviewer = new Y.Doc();
	// Self-scores run 0..4 against an independent 2, so some differ by 2: a freeze needs their reason.
	for (const code of codes) {
		unwrap(setIndependentScore(reviewer, code, { score: 2, target: 4, targetRationale: '', confidence: 'medium', rationale: sentence(w, 40), priorityOverride: null, overrideReason: '', differenceRationale: sentence(w, 20) }));
	}
	return { workspace: Y.encodeStateAsUpdate(doc), reviewer: Y.encodeStateAsUpdate(reviewer), entries, actions };
}
