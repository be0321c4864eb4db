// Sign-off: a participant whose role matches the meaning re-enters the password and signs one
// frozen version. The password check is the only await; everything is re-checked after it and
// the signature and its audit entry are written in one transaction, so a refusal leaves no row.
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { SIGNATURE_MEANINGS } from '../../src/lib/shared/framework/codes.ts';
import { roleShortLabel } from '../../src/lib/shared/roles.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import type { EvaluationRecord } from '../../src/lib/shared/record/record.ts';
import type { Db } from '../persistence/database.ts';
import type { ReviewQueries, ParticipantRow } from '../persistence/reviews.ts';
import type { SnapshotQueries, SnapshotRow } from '../persistence/snapshots.ts';
import type { SignatureQueries, SignatureRow } from '../persistence/signatures.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { may } from '../auth/policy.ts';
import type { SyncAudit } from './audit.ts';
import { SIGNING_ROLE, type SignatureMeaning } from './contract.ts';
import { declarationOf } from './declaration.ts';
import type { PasswordConfirmation } from '../auth/accounts.ts';

/** The meaning as the reader's interface names it (declaration.ts keeps the signed English wording). */
const MEANING_NAMES: Record<SignatureMeaning, () => string> = {
	attested: () => m.record_meaning_attested(),
	reviewed: () => m.record_meaning_reviewed(),
	approved: () => m.record_meaning_approved()
};

export type SignDeps = {
	db: Db;
	reviews: ReviewQueries;
	snapshots: SnapshotQueries;
	signatures: SignatureQueries;
	audit: SyncAudit;
	confirmPassword: (userId: string, password: string) => Promise<PasswordConfirmation>;
	/**
	 * The other fresh proof: a login at the identity provider (prompt=login, max_age) made for
	 * this session in the last minutes; spent by the signature it allows.
	 */
	spendIdentityProof?: (sessionId: string, userId: string) => boolean;
	now: () => number;
};

const isMeaning = (value: unknown): value is SignatureMeaning =>
	typeof value === 'string' && (SIGNATURE_MEANINGS as readonly string[]).includes(value);

function eligibility(
	deps: SignDeps,
	actor: SessionUser,
	reviewId: string,
	version: number,
	meaning: SignatureMeaning
): Result<{ snapshot: SnapshotRow; me: ParticipantRow }> {
	const me = deps.reviews.findById(reviewId) ? deps.reviews.participant(reviewId, actor.id) : null;
	if (!me || !may(me.role, 'view')) return fail('not_found', m.record_review_not_found());
	const role = SIGNING_ROLE[meaning];
	if (me.role !== role || !may(me.role, `sign_${meaning}`)) {
		return fail('forbidden', m.record_sign_forbidden({ role: roleShortLabel(role).toLowerCase(), meaning: MEANING_NAMES[meaning]() }));
	}
	const snapshot = deps.snapshots.get(reviewId, version);
	if (!snapshot) return fail('not_found', m.record_version_missing({ version }));
	const latest = deps.snapshots.latest(reviewId);
	if (latest && latest.version > version) {
		return fail('conflict', m.record_sign_superseded({ version, latest: latest.version }));
	}
	if (deps.signatures.find(reviewId, version, meaning, actor.id)) {
		return fail('conflict', m.record_sign_already({ version, meaning: MEANING_NAMES[meaning]() }));
	}
	return ok({ snapshot, me });
}

export async function signVersion(
	deps: SignDeps,
	actor: SessionUser,
	reviewId: string,
	version: number,
	input: { meaning: SignatureMeaning; password: string; proof?: 'password' | 'identity_provider'; sessionId?: string }
): Promise<Result<SignatureRow>> {
	if (!isMeaning(input.meaning)) return fail('invalid_input', m.record_sign_choose_meaning(), 'meaning');
	if (!Number.isInteger(version) || version < 1) return fail('not_found', m.record_version_missing({ version }));
	const before = eligibility(deps, actor, reviewId, version, input.meaning);
	if (!before.ok) return before;
	if (input.proof === 'identity_provider') {
		// Checked and spent before the transaction: a refused signature still needs a new login.
		if (!input.sessionId || !deps.spendIdentityProof?.(input.sessionId, actor.id)) {
			return fail('unauthenticated', m.record_sign_provider_first(), 'password');
		}
	} else {
		if (typeof input.password !== 'string' || input.password === '') {
			return fail('invalid_input', m.record_sign_password_missing(), 'password');
		}
		const confirmed = await deps.confirmPassword(actor.id, input.password);
		if (typeof confirmed === 'object') {
			return fail(
				'throttled',
				m.record_sign_throttled({ count: Math.ceil(confirmed.throttledForSeconds / 60) }),
				'password'
			);
		}
		if (!confirmed) return fail('unauthenticated', m.record_sign_wrong_password(), 'password');
	}
	return deps.db.transaction((): Result<SignatureRow> => {
		// Roles, versions and earlier signatures may have changed during the password check.
		const now = eligibility(deps, actor, reviewId, version, input.meaning);
		if (!now.ok) return now;
		const { snapshot, me } = now.value;
		const record = JSON.parse(snapshot.recordJson) as EvaluationRecord;
		const declaration = declarationOf(record, version, snapshot.contentHash, input.meaning);
		const row: SignatureRow = {
			id: crypto.randomUUID(),
			snapshotId: snapshot.id,
			reviewId,
			version,
			meaning: input.meaning,
			signerUserId: actor.id,
			printedName: me.name,
			role: me.role,
			signedAt: new Date(deps.now()).toISOString(),
			recordHash: snapshot.contentHash,
			declarationHash: declaration.hash
		};
		deps.signatures.insert(row);
		// Which fresh proof was given goes with the entry (the chain protects it; verify compares
		// only the signature's own fields).
		const proof = input.proof === 'identity_provider' ? 'identity_provider' : 'password';
		deps.audit.append({ actorId: actor.id, action: 'signature', reviewId, details: { ...signatureDetails(row), proof } });
		return ok(row);
	})();
}

/** Every field of the signature goes into its audit entry, which the chain then protects. */
export function signatureDetails(row: SignatureRow) {
	return {
		signatureId: row.id,
		snapshotId: row.snapshotId,
		version: row.version,
		meaning: row.meaning,
		signerUserId: row.signerUserId,
		printedName: row.printedName,
		role: row.role,
		signedAt: row.signedAt,
		recordHash: row.recordHash,
		declarationHash: row.declarationHash
	};
}
