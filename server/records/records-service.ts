// The records service (contract.ts): freeze, read, sign, export and verify evaluation-record versions.
import { m } from '../../src/lib/paraglide/messages.js';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { SIGNATURE_MEANINGS } from '../../src/lib/shared/framework/codes.ts';
import type { EvaluationRecord, RecordEvidenceFile } from '../../src/lib/shared/record/record.ts';
import type { Db } from '../persistence/database.ts';
import type { ReviewQueries } from '../persistence/reviews.ts';
import type { SnapshotQueries } from '../persistence/snapshots.ts';
import type { SignatureQueries } from '../persistence/signatures.ts';
import { may } from '../auth/policy.ts';
import type { SyncAudit } from './audit.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import { getFramework } from '../../src/lib/shared/framework/index.ts';
import type { FrozenVersion, RecordsCore, VersionSummary } from './contract.ts';
import { freezeVersion } from './freeze.ts';
import { differencesBlockingFreeze, readLiveRecord } from './live-record.ts';
import { signVersion } from './sign.ts';
import { declarationOf } from './declaration.ts';
import { summarise, toSignatureView } from './versions.ts';
import { verifyRecords } from './verify.ts';
import { verifyExportText } from './verify-export.ts';
import { exportVersion } from './export-version.ts';
import type { PasswordConfirmation } from '../auth/accounts.ts';

export type RecordsDeps = {
	db: Db;
	reviews: ReviewQueries;
	snapshots: SnapshotQueries;
	signatures: SignatureQueries;
	audit: SyncAudit;
	documentStore: Pick<DocumentStore, 'read'>;
	confirmPassword: (userId: string, password: string) => Promise<PasswordConfirmation>;
	spendIdentityProof?: (sessionId: string, userId: string) => boolean;
	now?: () => number;
	/** What evidence the record lists (server/evidence); none when absent. */
	evidenceFiles?: (reviewId: string) => RecordEvidenceFile[];
};

export function createRecordsService(deps: RecordsDeps): RecordsCore {
	const now = deps.now ?? Date.now;

	function canView(userId: string, reviewId: string): boolean {
		return deps.reviews.findById(reviewId) !== null && may(deps.reviews.participant(reviewId, userId)?.role ?? null, 'view');
	}

	const versionsOf = (reviewId: string): VersionSummary[] =>
		summarise(deps.snapshots.heads(reviewId), deps.signatures.forReview(reviewId));

	function getVersion(userId: string, reviewId: string, version: number): Result<FrozenVersion> {
		if (!canView(userId, reviewId)) return fail('not_found', m.record_review_not_found());
		const summary = versionsOf(reviewId).find((v) => v.version === version);
		const row = summary ? deps.snapshots.get(reviewId, version) : null;
		if (!summary || !row) return fail('not_found', m.record_version_missing({ version }));
		return ok({ ...summary, record: JSON.parse(row.recordJson) as EvaluationRecord, recordJson: row.recordJson });
	}

	return {
		freeze(actor, reviewId, input) {
			const frozen = freezeVersion({ ...deps, now }, actor, reviewId, input);
			if (!frozen.ok) return frozen;
			const summary = versionsOf(reviewId).find((v) => v.version === frozen.value.version);
			return summary ? ok(summary) : fail('internal', m.record_frozen_unreadable());
		},

		pendingDifferences(userId, reviewId) {
			const review = deps.reviews.findById(reviewId);
			if (!review || !canView(userId, reviewId)) return fail('not_found', m.record_review_not_found());
			const framework = getFramework(review.frameworkId, review.frameworkVersion, review.recordLanguage);
			if (!framework) return ok([]);
			// What the freeze itself would check, built the way the freeze builds it.
			return ok(differencesBlockingFreeze(readLiveRecord(deps, review, framework).record));
		},

		listVersions(userId, reviewId) {
			if (!canView(userId, reviewId)) return fail('not_found', m.record_review_not_found());
			return ok(versionsOf(reviewId));
		},

		getVersion,

		declaration(reviewId, version, meaning) {
			if (!(SIGNATURE_MEANINGS as readonly string[]).includes(meaning)) return fail('invalid_input', m.record_unknown_meaning(), 'meaning');
			const row = deps.snapshots.get(reviewId, version);
			if (!row) return fail('not_found', m.record_version_missing({ version }));
			return ok(declarationOf(JSON.parse(row.recordJson) as EvaluationRecord, version, row.contentHash, meaning));
		},

		async sign(actor, reviewId, version, input) {
			const signed = await signVersion({ ...deps, now }, actor, reviewId, version, input);
			return signed.ok ? ok(toSignatureView(signed.value)) : signed;
		},

		exportVersion: (userId, reviewId, version, format) => exportVersion({ ...deps, getVersion }, userId, reviewId, version, format),

		verifyAll: () => verifyRecords(deps),
		verifyReview: (reviewId) => verifyRecords(deps, reviewId),
		verifyExport: (jsonText) => verifyExportText(deps, jsonText)
	};
}
