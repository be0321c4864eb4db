// `psems verify`, evidence part: every file a frozen record lists must be in the blob store with
// exactly the bytes it had (re-hashed here, streamed). A file is named once, with the versions
// that list it, however many versions refer to the same bytes.
import type { EvaluationRecord } from '../../src/lib/shared/record/record.ts';
import type { SnapshotQueries } from '../persistence/snapshots.ts';
import type { VerifyProblem } from '../records/contract.ts';
import type { BlobStore } from './blob-store.ts';

type Listed = { sha256: string; size: number; label: string; versions: string[]; rowId: string };

export async function verifyEvidenceFiles(snapshots: Pick<SnapshotQueries, 'all'>, blobs: Pick<BlobStore, 'digest'>): Promise<{ checked: number; problems: VerifyProblem[] }> {
	const listed = new Map<string, Listed>();
	for (const row of snapshots.all()) {
		let record: EvaluationRecord;
		try {
			record = JSON.parse(row.recordJson) as EvaluationRecord;
		} catch {
			continue; // verifyRecords reports the record itself
		}
		for (const file of record.evidenceFiles ?? []) {
			const label = file.name ? `“${file.name}”` : `confidential file ${file.id}`;
			const found = listed.get(file.sha256) ?? { sha256: file.sha256, size: file.size, label, versions: [], rowId: file.id };
			found.versions.push(`review ${row.reviewId} version ${row.version}`);
			listed.set(file.sha256, found);
		}
	}
	const problems: VerifyProblem[] = [];
	for (const file of listed.values()) {
		const where = `evidence file ${file.label} (sha256 ${file.sha256.slice(0, 12)}…, listed in ${file.versions.join('; ')})`;
		const stored = await blobs.digest(file.sha256);
		if (!stored) problems.push({ table: 'evidence', rowId: file.rowId, message: `${where} is missing from the evidence store` });
		else if (stored.sha256 !== file.sha256 || stored.size !== file.size) {
			problems.push({ table: 'evidence', rowId: file.rowId, message: `${where} was changed: its stored bytes now hash to ${stored.sha256.slice(0, 12)}… (${stored.size} bytes, recorded ${file.size})` });
		}
	}
	return { checked: listed.size, problems };
}
