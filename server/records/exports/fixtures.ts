// Test fixtures for the exports: a realistic record built the way the server builds one (the demo
// workshop written through the shared document writers, then buildRecord), plus the awkward
// content real workshops produce: accents, quotes, commas, line breaks, text that looks like a
// spreadsheet formula, and long answers that must wrap across pages.
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK, getElement, getFramework } from '../../../src/lib/shared/framework/index.ts';
import type { RecordLanguage } from '../../../src/lib/shared/framework/languages.ts';
import { overviewNotes } from '../../../src/lib/shared/documents/workspace.ts';
import { addEntry, addEvidence, addFollowUp, InterviewEntries, setEntryFlag, setEntryText, setIndicativeLevel } from '../../../src/lib/shared/documents/interview.ts';
import { setApplicability, setSelfScore } from '../../../src/lib/shared/documents/grid.ts';
import { setIndependentScore } from '../../../src/lib/shared/documents/reviewer.ts';
import { createAction, descriptionOf } from '../../../src/lib/shared/documents/plan.ts';
import { buildRecord, type EvaluationRecord, type RecordParticipant } from '../../../src/lib/shared/record/record.ts';
import { canonicalJson, sha256Hex } from '../../../src/lib/shared/record/canonical-json.ts';
import { DEMO_ACTIONS, DEMO_INDEPENDENT, DEMO_INTERVIEWS, DEMO_SELF_SCORES } from '../../demo/demo-content.ts';
import { writeParagraphs } from '../../demo/create-demo-review.ts';
import type { FrozenVersion, SignatureView } from '../contract.ts';

const NOW = Date.UTC(2026, 10, 24, 9, 30);
const author = { id: 'u-fac', name: 'Fran Müller' };
const isElement = (code: string) => getElement(DEFAULT_FRAMEWORK, code) !== null;

export const PARTICIPANTS: RecordParticipant[] = [
	{ userId: 'u-fac', name: 'Fran Müller', role: 'facilitator', department: null },
	{ userId: 'u-dana', name: 'Dana Okafor', role: 'security_manager', department: 'Port Security' },
	{ userId: 'u-tom', name: 'Tom Reyes', role: 'department_head', department: 'Marine Operations' },
	{ userId: 'u-priya', name: 'Priya Shah', role: 'department_head', department: 'IT and OT' },
	{ userId: 'u-margaret', name: 'Margaret Lowe', role: 'accountable_manager', department: 'Board' }
];

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(`fixture: ${result.error.message}`);
	return result.value;
}

export function demoDocuments(): { workspace: Y.Doc; reviewer: Y.Doc } {
	const workspace = new Y.Doc();
	const reviewer = new Y.Doc();
	writeParagraphs(overviewNotes(workspace), ['Opening: the chief executive asked for candour.', 'Scope: all five pillars; site visits on day one.']);
	for (const item of DEMO_INTERVIEWS) {
		const prompt = getElement(DEFAULT_FRAMEWORK, item.elementCode)?.prompts.find((p) => p.id === item.promptId);
		const id = unwrap(addEntry(workspace, { elementCode: item.elementCode, promptId: item.promptId, promptAsked: prompt?.text ?? item.promptId, intervieweeRole: item.role, intervieweeDepartment: item.department, author, now: NOW }, isElement));
		const m = InterviewEntries.entryMap(workspace, id);
		writeParagraphs(m?.get('answer') as Y.XmlFragment, item.answer);
		writeParagraphs(m?.get('observations') as Y.XmlFragment, item.observations);
		for (const evidence of item.evidence) unwrap(addEvidence(workspace, id, evidence));
		for (const followUp of item.followUps) unwrap(addFollowUp(workspace, id, followUp));
		unwrap(setIndicativeLevel(workspace, id, item.level));
		unwrap(setEntryFlag(workspace, id, 'readBackDone', true));
	}
	// A long, named entry with awkward characters: wraps over lines and pages, accents survive.
	const long = unwrap(addEntry(workspace, { elementCode: 'D1', promptId: 'D1.1', promptAsked: 'How do you know the "security plan" works, day to day?', intervieweeRole: 'Responsable sûreté', intervieweeDepartment: 'Terminal Société Générale', author, now: NOW + 1 }, isElement));
	unwrap(setEntryText(workspace, long, 'intervieweeName', 'Zoë Ñúñez'));
	unwrap(setEntryFlag(workspace, long, 'nameInExports', true));
	const m = InterviewEntries.entryMap(workspace, long);
	writeParagraphs(m?.get('answer') as Y.XmlFragment, Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}: we check the gates, the fences and the CCTV, but nobody collects the results in one place, so the board only hears about incidents, never about trends. `.repeat(3)));
	writeParagraphs(m?.get('observations') as Y.XmlFragment, ['=HYPERLINK("http://example.invalid","click") was typed into the notes; it must stay text.']);

	for (const [code, score] of Object.entries(DEMO_SELF_SCORES)) unwrap(setSelfScore(workspace, code, score));
	unwrap(setApplicability(workspace, 'C4', 'alternate', 'Tenant security is enforced through lease conditions, managed by the estates team, not the security team.'));
	for (const [code, judged] of Object.entries(DEMO_INDEPENDENT)) {
		unwrap(setIndependentScore(reviewer, code, { ...judged, target: null, targetRationale: '', priorityOverride: null, overrideReason: '' }));
	}
	unwrap(setIndependentScore(reviewer, 'D1', { score: 1, target: 3, targetRationale: 'Agreed with the accountable manager: "Suitable" first, then review in 2027.', confidence: 'medium', rationale: 'Checks happen; results are not collected, analysed or reported.', priorityOverride: 'P1', overrideReason: 'The board has no view of performance at all.' }));
	for (const [i, action] of DEMO_ACTIONS.entries()) {
		unwrap(createAction(workspace, { title: action.title, linkedElements: [...action.linked], owner: action.owner, dueDate: action.due, priority: action.priority, status: action.status, successMeasure: action.measure, expectedLevelAfter: action.level }, author, isElement, NOW + i));
	}
	const tricky = unwrap(createAction(workspace, { title: '-1 day lag, "quick win", reports, KPIs', linkedElements: ['D1'], owner: '@security-team', dueDate: null, priority: 'P1', status: 'proposed', successMeasure: '+2 levels by 2027', expectedLevelAfter: null }, author, isElement, NOW + 10));
	writeParagraphs(descriptionOf(workspace, tricky) as Y.XmlFragment, ['Collect gate, fence and CCTV checks monthly.', 'Report trends to the board, with "red" items first.']);
	return { workspace, reviewer };
}

export function demoRecord(docs: { workspace: Y.Doc; reviewer: Y.Doc } = demoDocuments(), language: RecordLanguage = 'en'): EvaluationRecord {
	const framework = getFramework(DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version, language);
	if (!framework) throw new Error(`fixture: no ${language} framework`);
	return buildRecord({
		review: { id: 'rev-eastmouth-2026', title: 'Independent PSeMS review 2026', portName: 'Port of Eastmouth Authority', portCountry: 'United Kingdom', kind: 'independent_review', scheduledOn: '2026-11-24' },
		framework,
		participants: PARTICIPANTS,
		workspace: docs.workspace,
		reviewer: docs.reviewer,
		language
	});
}

/** The same workshop, frozen in another record language (the framework's words translated). */
export function demoRecordIn(language: RecordLanguage): EvaluationRecord {
	return demoRecord(demoDocuments(), language);
}

export function signature(version: Pick<FrozenVersion, 'version' | 'contentHash'>, meaning: SignatureView['meaning'], signedAt: string): SignatureView {
	const signer = { attested: PARTICIPANTS[0], reviewed: PARTICIPANTS[1], approved: PARTICIPANTS[4] }[meaning];
	return { id: `sig-${meaning}`, version: version.version, meaning, printedName: signer.name, role: signer.role, signerUserId: signer.userId, signedAt, recordHash: version.contentHash, declarationHash: sha256Hex(`declaration ${meaning}`) };
}

/** A frozen version as the records service returns it, hashes computed the way freeze does. */
export function frozenVersion(record: EvaluationRecord = demoRecord(), overrides: Partial<FrozenVersion> = {}): FrozenVersion {
	const recordJson = canonicalJson(record);
	const contentHash = sha256Hex(recordJson);
	const previousChainHash = null;
	return {
		reviewId: record.review.id,
		version: 1,
		label: 'After the Eastmouth workshop',
		note: 'Scores agreed on day two.',
		frozenAt: '2026-11-25T14:03:07.123Z',
		frozenBy: 'u-fac',
		frozenByName: 'Fran Müller',
		contentHash,
		chainHash: sha256Hex(`${previousChainHash ?? ''}${contentHash}`),
		previousChainHash,
		superseded: false,
		status: 'frozen',
		signatures: [],
		record,
		recordJson,
		...overrides
	};
}
