// The port's side of the GAP grid in the workspace document: per element its self-score,
// applicability and justification, and comments; score proposals from department heads (one per
// person and element); and where imported self-scores came from.
import type * as Y from 'yjs';
import * as z from 'zod';
import { APPLICABILITY, type Applicability } from '../framework/codes.ts';
import { applicabilityNeedsJustification, isValidScore } from '../framework/scoring.ts';
import { fail, ok, type Result } from '../result.ts';
import { collection, type Entity } from './schema/collection.ts';
import { instant, oneOf, plain, score, text, type Problems } from './schema/fields.ts';
import { elementRecords, nested, singleton } from './schema/records.ts';
import type { Values } from './schema/shape.ts';
import { m } from '../../paraglide/messages.js';

export const GridCells = elementRecords({
	key: 'grid',
	label: 'grid',
	shape: {
		selfScore: score(),
		applicability: oneOf(APPLICABILITY, { fallback: 'applicable', invalid: () => m.documents_applicability_invalid() }),
		justification: text({ trim: true, max: 2000 }),
		comments: text({ max: 4000 })
	}
});

export type GridCell = ReturnType<typeof GridCells.read>;

export function readGridCell(doc: Y.Doc, elementCode: string, problems: Problems = []): GridCell {
	return GridCells.read(doc, elementCode, problems);
}

export function setSelfScore(doc: Y.Doc, elementCode: string, selfScore: number | null): Result<true> {
	return GridCells.update(doc, elementCode, { selfScore });
}

export function setApplicability(doc: Y.Doc, elementCode: string, applicability: Applicability, justification: string): Result<true> {
	const known = GridCells.shape.applicability.check(applicability, 'applicability');
	if (!known.ok) return known;
	// What the shape cannot know: two of the three need a reason.
	if (applicabilityNeedsJustification(applicability) && justification.trim() === '') {
		return fail(
			'invalid_input',
			applicability === 'not_applicable' ? m.documents_not_applicable_reason() : m.documents_alternate_reason(),
			'justification'
		);
	}
	return GridCells.update(doc, elementCode, { applicability, justification });
}

export function setGridComments(doc: Y.Doc, elementCode: string, comments: string): Result<true> {
	return GridCells.update(doc, elementCode, { comments });
}

/** Proposals by id `<element>:<user>`: proposing again replaces that person's proposal. */
export const ScoreProposals = collection({
	key: 'proposals',
	label: 'proposal',
	missing: () => m.documents_proposal_withdrawn(),
	shape: {
		elementCode: text(),
		userId: text(),
		name: text(),
		department: text(),
		score: score(),
		comment: text({ trim: true, max: 1000 }),
		at: instant()
	}
});

export type ScoreProposal = Omit<Entity<typeof ScoreProposals.shape>, 'score'> & { score: number };

const proposalKey = (elementCode: string, userId: string) => `${elementCode}:${userId}`;

export function proposeScore(
	doc: Y.Doc,
	input: { elementCode: string; user: { id: string; name: string; department: string }; score: number; comment: string; now?: number }
): Result<true> {
	if (!isValidScore(input.score)) return fail('invalid_input', m.documents_score_whole(), 'score');
	const created = ScoreProposals.create(
		doc,
		{ elementCode: input.elementCode, userId: input.user.id, name: input.user.name, department: input.user.department, score: input.score, comment: input.comment, at: input.now ?? Date.now() },
		{ id: proposalKey(input.elementCode, input.user.id) }
	);
	return created.ok ? ok(true) : created;
}

export function withdrawProposal(doc: Y.Doc, elementCode: string, userId: string): void {
	ScoreProposals.root(doc).delete(proposalKey(elementCode, userId));
}

/** Every proposal with a score, in the order they were made. */
export function readProposals(doc: Y.Doc, problems: Problems = []): ScoreProposal[] {
	return ScoreProposals.list(doc, problems).filter((p): p is ScoreProposal => p.score !== null);
}

const ImportShape = {
	sourceReviewId: text(),
	sourceTitle: text(),
	/** null: imported from the source's live documents, not a frozen version. */
	sourceVersion: plain(z.int().positive().nullable(), { fallback: () => null, malformed: 'sourceVersion is not a version number' }),
	sourceHash: plain(z.string().nullable(), { fallback: () => null, malformed: 'sourceHash is not text' }),
	importedAt: instant(),
	importedByName: text(),
	/** The levels as imported, so the grid can tell which were changed by hand afterwards. */
	scores: plain<Record<string, number>>(z.record(z.string(), z.int().min(0).max(5)), {
		fallback: () => ({}),
		malformed: 'scores are malformed',
		// Keeps every well-formed level rather than dropping all for one bad entry.
		read: (stored) =>
			stored && typeof stored === 'object' && !Array.isArray(stored)
				? Object.fromEntries(Object.entries(stored as Record<string, unknown>).filter((entry): entry is [string, number] => isValidScore(entry[1])))
				: {}
	})
};

export const GridMeta = singleton({ key: 'gridMeta', label: 'grid meta', shape: { selfScoreImport: nested(ImportShape, { label: 'self-score import' }) } });

/**
 * Where the self-scores came from when the facilitator imported them from a self-assessment
 * review (server-side, see server/reviews/import-self-scores.ts): a frozen version and its hash,
 * or the source's live documents (sourceVersion null).
 */
export type SelfScoreImport = Values<typeof ImportShape>;

export function readSelfScoreImport(doc: Y.Doc, problems: Problems = []): SelfScoreImport | null {
	const imported = GridMeta.read(doc, problems).selfScoreImport;
	if (!imported) return null;
	return { ...imported, sourceHash: imported.sourceVersion === null ? null : imported.sourceHash || null };
}

/** Replaces the provenance of the self-scores (one import at a time is what the grid shows). */
export function setSelfScoreImport(doc: Y.Doc, value: SelfScoreImport): void {
	GridMeta.update(doc, { selfScoreImport: { ...value, scores: { ...value.scores } } });
}
