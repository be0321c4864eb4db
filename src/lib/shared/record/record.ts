// The evaluation record: everything agreed at freeze time, in one canonical shape. The server
// builds it from both review documents at one instant, stores its canonical JSON and hash, and
// every view and export (page, PDF, JSON, CSV) is rendered from that stored JSON.
import type * as Y from 'yjs';
import type { Framework } from '../framework/schema.ts';
import type { RecordLanguage } from '../framework/languages.ts';
import type { Role } from '../roles.ts';
import { UNSORTED, readBoard } from '../documents/board.ts';
import { readElementRows, type ElementFacts } from '../documents/element-rows.ts';
import { readSelfScoreImport } from '../documents/grid.ts';
import { readInterview } from '../documents/interview.ts';
import { readPlan, type PlanAction } from '../documents/plan.ts';
import { overviewNotes } from '../documents/workspace.ts';
import { richTextOf, type RichText } from './rich-text.ts';

export const RECORD_FORMAT = 'psems-evaluation-record/1';

export type RecordReview = {
	id: string;
	title: string;
	portName: string;
	portCountry: string;
	kind: string;
	scheduledOn: string | null;
};

export type RecordParticipant = { userId: string; name: string; role: Role; department: string | null };

/**
 * An element as frozen: the row's facts (element-rows.ts) and the proposals without names.
 * `differenceRationale` is absent in records frozen before it existed.
 */
export type RecordElement = Omit<ElementFacts, 'differenceRationale'> & {
	differenceRationale?: string;
	proposals: Array<{ department: string; score: number; comment: string }>;
};

export type RecordInterviewEntry = {
	id: string;
	elementCode: string;
	promptId: string | null;
	promptAsked: string;
	interviewee: { role: string; department: string; name: string | null };
	answer: RichText;
	observations: RichText;
	evidence: Array<{ title: string; versionOrDate: string; status: string }>;
	followUps: Array<{ text: string; done: boolean }>;
	indicativeLevel: number | null;
	readBackDone: boolean;
	author: string;
	createdAt: string;
};

export type RecordAction = Pick<PlanAction, 'id' | 'title' | 'linkedElements' | 'owner' | 'dueDate' | 'priority' | 'status' | 'successMeasure' | 'expectedLevelAfter'> & {
	description: RichText;
};

/** A concerns-board note as frozen: `column` is a pillar code or "unsorted", `author` a name. */
export type RecordBoardNote = {
	id: string;
	text: string;
	elementCode: string | null;
	column: string;
	colour: string;
	author: string;
	createdAt: string;
	/** The plan action the note became, if any (an id in `plan`). */
	actionId: string | null;
};

export type EvaluationRecord = {
	format: typeof RECORD_FORMAT;
	review: RecordReview;
	framework: { id: string; version: string; name: string };
	participants: RecordParticipant[];
	overviewNotes: RichText;
	elements: RecordElement[];
	interview: RecordInterviewEntry[];
	plan: RecordAction[];
	/** Concerns-board notes, by pillar in framework order, then the unsorted ones, each in board order. */
	board: RecordBoardNote[];
	/** Malformed shared content found while reading; recorded, never silently dropped. */
	problems: string[];
	/** Where imported self-scores came from (absent in older records; null when none were imported). */
	selfScoreSource?: RecordSelfScoreSource | null;
	/**
	 * The evidence files attached when the version was frozen, by name, size and SHA-256 (issue 15).
	 * Absent when there were none, so records without files keep the form (and hash) they had.
	 */
	evidenceFiles?: RecordEvidenceFile[];
	/**
	 * The language the record was rendered in (issue 14): its framework name, element titles and
	 * the labels every export prints come from that translation of the same framework version.
	 * Absent for English, so English records keep the form (and hash) they always had.
	 */
	language?: Exclude<RecordLanguage, 'en'>;
};

/** The language a record was rendered in: English when it does not say. */
export function recordLanguageOf(record: Pick<EvaluationRecord, 'language'>): RecordLanguage {
	return record.language ?? 'en';
}

/**
 * A file as frozen. A confidential file is listed without its name (the record reaches every
 * participant), but with its hash, so `psems verify` checks it like any other.
 */
export type RecordEvidenceFile = {
	id: string;
	name: string | null;
	confidential: boolean;
	size: number;
	sha256: string;
	mediaType: string;
	target: { kind: 'interview' | 'element' | 'action'; id: string };
};

export type RecordSelfScoreSource = {
	reviewId: string;
	title: string;
	/** null: imported from the source's live documents, not a frozen version. */
	version: number | null;
	hash: string | null;
	importedAt: string;
	importedBy: string;
};

export type RecordInput = {
	review: RecordReview;
	framework: Framework;
	participants: RecordParticipant[];
	workspace: Y.Doc;
	reviewer: Y.Doc;
	/** From the evidence store (SQLite), in upload order. */
	evidenceFiles?: RecordEvidenceFile[];
	/** The language `framework` is worded in; English when absent. */
	language?: RecordLanguage;
};

const ROLE_ORDER: Role[] = ['accountable_manager', 'facilitator', 'security_manager', 'department_head', 'observer'];

function selfScoreSourceOf(workspace: Y.Doc, problems: string[]): RecordSelfScoreSource | null {
	const imported = readSelfScoreImport(workspace, problems);
	if (!imported) return null;
	return {
		reviewId: imported.sourceReviewId,
		title: imported.sourceTitle,
		version: imported.sourceVersion,
		hash: imported.sourceHash,
		importedAt: new Date(imported.importedAt).toISOString(),
		importedBy: imported.importedByName
	};
}

export function buildRecord(input: RecordInput): EvaluationRecord {
	const problems: string[] = [];
	const rows = readElementRows(input.framework, input.workspace, input.reviewer, problems);
	const interview = readInterview(input.workspace, problems);
	const plan = readPlan(input.workspace, problems);
	const selfScoreSource = selfScoreSourceOf(input.workspace, problems);
	const board = boardInRecordOrder(input.framework, readBoard(input.workspace, problems));
	return {
		format: RECORD_FORMAT,
		review: input.review,
		framework: { id: input.framework.id, version: input.framework.version, name: input.framework.name },
		participants: [...input.participants].sort(
			(a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)
		),
		overviewNotes: richTextOf(overviewNotes(input.workspace)),
		elements: rows.map(({ element: _element, current: _current, chosenTarget: _chosenTarget, proposals, ...facts }) => ({
			...facts,
			proposals: proposals.map((p) => ({ department: p.department, score: p.score, comment: p.comment }))
		})),
		interview: interview.map((entry) => ({
			id: entry.id,
			elementCode: entry.elementCode,
			promptId: entry.promptId,
			promptAsked: entry.promptAsked,
			// Names stay out of the record unless the interviewee agreed to be named.
			interviewee: {
				role: entry.intervieweeRole,
				department: entry.intervieweeDepartment,
				name: entry.nameInExports ? entry.intervieweeName : null
			},
			answer: richTextOf(entry.answer),
			observations: richTextOf(entry.observations),
			evidence: entry.evidence.map((e) => ({ title: e.title, versionOrDate: e.versionOrDate, status: e.status })),
			followUps: entry.followUps.map((f) => ({ text: f.text, done: f.done })),
			indicativeLevel: entry.indicativeLevel,
			readBackDone: entry.readBackDone,
			author: entry.authorName,
			createdAt: new Date(entry.createdAt).toISOString()
		})),
		plan: plan.map((action) => ({
			id: action.id,
			title: action.title,
			description: richTextOf(action.description),
			linkedElements: action.linkedElements,
			owner: action.owner,
			dueDate: action.dueDate,
			priority: action.priority,
			status: action.status,
			successMeasure: action.successMeasure,
			expectedLevelAfter: action.expectedLevelAfter
		})),
		board: board.map((note) => ({
			id: note.id,
			text: note.text,
			elementCode: note.elementCode,
			column: note.column,
			colour: note.colour,
			author: note.authorName,
			createdAt: new Date(note.createdAt).toISOString(),
			actionId: note.actionId
		})),
		problems,
		selfScoreSource,
		...(input.evidenceFiles && input.evidenceFiles.length > 0 ? { evidenceFiles: input.evidenceFiles } : {}),
		...(input.language && input.language !== 'en' ? { language: input.language } : {})
	};
}

/** Pillars in framework order, then Unsorted (and any column this framework does not have). */
function boardInRecordOrder<T extends { column: string }>(framework: Framework, notes: T[]): T[] {
	const rank = new Map(framework.pillars.map((p) => [p.code, p.order]));
	const place = (column: string) => rank.get(column) ?? Number.MAX_SAFE_INTEGER;
	// Stable sort: readBoard already orders each column.
	return notes
		.map((note) => (rank.has(note.column) ? note : { ...note, column: UNSORTED }))
		.sort((a, b) => place(a.column) - place(b.column));
}
