// Evidence files: upload (streamed, hashed, sniffed, limited), list, download, detach, and the
// confidential flag. Every rule is here (STYLE.md: rules in services): who may see a file is
// decided per request from the participant's role, and a confidential file is not even listed
// for those who may not see it.
import type { Readable } from 'node:stream';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { getFramework } from '../../src/lib/shared/framework/index.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { InterviewEntries } from '../../src/lib/shared/documents/interview.ts';
import { PlanActions } from '../../src/lib/shared/documents/plan.ts';
import { EVIDENCE_TARGET_KINDS, type EvidenceFileView, type EvidenceTargetKind } from '../../src/lib/shared/evidence.ts';
import { formatBytes } from '../../src/lib/shared/format.ts';
import type { RecordEvidenceFile } from '../../src/lib/shared/record/record.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { may } from '../auth/policy.ts';
import type { ReviewQueries } from '../persistence/reviews.ts';
import type { EvidenceFileQueries, EvidenceFileRow } from '../persistence/evidence-files.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { SyncAudit } from '../records/audit.ts';
import { BlobTooLarge, type BlobStore } from './blob-store.ts';
import { sniffEvidenceType, SNIFF_BYTES } from './file-types.ts';
import { m } from '../../src/lib/paraglide/messages.js';

export type EvidenceDeps = {
	reviews: Pick<ReviewQueries, 'findById' | 'participant'>;
	files: EvidenceFileQueries;
	blobs: BlobStore;
	documentStore: Pick<DocumentStore, 'read'>;
	audit: Pick<SyncAudit, 'append'>;
	maxBytes: number;
	/** An action of the review's signed plan (server/followup): completion evidence may target it. */
	isSignedAction?: (reviewId: string, actionId: string) => boolean;
	now?: () => number;
};

export type UploadInput = { targetKind: string; targetId: string; name: string; confidential: boolean; declaredBytes: number | null };

// Functions, not constants: each answer speaks the language of the request that asks.
const NOT_FOUND = () => m.grid_err_review_not_found();
const FILE_NOT_FOUND = () => m.grid_err_file_not_found();
const NAME_MAX = 200;

/** A display name without folders or control characters ("C:\\fakepath\\x.pdf" -> "x.pdf"). */
export function cleanFileName(raw: string): string {
	const base = raw.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
	return clean.length > NAME_MAX ? clean.slice(clean.length - NAME_MAX) : clean;
}

export function createEvidenceService(deps: EvidenceDeps) {
	const now = deps.now ?? Date.now;
	const roleOf = (reviewId: string, userId: string): Role | null =>
		deps.reviews.findById(reviewId) ? (deps.reviews.participant(reviewId, userId)?.role ?? null) : null;

	const visibleTo = (role: Role, file: EvidenceFileRow) => !file.confidential || may(role, 'view_confidential');

	const view = (role: Role, userId: string, file: EvidenceFileRow): EvidenceFileView => ({
		id: file.id,
		targetKind: file.targetKind,
		targetId: file.targetId,
		name: file.name,
		size: file.size,
		sha256: file.sha256,
		mediaType: file.mediaType,
		confidential: file.confidential,
		uploadedByName: file.uploadedByName,
		uploadedAt: file.uploadedAt,
		canRemove: (file.uploadedBy === userId && may(role, 'upload_evidence')) || may(role, 'view_confidential')
	});

	/** The target must exist now: an element of the framework, an interview entry or plan action in the workspace. */
	function checkTarget(reviewId: string, kind: string, id: string): Result<EvidenceTargetKind> {
		if (!(EVIDENCE_TARGET_KINDS as readonly string[]).includes(kind)) return fail('invalid_input', m.grid_err_attach_target(), 'target');
		const review = deps.reviews.findById(reviewId)!;
		if (kind === 'element') {
			const framework = getFramework(review.frameworkId, review.frameworkVersion);
			return framework?.elements.some((e) => e.code === id) ? ok('element') : fail('invalid_input', m.grid_err_not_an_element({ code: id }), 'target');
		}
		if (kind === 'action' && deps.isSignedAction?.(reviewId, id)) return ok('action');
		const workspace = deps.documentStore.read(workspaceDocumentName(reviewId));
		const exists = kind === 'interview' ? InterviewEntries.has(workspace, id) : PlanActions.has(workspace, id);
		return exists ? ok(kind as EvidenceTargetKind) : fail('not_found', kind === 'interview' ? m.grid_err_interview_gone() : m.grid_err_action_gone(), 'target');
	}

	const tooLarge = (name: string) =>
		fail('too_large', m.grid_err_too_large({ name, limit: formatBytes(deps.maxBytes) }), 'file');

	return {
		maxBytes: deps.maxBytes,

		async upload(user: { id: string } | null, reviewId: string, input: UploadInput, source: Readable): Promise<Result<EvidenceFileView>> {
			if (!user) return fail('unauthenticated', m.grid_err_sign_in_upload());
			const role = roleOf(reviewId, user.id);
			if (!may(role, 'view')) return fail('not_found', NOT_FOUND());
			if (!may(role, 'upload_evidence')) return fail('forbidden', m.grid_err_role_cannot_upload());
			if (input.confidential && !may(role, 'view_confidential')) return fail('forbidden', m.grid_err_mark_confidential(), 'confidential');
			const name = cleanFileName(input.name);
			if (name === '') return fail('invalid_input', m.grid_err_file_needs_name(), 'file');
			const target = checkTarget(reviewId, input.targetKind, input.targetId);
			if (!target.ok) return target;
			// Refused before a byte is read when the client says it is too large.
			if (input.declaredBytes !== null && input.declaredBytes > deps.maxBytes) return tooLarge(name);

			let staged;
			try {
				staged = await deps.blobs.stage(source, { maxBytes: deps.maxBytes, headBytes: SNIFF_BYTES });
			} catch (cause) {
				if (cause instanceof BlobTooLarge) return tooLarge(name);
				return fail('invalid_input', m.grid_err_upload_interrupted({ name }), 'file');
			}
			const type = await sniffEvidenceType(staged.head, name);
			if (!type.ok) {
				await staged.discard();
				return type;
			}
			await staged.commit();
			const row = {
				id: crypto.randomUUID(),
				reviewId,
				targetKind: target.value,
				targetId: input.targetId,
				name,
				size: staged.size,
				sha256: staged.sha256,
				mediaType: type.value,
				confidential: input.confidential,
				uploadedBy: user.id,
				uploadedAt: now(),
				carriedFrom: null
			};
			deps.files.insert(row);
			deps.audit.append({
				actorId: user.id,
				action: 'evidence_uploaded',
				reviewId,
				details: { fileId: row.id, name, size: row.size, sha256: row.sha256, mediaType: row.mediaType, target: `${row.targetKind}:${row.targetId}`, confidential: row.confidential }
			});
			return ok(view(role!, user.id, deps.files.get(reviewId, row.id)!));
		},

		list(userId: string, reviewId: string): Result<EvidenceFileView[]> {
			const role = roleOf(reviewId, userId);
			if (!role || !may(role, 'view')) return fail('not_found', NOT_FOUND());
			return ok(deps.files.forReview(reviewId).filter((f) => visibleTo(role, f)).map((f) => view(role, userId, f)));
		},

		/** The file and its bytes; a confidential file is "not found" for those who may not see it. */
		async open(user: { id: string } | null, reviewId: string, fileId: string): Promise<Result<{ file: EvidenceFileRow; stream: Readable }>> {
			if (!user) return fail('unauthenticated', m.grid_err_sign_in_open());
			const role = roleOf(reviewId, user.id);
			if (!role || !may(role, 'view')) return fail('not_found', NOT_FOUND());
			const file = deps.files.get(reviewId, fileId);
			if (!file || !visibleTo(role, file)) return fail('not_found', FILE_NOT_FOUND());
			const stream = await deps.blobs.open(file.sha256);
			if (!stream) return fail('internal', m.grid_err_bytes_missing({ name: file.name }));
			return ok({ file, stream });
		},

		remove(user: { id: string }, reviewId: string, fileId: string): Result<true> {
			const role = roleOf(reviewId, user.id);
			if (!role || !may(role, 'view')) return fail('not_found', NOT_FOUND());
			const file = deps.files.get(reviewId, fileId);
			if (!file || !visibleTo(role, file)) return fail('not_found', FILE_NOT_FOUND());
			if (!view(role, user.id, file).canRemove) return fail('forbidden', m.grid_err_who_can_remove());
			deps.files.remove(reviewId, fileId, user.id, now());
			deps.audit.append({ actorId: user.id, action: 'evidence_removed', reviewId, details: { fileId, name: file.name, sha256: file.sha256 } });
			return ok(true);
		},

		setConfidential(user: { id: string }, reviewId: string, fileId: string, confidential: boolean): Result<true> {
			const role = roleOf(reviewId, user.id);
			if (!role || !may(role, 'view')) return fail('not_found', NOT_FOUND());
			if (!may(role, 'view_confidential')) return fail('forbidden', m.grid_err_change_confidential());
			const file = deps.files.get(reviewId, fileId);
			if (!file) return fail('not_found', FILE_NOT_FOUND());
			deps.files.setConfidential(reviewId, fileId, confidential);
			deps.audit.append({ actorId: user.id, action: 'evidence_confidentiality', reviewId, details: { fileId, confidential } });
			return ok(true);
		},

		/** What a freeze lists (synchronous: the freeze reads everything in one tick). */
		forRecord(reviewId: string): RecordEvidenceFile[] {
			return deps.files.forReview(reviewId).map((f) => ({
				id: f.id,
				name: f.confidential ? null : f.name,
				confidential: f.confidential,
				size: f.size,
				sha256: f.sha256,
				mediaType: f.mediaType,
				target: { kind: f.targetKind, id: f.targetId }
			}));
		},

		/** May this participant receive the bytes of a frozen record's confidential files (the bundle)? */
		seesConfidential: (userId: string, reviewId: string) => may(roleOf(reviewId, userId), 'view_confidential'),

		blobs: deps.blobs
	};
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
