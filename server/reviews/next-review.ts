// The next review from the last (issue 15, part 3): a new review of the same port started from the
// signed record of an earlier one. It takes over what the port still has to do and who was in the
// room, never the conclusions: the framework version, the participants (re-invited, each accepts
// again), the plan actions still open, and the evidence files (new rows pointing at the same
// bytes). The earlier independent scores are read from the signed record and shown beside the new
// grid as "last review"; they are never written into the new reviewer document, so the new scores
// are made afresh.
//
// "Same port" and "signed" are the progress page's rules (portKey, latestSigned), imported so the
// two never disagree about which reviews belong together.
import * as Y from 'yjs';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { CreateReviewForm } from '../../src/lib/shared/forms.ts';
import { frameworkRef, getFramework, parseFrameworkRef } from '../../src/lib/shared/framework/index.ts';
import type { Framework } from '../../src/lib/shared/framework/schema.ts';
import type { EvaluationRecord, RecordAction } from '../../src/lib/shared/record/record.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { migrateReviewDocument } from '../../src/lib/shared/documents/migrate.ts';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import type { PlanStatus } from '../../src/lib/shared/framework/codes.ts';
import { portKey } from '../../src/lib/shared/progress/port-progress.ts';
import type { LastReview } from '../../src/lib/shared/progress/last-review.ts';
import { latestSigned } from '../progress/progress-service.ts';
import { CLOSED_IN_RECORD } from '../followup/signed-plan.ts';
import type { Db } from '../persistence/database.ts';
import type { ReviewQueries, ReviewRow } from '../persistence/reviews.ts';
import type { SnapshotQueries } from '../persistence/snapshots.ts';
import type { UserQueries } from '../persistence/users.ts';
import type { EvidenceFileQueries } from '../persistence/evidence-files.ts';
import type { ActionFollowupQueries } from '../persistence/action-followups.ts';
import type { RecordsCore } from '../records/contract.ts';
import type { SyncAudit } from '../records/audit.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { ParticipantService } from './participants.ts';
import type { ReviewService } from './reviews.ts';
import { may } from '../auth/policy.ts';
import { m } from '../../src/lib/paraglide/messages.js';

type WithoutTx<F> = F extends (tx: never, ...rest: infer A) => unknown ? A : never;

export type NextReviewDeps = {

	db: Db;
	reviews: ReviewQueries;
	snapshots: Pick<SnapshotQueries, 'get'>;
	users: Pick<UserQueries, 'findById'>;
	evidenceFiles: Pick<EvidenceFileQueries, 'getIncludingRemoved' | 'insert'>;
	followups: Pick<ActionFollowupQueries, 'get'>;
	records: Pick<RecordsCore, 'listVersions' | 'getVersion'>;
	audit: Pick<SyncAudit, 'append'>;
	documentStore: Pick<DocumentStore, 'append'>;
	/** Both inside the start's transaction (services.ts binds them to it). */
	participants: { invite: (...args: WithoutTx<ParticipantService['inviteIn']>) => ReturnType<ParticipantService['inviteIn']> };
	createReview: (...args: WithoutTx<ReviewService['createIn']>) => ReturnType<ReviewService['createIn']>;

	now: () => number;
};

/** A signed review someone may start from: listed on New review. */
export type StartingPoint = {
	reviewId: string;
	title: string;
	portName: string;
	portCountry: string;
	kind: ReviewRow['kind'];
	framework: string;
	version: number;
	contentHash: string;
	signedAt: string;
};


export type StartedReview = { review: ReviewRow; invited: number; actionsCarried: number; evidenceCarried: number };

const SOURCE_NOT_FOUND = () => m.reviews_error_source_not_found();

/** Dotted version numbers compared part by part ("1.10" is newer than "1.9"). */
function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

const codesOf = (framework: Framework) => [...framework.elements.map((e) => e.code)].sort().join(',');

/** The source's framework, or a newer version of it scoring the same elements (so "last review" lines up). */
function chooseFramework(source: ReviewRow, asked: string): Result<Framework> {
	const sourceFramework = getFramework(source.frameworkId, source.frameworkVersion);
	if (!sourceFramework) return fail('internal', m.reviews_error_source_framework_missing({ framework: source.frameworkId, version: source.frameworkVersion, title: source.title }));
	const ref = parseFrameworkRef(asked);
	const framework = ref ? getFramework(ref.id, ref.version) : null;
	if (!ref || !framework) return fail('invalid_input', m.reviews_error_unknown_framework(), 'framework');
	if (ref.id === source.frameworkId && ref.version === source.frameworkVersion) return ok(framework);
	if (ref.id !== source.frameworkId || compareVersions(ref.version, source.frameworkVersion) < 0) {
		return fail('invalid_input', m.reviews_error_source_framework_older({ title: source.title, version: source.frameworkVersion }), 'framework');
	}
	if (codesOf(framework) !== codesOf(sourceFramework)) {
		return fail('invalid_input', m.reviews_error_source_framework_mismatch({ version: ref.version, sourceVersion: source.frameworkVersion }), 'framework');
	}
	return ok(framework);
}

/** Where an open action stands now: the owner's report since the signature, else the status signed. */
function currentStatus(action: RecordAction, followup: string | null): PlanStatus {
	if (followup === 'in_progress' || followup === 'done_awaiting_verification') return followup;
	return action.status as PlanStatus;
}

export function createNextReviewService(deps: NextReviewDeps) {
	/** The latest signed version of a review this person is a member of, read through the records service (which checks membership). */
	function signedRecordOf(userId: string, reviewId: string): Result<{ version: number; contentHash: string; signedAt: string; record: EvaluationRecord }> {
		const versions = deps.records.listVersions(userId, reviewId);
		if (!versions.ok) return fail('not_found', SOURCE_NOT_FOUND(), 'source');
		const signed = latestSigned(versions.value);
		if (!signed) return fail('invalid_input', m.reviews_error_source_unsigned(), 'source');
		const frozen = deps.records.getVersion(userId, reviewId, signed.version.version);
		if (!frozen.ok) return fail('not_found', SOURCE_NOT_FOUND(), 'source');
		return ok({ version: signed.version.version, contentHash: signed.version.contentHash, signedAt: signed.signedAt, record: frozen.value.record });
	}

	/** The plan actions of the signed record nobody has closed: not verified, cancelled or risk accepted there, not verified since. */
	function openActions(sourceId: string, record: EvaluationRecord) {
		return record.plan
			.filter((a) => !CLOSED_IN_RECORD.has(a.status))
			.map((a) => ({ action: a, followup: deps.followups.get(sourceId, a.id)?.status ?? null }))
			.filter((a) => a.followup !== 'verified');
	}

	/** The new workspace document: schema version, then the carried actions, as one stored update. */
	function workspaceWithPlan(
		review: ReviewRow,
		framework: Framework,
		source: { review: ReviewRow; version: number },
		actions: ReturnType<typeof openActions>,
		actor: SessionUser
	): Result<{ update: Uint8Array; ids: Map<string, string> }> {
		const doc = new Y.Doc();
		migrateReviewDocument(doc, 'workspace');
		const ids = new Map<string, string>();
		const codes = new Set(framework.elements.map((e) => e.code));
		for (const { action, followup } of actions) {
			const created = createAction(
				doc,
				{
					title: action.title,
					linkedElements: action.linkedElements.filter((c) => codes.has(c)),
					owner: action.owner,
					dueDate: action.dueDate,
					priority: action.priority,
					status: currentStatus(action, followup),
					successMeasure: action.successMeasure,
					expectedLevelAfter: action.expectedLevelAfter,
					// Stored in the new plan, so written in the earlier record's language, not the reader's.
					source: m.reviews_carried_action_source({ title: source.review.title, version: source.version, id: action.id }, { locale: source.review.recordLanguage })
				},
				actor,
				(code) => codes.has(code),
				review.createdAt,
				{ id: action.id }
			);
			if (!created.ok) return fail('invalid_input', m.reviews_error_action_not_carried({ title: action.title, reason: created.error.message }));
			ids.set(action.id, created.value);
		}
		return ok({ update: Y.encodeStateAsUpdate(doc), ids });
	}

	return {
		/** Signed reviews this person is a member of, newest signature first (New review lists them). */
		startingPoints(user: SessionUser): StartingPoint[] {
			return deps.reviews
				.listForUser(user.id)
				.filter((r) => may(r.myRole, 'view'))
				.flatMap((r): StartingPoint[] => {
					const signed = signedRecordOf(user.id, r.id);
					if (!signed.ok) return [];
					return [
						{
							reviewId: r.id,
							title: r.title,
							portName: r.portName,
							portCountry: r.portCountry,
							kind: r.kind,
							framework: frameworkRef(r.frameworkId, r.frameworkVersion),
							version: signed.value.version,
							contentHash: signed.value.contentHash,
							signedAt: signed.value.signedAt
						}
					];
				})
				.sort((a, b) => b.signedAt.localeCompare(a.signedAt));
		},

		/**
		 * Creates the review and carries the source over, in one SQLite transaction with its audit
		 * entry: a refusal anywhere (a participant who cannot be invited, an action that no longer
		 * fits) leaves no review behind.
		 */
		startFrom(actor: SessionUser, sourceId: string, input: z.infer<typeof CreateReviewForm>): Result<StartedReview> {
			const source = deps.reviews.findById(sourceId);
			// Not a member of the source: the same answer as an unknown id, so review ids cannot be probed.
			if (!source || !may(deps.reviews.participant(sourceId, actor.id)?.role ?? null, 'view')) return fail('not_found', SOURCE_NOT_FOUND(), 'source');
			if (portKey(input.portName, input.portCountry) !== portKey(source.portName, source.portCountry)) {
				return fail('invalid_input', m.reviews_error_source_other_port({ title: source.title, port: source.portName, country: source.portCountry }), 'portName');
			}
			const signed = signedRecordOf(actor.id, sourceId);
			if (!signed.ok) return signed;
			const framework = chooseFramework(source, input.framework);
			if (!framework.ok) return framework;
			const actions = openActions(sourceId, signed.value.record);

			try {
				return deps.db.transaction((): Result<StartedReview> => {
				const created = deps.createReview(actor, input, { previousReviewId: sourceId, previousVersion: signed.value.version });
				if (!created.ok) return created;
				const review = created.value;
				const plan = workspaceWithPlan(review, framework.value, { review: source, version: signed.value.version }, actions, actor);
				if (!plan.ok) throw new RollBack(plan);
				deps.documentStore.append(workspaceDocumentName(review.id), plan.value.update);

				// Everyone who took part in the signed review, as they were recorded there, except the creator.
				let invited = 0;
				for (const person of signed.value.record.participants) {
					if (person.userId === actor.id) continue;
					const account = deps.users.findById(person.userId);
					if (!account || account.deactivatedAt !== null) continue;
					const invitation = deps.participants.invite(actor, review.id, {
						name: account.name,
						email: account.email,
						role: person.role,
						department: person.department
					});
					if (!invitation.ok) throw new RollBack(invitation);
					invited++;
				}

				// Evidence by reference: new rows naming the same bytes (sha256) and the row they came from.
				let evidenceCarried = 0;
				for (const file of signed.value.record.evidenceFiles ?? []) {
					const targetId =
						file.target.kind === 'element' ? (framework.value.elements.some((e) => e.code === file.target.id) ? file.target.id : null)
						: file.target.kind === 'action' ? (plan.value.ids.get(file.target.id) ?? null)
						: null; // The interview starts empty: its entries' files stay with the earlier review.
					const row = targetId === null ? null : deps.evidenceFiles.getIncludingRemoved(sourceId, file.id);
					if (!row || targetId === null) continue;
					deps.evidenceFiles.insert({
						id: crypto.randomUUID(),
						reviewId: review.id,
						targetKind: row.targetKind,
						targetId,
						name: row.name,
						size: row.size,
						sha256: row.sha256,
						mediaType: row.mediaType,
						confidential: row.confidential,
						uploadedBy: row.uploadedBy,
						uploadedAt: review.createdAt,
						carriedFrom: row.id
					});
					evidenceCarried++;
				}

				deps.audit.append({
					actorId: actor.id,
					action: 'review_started_from',
					reviewId: review.id,
					details: {
						sourceReviewId: sourceId,
						sourceTitle: source.title,
						sourceVersion: signed.value.version,
						sourceHash: signed.value.contentHash,
						framework: frameworkRef(review.frameworkId, review.frameworkVersion),
						invited,
						actionsCarried: [...plan.value.ids.keys()],
						evidenceCarried
					}
				});
				return ok({ review, invited, actionsCarried: plan.value.ids.size, evidenceCarried });
				}).immediate();
			} catch (e) {
				if (e instanceof RollBack) return e.result as Result<never>;
				throw e;
			}
		},

		/**
		 * The signed record this review started from, as the grid shows it: each element's independent
		 * score and rationale, with the version's hash. For members of this review (the record is read
		 * directly: the new review's members see the baseline it was started from).
		 */
		lastReview(userId: string, reviewId: string): LastReview | null {
			const review = deps.reviews.findById(reviewId);
			if (!review || !may(deps.reviews.participant(reviewId, userId)?.role ?? null, 'view')) return null;
			if (review.previousReviewId === null || review.previousVersion === null) return null;
			const previous = deps.reviews.findById(review.previousReviewId);
			const snapshot = deps.snapshots.get(review.previousReviewId, review.previousVersion);
			if (!previous || !snapshot) return null;
			const record = JSON.parse(snapshot.recordJson) as EvaluationRecord;
			return {
				reviewId: previous.id,
				title: previous.title,
				version: review.previousVersion,
				contentHash: snapshot.contentHash,
				elements: Object.fromEntries(
					record.elements.map((e) => [e.code, { independentScore: e.applicability === 'not_applicable' ? null : e.independentScore, rationale: e.rationale }])
				)
			};
		}
	};
}

/** Thrown inside the transaction so better-sqlite3 rolls it back; caught and returned as the refusal. */
class RollBack extends Error {
	readonly result: Result<unknown>;
	constructor(result: Result<unknown>) {
		super('rolled back');
		this.result = result;
	}
}

export type NextReviewService = ReturnType<typeof createNextReviewService>;
