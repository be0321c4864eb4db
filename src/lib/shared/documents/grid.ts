// The port's side of the GAP grid in the workspace document: self-score, applicability and its
// justification, comments; and score proposals from department heads, one per person and element.
import * as Y from 'yjs';
import { APPLICABILITY, type Applicability } from '../framework/codes.ts';
import { applicabilityNeedsJustification, isValidScore } from '../framework/scoring.ts';
import { fail, ok, type Result } from '../result.ts';
import { EMPTY_MAP, num, oneOf, str, type Problems } from './read.ts';

export const GridKeys = {
	grid: 'grid',
	proposals: 'proposals',
	/** About the grid as a whole: where imported self-scores came from. */
	gridMeta: 'gridMeta'
} as const;

export type GridCell = {
	elementCode: string;
	selfScore: number | null;
	applicability: Applicability;
	justification: string;
	comments: string;
};

export type ScoreProposal = {
	elementCode: string;
	userId: string;
	name: string;
	department: string;
	score: number;
	comment: string;
	at: number;
};

function gridMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(GridKeys.grid);
}

function proposalsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap(GridKeys.proposals);
}

export function readGridCell(doc: Y.Doc, elementCode: string, problems: Problems = []): GridCell {
	const raw = gridMap(doc).get(elementCode);
	const where = `grid ${elementCode}`;
	if (raw !== undefined && !(raw instanceof Y.Map)) problems.push(`${where}: not a grid row`);
	const m = raw instanceof Y.Map ? (raw as Y.Map<unknown>) : EMPTY_MAP;
	return {
		elementCode,
		selfScore: num(m, 'selfScore', problems, where, isValidScore),
		applicability: oneOf(m, 'applicability', APPLICABILITY, 'applicable', problems, where),
		justification: str(m, 'justification', problems, where),
		comments: str(m, 'comments', problems, where)
	};
}

function rowFor(doc: Y.Doc, elementCode: string): Y.Map<unknown> {
	const grid = gridMap(doc);
	let row = grid.get(elementCode);
	if (!(row instanceof Y.Map)) {
		row = new Y.Map<unknown>();
		grid.set(elementCode, row);
	}
	return row;
}

export function setSelfScore(doc: Y.Doc, elementCode: string, score: number | null): Result<true> {
	if (score !== null && !isValidScore(score)) return fail('invalid_input', 'A score is a whole number from 0 to 5.', 'selfScore');
	doc.transact(() => rowFor(doc, elementCode).set('selfScore', score));
	return ok(true);
}

export function setApplicability(doc: Y.Doc, elementCode: string, applicability: Applicability, justification: string): Result<true> {
	if (!(APPLICABILITY as readonly string[]).includes(applicability)) return fail('invalid_input', 'Choose applicable, not applicable or alternate.', 'applicability');
	const text = justification.trim().slice(0, 2000);
	if (applicabilityNeedsJustification(applicability) && text === '') {
		return fail(
			'invalid_input',
			applicability === 'not_applicable'
				? 'Say why this element does not apply to the port.'
				: 'Describe the alternate arrangement that meets the intent.',
			'justification'
		);
	}
	doc.transact(() => {
		const row = rowFor(doc, elementCode);
		row.set('applicability', applicability);
		row.set('justification', text);
	});
	return ok(true);
}

export function setGridComments(doc: Y.Doc, elementCode: string, comments: string): Result<true> {
	doc.transact(() => rowFor(doc, elementCode).set('comments', comments.slice(0, 4000)));
	return ok(true);
}

const proposalKey = (elementCode: string, userId: string) => `${elementCode}:${userId}`;

export function proposeScore(
	doc: Y.Doc,
	input: { elementCode: string; user: { id: string; name: string; department: string }; score: number; comment: string; now?: number }
): Result<true> {
	if (!isValidScore(input.score)) return fail('invalid_input', 'A score is a whole number from 0 to 5.', 'score');
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('elementCode', input.elementCode);
		m.set('userId', input.user.id);
		m.set('name', input.user.name);
		m.set('department', input.user.department);
		m.set('score', input.score);
		m.set('comment', input.comment.trim().slice(0, 1000));
		m.set('at', input.now ?? Date.now());
		proposalsMap(doc).set(proposalKey(input.elementCode, input.user.id), m);
	});
	return ok(true);
}

export function withdrawProposal(doc: Y.Doc, elementCode: string, userId: string): void {
	proposalsMap(doc).delete(proposalKey(elementCode, userId));
}

export function readProposals(doc: Y.Doc, problems: Problems = []): ScoreProposal[] {
	const out: ScoreProposal[] = [];
	for (const [key, raw] of proposalsMap(doc)) {
		if (!(raw instanceof Y.Map)) {
			problems.push(`proposal ${key}: malformed`);
			continue;
		}
		const m = raw as Y.Map<unknown>;
		const where = `proposal ${key}`;
		const score = num(m, 'score', problems, where, isValidScore);
		if (score === null) continue;
		const at = m.get('at');
		out.push({
			elementCode: str(m, 'elementCode', problems, where),
			userId: str(m, 'userId', problems, where),
			name: str(m, 'name', problems, where),
			department: str(m, 'department', problems, where),
			score,
			comment: str(m, 'comment', problems, where),
			at: typeof at === 'number' ? at : 0
		});
	}
	return out.sort((a, b) => a.at - b.at);
}

/**
 * Where the self-scores came from when the facilitator imported them from a self-assessment
 * review (server-side, see server/reviews/import-self-scores.ts): a frozen version and its hash,
 * or the source's live documents (sourceVersion null).
 */
export type SelfScoreImport = {
	sourceReviewId: string;
	sourceTitle: string;
	sourceVersion: number | null;
	sourceHash: string | null;
	importedAt: number;
	importedByName: string;
	/** The levels as imported, so the grid can tell which were changed by hand afterwards. */
	scores: Record<string, number>;
};

const SELF_SCORE_IMPORT = 'selfScoreImport';

export function readSelfScoreImport(doc: Y.Doc, problems: Problems = []): SelfScoreImport | null {
	const raw = doc.getMap<unknown>(GridKeys.gridMeta).get(SELF_SCORE_IMPORT);
	if (raw === undefined || raw === null) return null;
	if (!(raw instanceof Y.Map)) {
		problems.push('grid meta: self-score import is malformed');
		return null;
	}
	const m = raw as Y.Map<unknown>;
	const where = 'self-score import';
	const rawScores = m.get('scores');
	const scores: Record<string, number> = {};
	if (rawScores && typeof rawScores === 'object' && !Array.isArray(rawScores)) {
		for (const [code, value] of Object.entries(rawScores as Record<string, unknown>)) if (isValidScore(value)) scores[code] = value;
	}
	const version = num(m, 'sourceVersion', problems, where, (n) => Number.isInteger(n) && n > 0);
	const importedAt = m.get('importedAt');
	return {
		sourceReviewId: str(m, 'sourceReviewId', problems, where),
		sourceTitle: str(m, 'sourceTitle', problems, where),
		sourceVersion: version,
		sourceHash: version === null ? null : str(m, 'sourceHash', problems, where) || null,
		importedAt: typeof importedAt === 'number' && Number.isFinite(importedAt) ? importedAt : 0,
		importedByName: str(m, 'importedByName', problems, where),
		scores
	};
}

/** Replaces the provenance of the self-scores (one import at a time is what the grid shows). */
export function setSelfScoreImport(doc: Y.Doc, value: SelfScoreImport): void {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('sourceReviewId', value.sourceReviewId);
		m.set('sourceTitle', value.sourceTitle);
		m.set('sourceVersion', value.sourceVersion);
		m.set('sourceHash', value.sourceHash);
		m.set('importedAt', value.importedAt);
		m.set('importedByName', value.importedByName);
		m.set('scores', { ...value.scores });
		doc.getMap<unknown>(GridKeys.gridMeta).set(SELF_SCORE_IMPORT, m);
	});
}
