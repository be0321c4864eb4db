// Follow-up of signed plan actions (issue 15, part 2). After the accountable manager signs a
// version, each action of its plan is followed here, beside the record and never inside it: the
// owner (the plan's owner matched to an account, owners.ts) reports status, a progress note and
// completion evidence (evidence files on the action, server/evidence); "done, awaiting
// verification" goes to the facilitators and the security manager, who verify it with the level
// reached or send it back with a reason. Every change and its audit entry commit together, and
// every rule is checked here, for pages and form actions alike.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import {
	FOLLOWUP_STATUS_LABELS,
	FollowupUpdateInput,
	SendBackInput,
	VerifyActionInput,
	isOverdue,
	type FollowedAction,
	type FollowupEvent,
	type FollowupStatus
} from '../../src/lib/shared/followup.ts';
import type { RecordAction } from '../../src/lib/shared/record/record.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { may } from '../auth/policy.ts';
import type { Db } from '../persistence/database.ts';
import type { ParticipantRow, ReviewQueries, ReviewRow } from '../persistence/reviews.ts';
import type { ActionFollowupQueries, ActionFollowupRow, FollowupWrite } from '../persistence/action-followups.ts';
import type { SyncAudit } from '../records/audit.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
import type { EvidenceFileView } from '../../src/lib/shared/evidence.ts';
import { matchOwner } from './owners.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { CLOSED_IN_RECORD, initialStatus, latestSignedPlan, type SignedPlanDeps } from './signed-plan.ts';

export type FollowupDeps = SignedPlanDeps & {
	db: Db;
	reviews: Pick<ReviewQueries, 'findById' | 'participant' | 'participants' | 'listForUser'>;
	followups: ActionFollowupQueries;
	evidence: Pick<EvidenceService, 'list'>;
	audit: Pick<SyncAudit, 'append' | 'entries'>;
	/** Called inside the transaction that marks an action done (the verifiers' mail). */
	onAwaitingVerification?: (input: { review: ReviewRow; action: FollowedAction; by: { id: string; name: string }; verifiers: ParticipantRow[] }) => void;
	now?: () => number;
};

type Actor = { id: string; name?: string } | null;

const NOT_FOUND = () => m.reviews_error_review_not_found();
const FOLLOWUP_AUDIT = new Set(['action_followup', 'action_verified', 'action_sent_back']);

/** The first problem of a zod parse, as one error sentence filed under its field. */
function invalid(error: z.ZodError): Result<never> {
	const issue = error.issues[0];
	const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
	return fail('invalid_input', issue?.message ?? m.reviews_error_input_invalid(), field);
}

export function createFollowupService(deps: FollowupDeps) {
	const now = deps.now ?? Date.now;
	const today = () => new Date(now()).toISOString().slice(0, 10);

	type Context = { review: ReviewRow; role: Role; people: ParticipantRow[]; version: number; actions: RecordAction[] };

	/** The review as a participant sees it, with its latest signed plan; not_found for others. */
	function contextOf(userId: string, reviewId: string): Result<Context | null> {
		const review = deps.reviews.findById(reviewId);
		const role = review ? (deps.reviews.participant(reviewId, userId)?.role ?? null) : null;
		if (!review || !role || !may(role, 'view')) return fail('not_found', NOT_FOUND());
		const plan = latestSignedPlan(deps, reviewId);
		if (!plan) return ok(null);
		return ok({ review, role, people: deps.reviews.participants(reviewId), version: plan.version, actions: plan.actions });
	}

	function viewOf(viewerId: string, ctx: Context, action: RecordAction, row: ActionFollowupRow | null, files: EvidenceFileView[]): FollowedAction {
		const owner = matchOwner(action.owner, ctx.people);
		const closedInRecord = CLOSED_IN_RECORD.has(action.status);
		const status: FollowupStatus = row?.status ?? initialStatus(action.status);
		return {
			reviewId: ctx.review.id,
			reviewTitle: ctx.review.title,
			portName: ctx.review.portName,
			version: ctx.version,
			actionId: action.id,
			title: action.title,
			linkedElements: action.linkedElements,
			owner: action.owner,
			ownerUserId: owner?.userId ?? null,
			ownerName: owner?.name ?? null,
			dueDate: action.dueDate || null,
			priority: action.priority,
			expectedLevelAfter: action.expectedLevelAfter ?? null,
			successMeasure: action.successMeasure,
			recordStatus: action.status,
			closedInRecord,
			status,
			progressNote: row?.progressNote ?? '',
			updatedByName: row?.updatedByName ?? null,
			updatedAt: row?.updatedAt ?? null,
			levelReached: row?.levelReached ?? null,
			verifiedByName: row?.verifiedByName ?? null,
			verifiedAt: row?.verifiedAt ?? null,
			sendBackReason: row?.sendBackReason ?? '',
			sentBackByName: row?.sentBackByName ?? null,
			sentBackAt: row?.sentBackAt ?? null,
			overdue: !closedInRecord && isOverdue(action.dueDate || null, status, today()),
			evidence: files
				.filter((f) => f.targetKind === 'action' && f.targetId === action.id)
				.map((f) => ({ id: f.id, name: f.name, size: f.size, confidential: f.confidential })),
			canUpdate: !closedInRecord && status !== 'verified' && owner?.userId === viewerId && may(ctx.role, 'update_own_actions'),
			canVerify: !closedInRecord && status === 'done_awaiting_verification' && may(ctx.role, 'verify_actions') && row?.updatedBy !== viewerId
		};
	}

	function viewsOf(viewerId: string, ctx: Context): FollowedAction[] {
		const rows = deps.followups.forReview(ctx.review.id);
		const listed = deps.evidence.list(viewerId, ctx.review.id);
		const files = listed.ok ? listed.value : [];
		return ctx.actions.map((a) => viewOf(viewerId, ctx, a, rows.get(a.id) ?? null, files));
	}

	/** Earliest due first, undated last, then by title. */
	const byDue = (a: FollowedAction, b: FollowedAction) =>
		(a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') || a.title.localeCompare(b.title);

	/** Everything a change needs, re-read inside its transaction. */
	function target(
		actor: Actor,
		reviewId: string,
		actionId: string,
		need: 'update_own_actions' | 'verify_actions'
	): Result<{ ctx: Context; action: RecordAction; row: ActionFollowupRow | null; view: FollowedAction }> {
		if (!actor) return fail('unauthenticated', m.reviews_error_followup_sign_in());
		const opened = contextOf(actor.id, reviewId);
		if (!opened.ok) return opened;
		// The role first: a refused role learns nothing about which actions exist.
		const role = deps.reviews.participant(reviewId, actor.id)!.role;
		if (!may(role, need)) {
			return fail(
				'forbidden',
				need === 'verify_actions' ? m.reviews_error_verify_forbidden() : m.reviews_error_report_forbidden()
			);
		}
		const ctx = opened.value;
		if (!ctx) return fail('conflict', m.reviews_error_no_signed_record());
		const action = ctx.actions.find((a) => a.id === actionId);
		if (!action) return fail('not_found', m.reviews_error_action_not_in_record({ version: ctx.version }));
		const row = deps.followups.get(reviewId, actionId);
		const listed = deps.evidence.list(actor.id, reviewId);
		const view = viewOf(actor.id, ctx, action, row, listed.ok ? listed.value : []);
		if (view.closedInRecord) return fail('conflict', m.reviews_error_action_closed({ title: action.title }));
		return ok({ ctx, action, row, view });
	}

	/** The row as it stands, or as it would first be written. */
	function baseRow(found: { ctx: Context; action: RecordAction; row: ActionFollowupRow | null; view: FollowedAction }): FollowupWrite {
		const { row, view, ctx } = found;
		return {
			reviewId: ctx.review.id,
			actionId: view.actionId,
			version: ctx.version,
			ownerUserId: row?.ownerUserId ?? view.ownerUserId,
			status: view.status,
			progressNote: row?.progressNote ?? '',
			updatedBy: row?.updatedBy ?? null,
			updatedAt: row?.updatedAt ?? now(),
			completionEvidence: row?.completionEvidence ?? [],
			levelReached: row?.levelReached ?? null,
			verifiedBy: row?.verifiedBy ?? null,
			verifiedAt: row?.verifiedAt ?? null,
			sendBackReason: row?.sendBackReason ?? '',
			sentBackBy: row?.sentBackBy ?? null,
			sentBackAt: row?.sentBackAt ?? null
		};
	}

	const readBack = (actorId: string, reviewId: string, actionId: string): FollowedAction => {
		const ctx = contextOf(actorId, reviewId);
		const found = ctx.ok && ctx.value ? viewsOf(actorId, ctx.value).find((a) => a.actionId === actionId) : undefined;
		if (!found) throw new Error('the follow-up was written but could not be read back');
		return found;
	};

	return {
		/** The signed-in person's own actions across every review with a signed record, earliest due first. */
		mine(user: { id: string }): FollowedAction[] {
			const out: FollowedAction[] = [];
			for (const review of deps.reviews.listForUser(user.id)) {
				const ctx = contextOf(user.id, review.id);
				if (!ctx.ok || !ctx.value) continue;
				out.push(...viewsOf(user.id, ctx.value).filter((a) => a.ownerUserId === user.id && !a.closedInRecord));
			}
			return out.sort(byDue);
		},

		/** Overdue actions of every review where this person may see the overdue view (security manager, accountable manager, facilitators). */
		overdue(user: { id: string }): FollowedAction[] {
			const out: FollowedAction[] = [];
			for (const review of deps.reviews.listForUser(user.id)) {
				if (!may(review.myRole, 'view_overdue')) continue;
				const ctx = contextOf(user.id, review.id);
				if (!ctx.ok || !ctx.value) continue;
				out.push(...viewsOf(user.id, ctx.value).filter((a) => a.overdue));
			}
			return out.sort(byDue);
		},

		/** The review's follow-up page: every action of the latest signed version (view_overdue). */
		forReview(user: { id: string }, reviewId: string): Result<{ version: number | null; actions: FollowedAction[]; canVerify: boolean; history: Record<string, FollowupEvent[]> }> {
			const opened = contextOf(user.id, reviewId);
			if (!opened.ok) return opened;
			const role = deps.reviews.participant(reviewId, user.id)!.role;
			if (!may(role, 'view_overdue')) {
				return fail('forbidden', m.reviews_error_followup_forbidden());
			}
			const ctx = opened.value;
			if (!ctx) return ok({ version: null, actions: [], canVerify: may(role, 'verify_actions'), history: {} });
			return ok({ version: ctx.version, actions: viewsOf(user.id, ctx).sort(byDue), canVerify: may(role, 'verify_actions'), history: historyOf(reviewId) });
		},

		/** The owner's report: status (not started, in progress, done) and the progress note. */
		update(actor: Actor, reviewId: string, actionId: string, input: unknown): Result<FollowedAction> {
			return deps.db.transaction((): Result<FollowedAction> => {
				const found = target(actor, reviewId, actionId, 'update_own_actions');
				if (!found.ok) return found;
				const { ctx, view, row } = found.value;
				const user = actor!;
				if (view.ownerUserId !== user.id) {
					return fail('forbidden', view.owner ? m.reviews_error_not_owner({ owner: view.owner }) : m.reviews_error_no_owner());
				}
				if (view.status === 'verified') return fail('conflict', m.reviews_error_already_verified({ title: view.title }));
				const parsed = FollowupUpdateInput.safeParse(input);
				if (!parsed.success) return invalid(parsed.error);
				const next = baseRow(found.value);
				const markedDone = parsed.data.status === 'done_awaiting_verification';
				const evidence = view.evidence.map((f) => f.id);
				const written: FollowupWrite = {
					...next,
					ownerUserId: user.id,
					status: parsed.data.status,
					progressNote: parsed.data.note,
					updatedBy: user.id,
					updatedAt: now(),
					completionEvidence: markedDone ? evidence : next.completionEvidence
				};
				deps.followups.save(written);
				deps.audit.append({
					actorId: user.id,
					action: 'action_followup',
					reviewId,
					details: { actionId, version: ctx.version, title: view.title, from: row?.status ?? view.status, status: written.status, note: written.progressNote, evidence }
				});
				const result = readBack(user.id, reviewId, actionId);
				if (markedDone && view.status !== 'done_awaiting_verification') {
					const verifiers = ctx.people.filter((p) => p.userId !== user.id && may(p.role, 'verify_actions'));
					deps.onAwaitingVerification?.({ review: ctx.review, action: result, by: { id: user.id, name: view.ownerName ?? user.name ?? '' }, verifiers });
				}
				return ok(result);
			})();
		},

		/** A facilitator or the security manager confirms a done action and records the level reached. */
		verify(actor: Actor, reviewId: string, actionId: string, input: unknown): Result<FollowedAction> {
			return deps.db.transaction((): Result<FollowedAction> => {
				const found = decisionTarget(actor, reviewId, actionId);
				if (!found.ok) return found;
				const parsed = VerifyActionInput.safeParse(input);
				if (!parsed.success) return invalid(parsed.error);
				const { ctx, view } = found.value;
				const at = now();
				deps.followups.save({ ...baseRow(found.value), status: 'verified', levelReached: parsed.data.level, verifiedBy: actor!.id, verifiedAt: at });
				deps.audit.append({
					actorId: actor!.id,
					action: 'action_verified',
					reviewId,
					details: { actionId, version: ctx.version, title: view.title, levelReached: parsed.data.level, evidence: view.evidence.map((f) => f.id) }
				});
				return ok(readBack(actor!.id, reviewId, actionId));
			})();
		},

		/** Not done yet: back to the owner, with the reason they need to act on. */
		sendBack(actor: Actor, reviewId: string, actionId: string, input: unknown): Result<FollowedAction> {
			return deps.db.transaction((): Result<FollowedAction> => {
				const found = decisionTarget(actor, reviewId, actionId);
				if (!found.ok) return found;
				const parsed = SendBackInput.safeParse(input);
				if (!parsed.success) return invalid(parsed.error);
				const { ctx, view } = found.value;
				deps.followups.save({ ...baseRow(found.value), status: 'sent_back', sendBackReason: parsed.data.reason, sentBackBy: actor!.id, sentBackAt: now() });
				deps.audit.append({
					actorId: actor!.id,
					action: 'action_sent_back',
					reviewId,
					details: { actionId, version: ctx.version, title: view.title, reason: parsed.data.reason }
				});
				return ok(readBack(actor!.id, reviewId, actionId));
			})();
		},

		/** Whether evidence may be attached to this action id as completion evidence (it is in the signed plan). */
		isSignedAction(reviewId: string, actionId: string): boolean {
			return latestSignedPlan(deps, reviewId)?.actions.some((a) => a.id === actionId) ?? false;
		}
	};

	function decisionTarget(actor: Actor, reviewId: string, actionId: string) {
		const found = target(actor, reviewId, actionId, 'verify_actions');
		if (!found.ok) return found;
		const { view, row } = found.value;
		if (view.status !== 'done_awaiting_verification') {
			return fail('conflict', m.reviews_error_not_awaiting({ title: view.title, status: FOLLOWUP_STATUS_LABELS[view.status].toLocaleLowerCase() }));
		}
		// Independence: whoever reported the action done does not also verify it.
		if (row?.updatedBy === actor!.id) return fail('forbidden', m.reviews_error_self_verify());
		return found;
	}

	/** "In progress: note" in the reader's language; a status code this version does not know shows as stored. */
	function historyStatus(status: FollowupStatus | undefined, note: string | undefined): string {
		const code = status ?? 'in_progress';
		const label = (FOLLOWUP_STATUS_LABELS as Record<string, string | undefined>)[code] ?? code;
		return note ? m.reviews_history_status_note({ status: label, note }) : label;
	}

	/** Each action's follow-up as the audit log tells it, oldest first. */
	function historyOf(reviewId: string): Record<string, FollowupEvent[]> {
		const out: Record<string, FollowupEvent[]> = {};
		for (const entry of deps.audit.entries(reviewId)) {
			if (!FOLLOWUP_AUDIT.has(entry.action)) continue;
			const d = entry.details as { actionId?: string; status?: FollowupStatus; note?: string; levelReached?: number; reason?: string; evidence?: string[] };
			if (typeof d.actionId !== 'string') continue;
			const text =
				entry.action === 'action_verified'
					? m.reviews_history_verified({ level: String(d.levelReached) })
					: entry.action === 'action_sent_back'
						? m.reviews_history_sent_back({ reason: d.reason ?? '' })
						: historyStatus(d.status, d.note);
			(out[d.actionId] ??= []).push({ at: entry.at, actorName: entry.actorName, text });
		}
		return out;
	}
}

export type FollowupService = ReturnType<typeof createFollowupService>;
