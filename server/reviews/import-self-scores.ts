// Importing the port's self-help GAP analysis into an independent review (issue 5, item 4): the
// self-scores of a self-assessment review, from its latest frozen version when it has one (the
// version the port agreed, with its hash) or else from its live documents, written server-side
// into the independent review's workspace grid with a note of where they came from.
//
// Self-scores already entered in the target are kept unless the facilitator explicitly asks to
// replace them: the port may have corrected a score by hand before the workshop, and an import
// must never silently undo that. The preview shows each such element before anything is written.
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { getFramework } from '../../src/lib/shared/framework/index.ts';
import type { Framework } from '../../src/lib/shared/framework/schema.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readGridCell, setSelfScore, setSelfScoreImport } from '../../src/lib/shared/documents/grid.ts';
import { isValidScore } from '../../src/lib/shared/framework/scoring.ts';
import type { EvaluationRecord } from '../../src/lib/shared/record/record.ts';
import type { ReviewQueries, ReviewRow } from '../persistence/reviews.ts';
import type { SnapshotQueries } from '../persistence/snapshots.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { may } from '../auth/policy.ts';
import type { SyncAudit } from '../records/audit.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import { planImport, type ImportPlan, type SourceScores } from './self-score-mapping.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { getLocale } from '../../src/lib/paraglide/runtime.js';

export type ImportSelfScoresDeps = {
	reviews: ReviewQueries;
	snapshots: SnapshotQueries;
	audit: SyncAudit;
	documentStore: Pick<DocumentStore, 'read' | 'write'>;
	now: () => number;
};

export type SelfScoreSourceOption = {
	reviewId: string;
	title: string;
	portName: string;
	portCountry: string;
	scheduledOn: string | null;
	/** Same port name as the independent review: listed first, as the likely source. */
	samePort: boolean;
	latest: { version: number; hash: string; frozenAt: string } | null;
};

export type ImportPreview = ImportPlan & { source: SourceScores['origin'] & { reviewId: string; title: string } };

export type ImportOutcome = { filled: number; replaced: number; kept: number; unchanged: number; source: ImportPreview['source'] };

// A function, not a constant: the answer speaks the language of the request that asks.
const SOURCE_NOT_FOUND = () => m.grid_err_source_not_found();

export function createSelfScoreImport(deps: ImportSelfScoresDeps) {
	/** The target as its facilitator sees it; every door (list, preview, import) checks the same. */
	function openTarget(actor: SessionUser, targetId: string): Result<{ review: ReviewRow; framework: Framework }> {
		const review = deps.reviews.findById(targetId);
		const role = review ? (deps.reviews.participant(targetId, actor.id)?.role ?? null) : null;
		if (!review || !may(role, 'view')) return fail('not_found', m.grid_err_review_not_found());
		// Only the independent reviewer brings the port's baseline in, like every reviewer-side act.
		if (!may(role, 'edit_reviewer')) return fail('forbidden', m.grid_err_facilitator_only_import());
		if (review.kind !== 'independent_review') return fail('invalid_input', m.grid_err_import_into_independent());
		// In the reader's language: the preview lists the elements by name (codes are the same in every language).
		const framework = getFramework(review.frameworkId, review.frameworkVersion, getLocale());
		if (!framework) return fail('internal', m.grid_err_framework_unavailable({ id: review.frameworkId, version: review.frameworkVersion }));
		return ok({ review, framework });
	}

	function openSource(actor: SessionUser, target: ReviewRow, sourceId: string): Result<ReviewRow> {
		const source = deps.reviews.findById(sourceId);
		// Not a member: the same answer as an unknown id, so review ids cannot be probed from here.
		if (!source || !may(deps.reviews.participant(sourceId, actor.id)?.role ?? null, 'view')) return fail('not_found', SOURCE_NOT_FOUND(), 'source');
		if (source.id === target.id) return fail('invalid_input', m.grid_err_choose_another(), 'source');
		if (source.kind !== 'self_assessment') return fail('invalid_input', m.grid_err_choose_self_assessment(), 'source');
		return ok(source);
	}

	/** The source's self-scores: its latest frozen version if any (what the port agreed), else live. */
	function readSource(source: ReviewRow): Result<SourceScores> {
		const head = deps.snapshots.latest(source.id);
		if (head) {
			const row = deps.snapshots.get(source.id, head.version);
			if (!row) return fail('internal', m.grid_err_version_unreadable({ version: head.version, title: source.title }));
			const record = JSON.parse(row.recordJson) as EvaluationRecord;
			const scores = new Map<string, number>();
			for (const element of record.elements) if (isValidScore(element.selfScore)) scores.set(element.code, element.selfScore);
			return ok({ origin: { version: head.version, hash: head.contentHash, frozenAt: head.frozenAt }, scores });
		}
		const framework = getFramework(source.frameworkId, source.frameworkVersion);
		if (!framework) return fail('internal', m.grid_err_source_framework_unavailable({ title: source.title }));
		const doc = deps.documentStore.read(workspaceDocumentName(source.id));
		const scores = new Map<string, number>();
		for (const element of framework.elements) {
			const score = readGridCell(doc, element.code).selfScore;
			if (score !== null) scores.set(element.code, score);
		}
		return ok({ origin: { version: null, hash: null, frozenAt: null }, scores });
	}

	function prepare(actor: SessionUser, targetId: string, sourceId: string) {
		const target = openTarget(actor, targetId);
		if (!target.ok) return target;
		const source = openSource(actor, target.value.review, sourceId);
		if (!source.ok) return source;
		const scores = readSource(source.value);
		if (!scores.ok) return scores;
		return ok({ target: target.value, source: source.value, scores: scores.value });
	}

	return {
		/** Self-assessment reviews this facilitator can view, the same port's first, newest first. */
		sources(actor: SessionUser, targetId: string): Result<SelfScoreSourceOption[]> {
			const target = openTarget(actor, targetId);
			if (!target.ok) return target;
			const samePort = (r: ReviewRow) => r.portName.trim().toLowerCase() === target.value.review.portName.trim().toLowerCase();
			const options = deps.reviews
				.listForUser(actor.id)
				.filter((r) => r.id !== targetId && r.kind === 'self_assessment' && may(r.myRole, 'view'))
				.map((r): SelfScoreSourceOption => {
					const head = deps.snapshots.latest(r.id);
					return {
						reviewId: r.id,
						title: r.title,
						portName: r.portName,
						portCountry: r.portCountry,
						scheduledOn: r.scheduledOn,
						samePort: samePort(r),
						latest: head ? { version: head.version, hash: head.contentHash, frozenAt: head.frozenAt } : null
					};
				});
			// listForUser is newest first; a stable sort keeps that order within each group.
			return ok(options.sort((a, b) => Number(b.samePort) - Number(a.samePort)));
		},

		/** What an import would do, element by element, without writing anything. */
		preview(actor: SessionUser, targetId: string, sourceId: string): Result<ImportPreview> {
			const prepared = prepare(actor, targetId, sourceId);
			if (!prepared.ok) return prepared;
			const { target, source, scores } = prepared.value;
			const doc = deps.documentStore.read(workspaceDocumentName(targetId));
			const plan = planImport(target.framework, scores.scores, (code) => readGridCell(doc, code).selfScore);
			return ok({ ...plan, source: { ...scores.origin, reviewId: source.id, title: source.title } });
		},

		/**
		 * Writes the self-scores into the target's grid as the server. `expectedVersion` is the source
		 * version the preview showed (null: live): a freeze of the source in between is refused, so
		 * the facilitator never imports something other than what they looked at.
		 */
		async importScores(
			actor: SessionUser,
			targetId: string,
			sourceId: string,
			input: { replaceExisting: boolean; expectedVersion?: number | null }
		): Promise<Result<ImportOutcome>> {
			const prepared = prepare(actor, targetId, sourceId);
			if (!prepared.ok) return prepared;
			const { target, source, scores } = prepared.value;
			if (input.expectedVersion !== undefined && input.expectedVersion !== scores.origin.version) {
				return fail(
					'conflict',
					scores.origin.version === null
						? m.grid_err_source_changed_live({ title: source.title })
						: m.grid_err_source_changed_frozen({ title: source.title, version: scores.origin.version })
				);
			}
			if (scores.scores.size === 0) return fail('invalid_input', m.grid_err_no_self_scores({ title: source.title }), 'source');
			const me = deps.reviews.participant(targetId, actor.id);
			const importedAt = deps.now();
			let plan: ImportPlan | null = null;
			// The plan is made again inside the write, from the document as it is at that instant:
			// a self-score typed since the preview is kept unless replacing was asked for.
			await deps.documentStore.write(workspaceDocumentName(targetId), (doc) => {
				plan = planImport(target.framework, scores.scores, (code) => readGridCell(doc, code).selfScore);
				for (const row of plan.rows) {
					if (row.outcome === 'fill' || (row.outcome === 'differs' && input.replaceExisting)) setSelfScore(doc, row.code, row.incoming);
				}
				setSelfScoreImport(doc, {
					sourceReviewId: source.id,
					sourceTitle: source.title,
					sourceVersion: scores.origin.version,
					sourceHash: scores.origin.hash,
					importedAt,
					importedByName: me?.name ?? actor.name,
					scores: Object.fromEntries(plan.rows.flatMap((r) => (r.incoming === null ? [] : [[r.code, r.incoming] as const])))
				});
			});
			const done = plan as ImportPlan | null;
			if (!done) return fail('internal', m.grid_err_not_written());
			const outcome: ImportOutcome = {
				filled: done.counts.fill,
				replaced: input.replaceExisting ? done.counts.differs : 0,
				kept: input.replaceExisting ? 0 : done.counts.differs,
				unchanged: done.counts.same,
				source: { ...scores.origin, reviewId: source.id, title: source.title }
			};
			deps.audit.append({
				actorId: actor.id,
				action: 'import_self_scores',
				reviewId: targetId,
				details: {
					sourceReviewId: source.id,
					sourceTitle: source.title,
					sourceVersion: scores.origin.version,
					sourceHash: scores.origin.hash,
					filled: outcome.filled,
					replaced: outcome.replaced,
					kept: outcome.kept
				}
			});
			return ok(outcome);
		}
	};
}

export type SelfScoreImportService = ReturnType<typeof createSelfScoreImport>;
