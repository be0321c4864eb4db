// Evidence files as the browser and the record see them (server/evidence owns storage and rules).
// The metadata lives in SQLite, never in a Yjs document: the confidential flag and who may see a
// file are decided on the server for every request.

export const EVIDENCE_TARGET_KINDS = ['interview', 'element', 'action'] as const;
export type EvidenceTargetKind = (typeof EVIDENCE_TARGET_KINDS)[number];

/** A file as a participant may see it (confidential ones only reach facilitators and the security manager). */
export type EvidenceFileView = {
	id: string;
	targetKind: EvidenceTargetKind;
	targetId: string;
	name: string;
	size: number;
	sha256: string;
	mediaType: string;
	confidential: boolean;
	uploadedByName: string;
	uploadedAt: number;
	/** The participant may detach it (their own upload, or a facilitator or security manager). */
	canRemove: boolean;
};

/** The evidence endpoints, one place for the browser and the server. */
export function evidenceUploadUrl(reviewId: string, target: { kind: EvidenceTargetKind; id: string }, name: string, confidential: boolean): string {
	const query = new URLSearchParams({ target: target.kind, id: target.id, name, confidential: confidential ? '1' : '0' });
	return `/reviews/${encodeURIComponent(reviewId)}/evidence?${query}`;
}

export function evidenceFileUrl(reviewId: string, fileId: string): string {
	return `/reviews/${encodeURIComponent(reviewId)}/evidence/${encodeURIComponent(fileId)}`;
}

export function bundleUrl(reviewId: string, version: number): string {
	return `/reviews/${encodeURIComponent(reviewId)}/record/${version}/bundle.zip`;
}
