// The fingerprints of the evaluation record, in one place so that freezing, verification and
// anyone holding an export compute them the same way.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { canonicalJson, sha256Hex } from '../../src/lib/shared/record/canonical-json.ts';

/** SHA-256 of the record's canonical JSON text. */
export const contentHashOf = (recordJson: string): string => sha256Hex(recordJson);

export type ChainLink = {
	reviewId: string;
	version: number;
	contentHash: string;
	previousChainHash: string | null;
	frozenAt: string;
	/** User id of who froze the version. */
	frozenBy: string;
};

/**
 * A version's chain hash binds its content to the version before it, so deleting, reordering or
 * altering any version breaks every later link. Only fields an export carries go in, so an export
 * can be checked on its own; label, note and the Yjs states are bound through the audit chain.
 */
export function snapshotChainHash(link: ChainLink): string {
	return sha256Hex(
		canonicalJson({
			reviewId: link.reviewId,
			version: link.version,
			contentHash: link.contentHash,
			previousChainHash: link.previousChainHash,
			frozenAt: link.frozenAt,
			frozenBy: link.frozenBy
		})
	);
}

export type AuditFields = {
	seq: number;
	at: string;
	actorId: string | null;
	actorName: string | null;
	action: string;
	reviewId: string | null;
	/** Canonical JSON text, hashed as stored. */
	details: string;
	previousHash: string | null;
};

export function auditEntryHash(entry: AuditFields): string {
	return sha256Hex(
		canonicalJson({
			seq: entry.seq,
			at: entry.at,
			actorId: entry.actorId,
			actorName: entry.actorName,
			action: entry.action,
			reviewId: entry.reviewId,
			details: entry.details,
			previousHash: entry.previousHash
		})
	);
}

/** SHA-256 of raw bytes (the stored Yjs states). */
export const bytesHash = (bytes: Uint8Array): string => encodeHexLowerCase(sha256(bytes));
