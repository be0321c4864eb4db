// Freezing: both review documents, read at one instant, become version n+1 of the evaluation
// record. Everything from reading the documents to the insert runs synchronously in one tick
// (better-sqlite3 is synchronous), so no edit can land between what is hashed and what is stored.
import * as Y from 'yjs';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { getFramework } from '../../src/lib/shared/framework/index.ts';
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import { pendingDifferencesMessage } from '../../src/lib/shared/documents/self-vs-independent.ts';
import type { Db } from '../persistence/database.ts';
import type { RecordEvidenceFile } from '../../src/lib/shared/record/record.ts';
import type { ReviewQueries } from '../persistence/reviews.ts';
import type { SnapshotHead, SnapshotQueries } from '../persistence/snapshots.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { may } from '../auth/policy.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { SyncAudit } from './audit.ts';
import type { ClientStateVectors } from './contract.ts';
import { differencesBlockingFreeze, readLiveRecord } from './live-record.ts';
import { clientIsAhead, decodeClientStateVector } from './state-vectors.ts';
import { bytesHash, contentHashOf, snapshotChainHash } from './hashes.ts';

export const LABEL_MAX = 120;
export const NOTE_MAX = 4000;
/** The refusal while the facilitator's own edits are still on their way, in English (the tests read it). */
export const UNSYNCED_MESSAGE = m.record_freeze_unsynced({}, { locale: 'en' });

export type FreezeDeps = {
	db: Db;
	reviews: ReviewQueries;
	documentStore: Pick<DocumentStore, 'read'>;
	snapshots: SnapshotQueries;
	audit: SyncAudit;
	now: () => number;
	evidenceFiles?: (reviewId: string) => RecordEvidenceFile[];
};

export type FreezeInput = { label: string; note: string; client?: ClientStateVectors };

/** The one check of a version's label and note (the freeze form shows these messages as they are). */
export function validateFreezeInput(input: { label: string; note: string }): Result<{ label: string; note: string }> {
	const label = (input.label ?? '').trim();
	const note = (input.note ?? '').trim();
	if (label === '') return fail('invalid_input', m.record_freeze_label_missing(), 'label');
	if (label.length > LABEL_MAX) return fail('invalid_input', m.record_freeze_label_too_long({ max: LABEL_MAX }), 'label');
	if (note.length > NOTE_MAX) return fail('invalid_input', m.record_freeze_note_too_long({ max: NOTE_MAX }), 'note');
	return ok({ label, note });
}

export function freezeVersion(deps: FreezeDeps, actor: SessionUser, reviewId: string, input: FreezeInput): Result<SnapshotHead> {
	const review = deps.reviews.findById(reviewId);
	const me = review ? deps.reviews.participant(reviewId, actor.id) : null;
	if (!review || !me || !may(me.role, 'view')) return fail('not_found', m.record_review_not_found());
	if (!may(me.role, 'freeze')) return fail('forbidden', m.record_freeze_forbidden());
	const valid = validateFreezeInput(input);
	if (!valid.ok) return valid;
	// Worded in the record language: the record is written in it, codes and rules are the same.
	const framework = getFramework(review.frameworkId, review.frameworkVersion, review.recordLanguage);
	if (!framework) return fail('internal', m.record_freeze_no_framework({ framework: `${review.frameworkId} ${review.frameworkVersion}`, language: review.recordLanguage }));

	const client = input.client
		? { workspace: decodeClientStateVector(input.client.workspace), reviewer: decodeClientStateVector(input.client.reviewer) }
		: null;
	if (client && (!client.workspace || !client.reviewer)) {
		return fail('invalid_input', m.record_freeze_unreadable_state());
	}

	// From here to the insert: no await, so both documents are read at one instant.
	const { record, workspace, reviewer } = readLiveRecord(deps, review, framework);
	if (client && (clientIsAhead(client.workspace!, workspace) || clientIsAhead(client.reviewer!, reviewer))) {
		return fail('conflict', m.record_freeze_unsynced());
	}
	const pending = differencesBlockingFreeze(record);
	if (pending.length > 0) return fail('conflict', pendingDifferencesMessage(pending), 'differenceRationale');
	const recordJson = canonicalJson(record);
	const workspaceState = Y.encodeStateAsUpdate(workspace);
	const reviewerState = Y.encodeStateAsUpdate(reviewer);

	return ok(
		deps.db.transaction((): SnapshotHead => {
			const previous = deps.snapshots.latest(reviewId);
			const head: SnapshotHead = {
				id: crypto.randomUUID(),
				reviewId,
				version: (previous?.version ?? 0) + 1,
				label: valid.value.label,
				note: valid.value.note,
				frozenAt: new Date(deps.now()).toISOString(),
				frozenBy: actor.id,
				frozenByName: me.name,
				contentHash: contentHashOf(recordJson),
				previousChainHash: previous?.chainHash ?? null,
				chainHash: ''
			};
			head.chainHash = snapshotChainHash(head);
			deps.snapshots.insert({ ...head, recordJson, workspaceState, reviewerState });
			deps.audit.append({
				actorId: actor.id,
				action: 'freeze',
				reviewId,
				details: freezeDetails(head, workspaceState, reviewerState)
			});
			return head;
		})()
	);
}

/** What the audit chain binds about a version beyond its chain hash (label, note, name, states). */
export function freezeDetails(head: SnapshotHead, workspaceState: Uint8Array, reviewerState: Uint8Array) {
	return {
		snapshotId: head.id,
		version: head.version,
		label: head.label,
		note: head.note,
		frozenByName: head.frozenByName,
		contentHash: head.contentHash,
		previousChainHash: head.previousChainHash,
		chainHash: head.chainHash,
		workspaceStateHash: bytesHash(workspaceState),
		reviewerStateHash: bytesHash(reviewerState)
	};
}
