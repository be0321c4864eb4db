// The export bundle of one frozen version: a ZIP (yazl, streamed) with the PDF, the canonical
// JSON, both CSVs, the evidence files the record lists, and manifest.json with the SHA-256 and
// size of every other file in the archive. The manifest is the last entry and is written only
// after every evidence file has streamed through its hash, so it states what the archive holds,
// not what the database expects (the record's own hash of each file is beside it).
import { m } from '../../src/lib/paraglide/messages.js';
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { RecordEvidenceFile } from '../../src/lib/shared/record/record.ts';
import type { ReviewQueries } from '../persistence/reviews.ts';
import { may } from '../auth/policy.ts';
import type { SyncAudit } from './audit.ts';
import type { FrozenVersion, RecordsCore } from './contract.ts';
import { portSlug, renderExport, type ExportFormat } from './export-version.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import { cleanFileName } from '../evidence/evidence-service.ts';

export const BUNDLE_FORMAT = 'psems-export-bundle/1';

export type BundleManifest = {
	format: typeof BUNDLE_FORMAT;
	reviewId: string;
	version: number;
	recordHash: string;
	/** Every file in the archive except this manifest. */
	files: Array<{ path: string; size: number; sha256: string }>;
	/** Each evidence file the record lists: where it is in the archive, or why it is not. */
	evidence: Array<{ fileId: string; path: string | null; recordSha256: string; status: 'included' | 'withheld_confidential' | 'missing' }>;
};

const RECORD_FILES: Array<[ExportFormat, string]> = [
	['pdf', 'record.pdf'],
	['json', 'record.json'],
	['grid.csv', 'grid.csv'],
	['plan.csv', 'plan.csv']
];

type Deps = {
	reviews: Pick<ReviewQueries, 'findById' | 'participant'>;
	records: Pick<RecordsCore, 'getVersion'>;
	blobs: Pick<BlobStore, 'open'>;
	audit: Pick<SyncAudit, 'append'>;
};

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function evidencePath(file: RecordEvidenceFile): string {
	const name = cleanFileName(file.name ?? 'confidential').replace(/[^\w.\- ()]+/g, '_') || 'file';
	return `evidence/${file.sha256.slice(0, 12)}-${name}`;
}

/** Passes bytes through while hashing and counting them. */
function hashing(onDone: (sha256: string, size: number) => void): Transform {
	const hash = createHash('sha256');
	let size = 0;
	return new Transform({
		transform(chunk: Buffer, _e, done) {
			hash.update(chunk);
			size += chunk.length;
			done(null, chunk);
		},
		flush(done) {
			onDone(hash.digest('hex'), size);
			done();
		}
	});
}

export async function buildBundle(frozen: FrozenVersion, blobs: Pick<BlobStore, 'open'>, includeConfidential: boolean): Promise<Readable> {
	const zip = new ZipFile();
	const manifest: BundleManifest = { format: BUNDLE_FORMAT, reviewId: frozen.reviewId, version: frozen.version, recordHash: frozen.contentHash, files: [], evidence: [] };
	for (const [format, path] of RECORD_FILES) {
		const body = await renderExport(frozen, format);
		const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
		zip.addBuffer(bytes, path);
		manifest.files.push({ path, size: bytes.length, sha256: sha256Of(bytes) });
	}
	const seen = new Set<string>();
	for (const file of frozen.record.evidenceFiles ?? []) {
		const entry = { fileId: file.id, recordSha256: file.sha256 };
		if (file.confidential && !includeConfidential) {
			manifest.evidence.push({ ...entry, path: null, status: 'withheld_confidential' });
			continue;
		}
		const path = evidencePath(file);
		if (seen.has(path)) {
			manifest.evidence.push({ ...entry, path, status: 'included' });
			continue;
		}
		const stored = await blobs.open(file.sha256);
		if (!stored) {
			manifest.evidence.push({ ...entry, path: null, status: 'missing' });
			continue;
		}
		seen.add(path);
		const listed = { path, size: 0, sha256: '' };
		manifest.files.push(listed);
		manifest.evidence.push({ ...entry, path, status: 'included' });
		zip.addReadStream(
			stored.pipe(
				hashing((sha256, size) => {
					listed.sha256 = sha256;
					listed.size = size;
				})
			),
			path
		);
	}
	// Lazy: yazl opens this entry only after every earlier one has streamed, so the hashes are known.
	zip.addReadStreamLazy('manifest.json', (callback) => {
		const out = new PassThrough();
		out.end(Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`, 'utf8'));
		callback(null, out);
	});
	zip.end();
	return zip.outputStream as Readable;
}

export function createBundleExport(deps: Deps) {
	return {
		async bundle(userId: string, reviewId: string, version: number): Promise<Result<{ filename: string; stream: Readable }>> {
			const review = deps.reviews.findById(reviewId);
			const role = review ? (deps.reviews.participant(reviewId, userId)?.role ?? null) : null;
			if (!review || !may(role, 'view')) return fail('not_found', m.record_review_not_found());
			if (!may(role, 'export')) return fail('forbidden', m.record_export_forbidden());
			const got = deps.records.getVersion(userId, reviewId, version);
			if (!got.ok) return got;
			const stream = await buildBundle(got.value, deps.blobs, may(role, 'view_confidential'));
			deps.audit.append({ actorId: userId, action: 'export', reviewId, details: { version, format: 'bundle' } });
			return ok({ filename: `psems-record-${portSlug(review.portName)}-v${version}-bundle.zip`, stream });
		}
	};
}
