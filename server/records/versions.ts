// Reading frozen versions as the pages and exports see them. Status is computed, never stored:
// rows stay append-only, and "superseded" simply means a later version exists.
import type { SnapshotHead } from '../persistence/snapshots.ts';
import type { SignatureRow } from '../persistence/signatures.ts';
import type { RecordStatus, SignatureView, VersionSummary } from './contract.ts';

export function toSignatureView(row: SignatureRow): SignatureView {
	return {
		id: row.id,
		version: row.version,
		meaning: row.meaning,
		printedName: row.printedName,
		role: row.role,
		signerUserId: row.signerUserId,
		signedAt: row.signedAt,
		recordHash: row.recordHash,
		declarationHash: row.declarationHash
	};
}

export function statusOf(superseded: boolean, signatures: SignatureView[]): RecordStatus {
	if (superseded) return 'superseded';
	return signatures.some((s) => s.meaning === 'approved') ? 'signed' : 'frozen';
}

/** Summaries of one review's versions, oldest first; `latestVersion` decides supersession. */
export function summarise(heads: SnapshotHead[], signatures: SignatureRow[]): VersionSummary[] {
	const latestVersion = heads.reduce((max, h) => Math.max(max, h.version), 0);
	return heads.map((head) => {
		const own = signatures.filter((s) => s.version === head.version).map(toSignatureView);
		const superseded = head.version < latestVersion;
		return {
			reviewId: head.reviewId,
			version: head.version,
			label: head.label,
			note: head.note,
			frozenAt: head.frozenAt,
			frozenBy: head.frozenBy,
			frozenByName: head.frozenByName,
			contentHash: head.contentHash,
			chainHash: head.chainHash,
			previousChainHash: head.previousChainHash,
			superseded,
			status: statusOf(superseded, own),
			signatures: own
		};
	});
}
