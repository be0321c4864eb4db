// The JSON export of a frozen version: the canonical record exactly as it was hashed, with its
// hashes and signatures, so anyone can recompute sha256(canonicalJson(record)) and compare it with
// contentHash, or upload the file to be checked against the database.
import { canonicalJson } from '../../../src/lib/shared/record/canonical-json.ts';
import type { FrozenVersion, SignatureView } from '../contract.ts';

import { EXPORT_FORMAT } from '../verify-export.ts';

export { EXPORT_FORMAT };

/** Signatures in signing order; the id breaks ties so the order never depends on the query. */
function ordered(signatures: readonly SignatureView[]): SignatureView[] {
	return [...signatures].sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.id.localeCompare(b.id));
}

/**
 * Byte-identical for the same version: canonical JSON has one spelling per value, and only the
 * version's immutable facts are included (not `status` or `superseded`, which change when later
 * versions are frozen). Signatures are included, so an export taken after signing differs from one
 * taken before; for a given set of signatures it is always the same bytes.
 * The record is parsed from `recordJson`, the exact text that was hashed, rather than taken from
 * the parsed `record`, so the export can never carry a value the hash does not cover.
 */
export function exportJson(version: FrozenVersion): string {
	return canonicalJson({
		format: EXPORT_FORMAT,
		reviewId: version.reviewId,
		version: version.version,
		label: version.label,
		note: version.note,
		contentHash: version.contentHash,
		chainHash: version.chainHash,
		previousChainHash: version.previousChainHash,
		frozenAt: version.frozenAt,
		// The id is part of the chain hash, so a reader can recompute it from this file alone.
		frozenBy: version.frozenBy,
		frozenByName: version.frozenByName,
		record: JSON.parse(version.recordJson) as unknown,
		signatures: ordered(version.signatures)
	});
}
