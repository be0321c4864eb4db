// The progress page's data: the signed reviews of this review's port that the person may read
// (a member of each, like every record page), built into PortProgress. A person who was not on an
// earlier review does not see it here either: independence and need-to-know hold across years.
import { ok, fail, type Result } from '../../src/lib/shared/result.ts';
import { getFramework } from '../../src/lib/shared/framework/index.ts';
import { defaultJourneyStage, readFacilitation } from '../../src/lib/shared/documents/facilitation.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import type { JourneyStage } from '../../src/lib/shared/framework/codes.ts';
import type { ReviewQueries, ReviewRow } from '../persistence/reviews.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { RecordsCore, VersionSummary } from '../records/contract.ts';
import { may } from '../auth/policy.ts';
import { getLocale } from '../../src/lib/paraglide/runtime.js';
import { m } from '../../src/lib/paraglide/messages.js';
import { buildPortProgress, portKey, type PortProgress, type SignedReview, type Verification } from '../../src/lib/shared/progress/port-progress.ts';

export type ProgressDeps = {
	reviews: Pick<ReviewQueries, 'findById' | 'participant' | 'listForUser'>;
	records: Pick<RecordsCore, 'listVersions' | 'getVersion'>;
	documentStore: Pick<DocumentStore, 'read'>;
	/** The review's actions verified closed in follow-up (server/followup/), whatever version was followed. */
	verifications: (reviewId: string) => ReadonlyMap<string, Verification>;
};

/** The newest version the accountable manager approved (a later unsigned draft does not count). */
export function latestSigned(versions: VersionSummary[]): { version: VersionSummary; signedAt: string } | null {
	for (const version of [...versions].sort((a, b) => b.version - a.version)) {
		const approved = version.signatures.find((s) => s.meaning === 'approved');
		if (approved) return { version, signedAt: approved.signedAt };
	}
	return null;
}

/** The step the review's facilitators set on the overview (live: the journey moves on after sign-off). */
function journeyOf(deps: ProgressDeps, review: ReviewRow): { stage: JourneyStage; label: string } {
	const journey = readFacilitation(deps.documentStore.read(reviewerDocumentName(review.id))).journey;
	const stage = journey.current ?? defaultJourneyStage(review.kind);
	// The framework's own step names in the reader's language; a label the facilitators wrote stays as written.
	const framework = getFramework(review.frameworkId, review.frameworkVersion, getLocale()) ?? getFramework(review.frameworkId, review.frameworkVersion);
	const label = journey.labels[stage] ?? framework?.journey.stages.find((s) => s.code === stage)?.label ?? stage;
	return { stage, label };
}

export function createProgressService(deps: ProgressDeps) {
	function signedReview(userId: string, review: ReviewRow): SignedReview | null {
		const versions = deps.records.listVersions(userId, review.id);
		if (!versions.ok) return null;
		const signed = latestSigned(versions.value);
		if (!signed) return null;
		const frozen = deps.records.getVersion(userId, review.id, signed.version.version);
		if (!frozen.ok) return null;
		return {
			reviewId: review.id,
			title: review.title,
			kind: review.kind,
			version: signed.version.version,
			contentHash: signed.version.contentHash,
			signedAt: signed.signedAt,
			record: frozen.value.record,
			verifications: deps.verifications(review.id),
			journey: journeyOf(deps, review)
		};
	}

	return {
		/** Progress of the port of `reviewId`, for a member of that review; others get "not found". */
		forReview(userId: string, reviewId: string): Result<PortProgress> {
			const review = deps.reviews.findById(reviewId);
			const me = review ? deps.reviews.participant(reviewId, userId) : null;
			if (!review || !me || !may(me.role, 'view')) return fail('not_found', m.reviews_error_review_not_found());
			const key = portKey(review.portName, review.portCountry);
			const signed = deps.reviews
				.listForUser(userId)
				.filter((r) => may(r.myRole, 'view') && portKey(r.portName, r.portCountry) === key)
				.map((r) => signedReview(userId, r))
				.filter((r): r is SignedReview => r !== null);
			return ok(buildPortProgress({ name: review.portName, country: review.portCountry }, signed));
		}
	};
}

export type ProgressService = ReturnType<typeof createProgressService>;
