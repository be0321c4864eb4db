// Checks an uploaded JSON export: is it internally consistent (its record hashes to its content
// hash), and does this database hold the same version with the same fingerprints and signatures?
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import type { SnapshotRepository } from '../persistence/snapshots.ts';
import type { SignatureRepository } from '../persistence/signatures.ts';
import { contentHashOf } from './hashes.ts';

export const EXPORT_FORMAT = 'psems-evaluation-record-export/1';

export type ExportCheck = { reviewId: string; version: number; matches: boolean; message: string };

type Deps = { snapshots: SnapshotRepository; signatures: SignatureRepository };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (hash: string) => hash.slice(0, 12);

export function verifyExportText(deps: Deps, jsonText: string): Result<ExportCheck> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(jsonText);
	} catch {
		return fail('invalid_input', 'This file is not a PSeMS evaluation record export: it is not valid JSON.');
	}
	if (!isObject(parsed) || parsed.format !== EXPORT_FORMAT) {
		return fail('invalid_input', `This file is not a PSeMS evaluation record export (expected format ${EXPORT_FORMAT}).`);
	}
	const { reviewId, version, contentHash, chainHash, record, signatures } = parsed;
	if (typeof reviewId !== 'string' || !Number.isInteger(version) || typeof contentHash !== 'string' || typeof chainHash !== 'string' || !isObject(record)) {
		return fail('invalid_input', 'This export is incomplete: it needs reviewId, version, contentHash, chainHash and record.');
	}
	const v = version as number;
	const result = (matches: boolean, message: string) => ok({ reviewId, version: v, matches, message });

	let recomputed: string;
	try {
		recomputed = contentHashOf(canonicalJson(record));
	} catch {
		return result(false, 'The record in this file cannot be read as canonical JSON.');
	}
	if (recomputed !== contentHash) {
		return result(false, `The record in this file does not match its own fingerprint (${short(contentHash)}): the file was changed after export.`);
	}
	const stored = deps.snapshots.get(reviewId, v);
	if (!stored) return result(false, `This database has no version ${v} of that review.`);
	if (contentHashOf(stored.recordJson) !== stored.contentHash) {
		return result(false, `The database copy of version ${v} fails its own check; run \`psems verify\`.`);
	}
	if (stored.contentHash !== contentHash) {
		return result(false, `The file's fingerprint ${short(contentHash)} differs from version ${v} in the database (${short(stored.contentHash)}).`);
	}
	if (stored.chainHash !== chainHash) {
		return result(false, `The record matches, but the file's chain hash differs from version ${v} in the database.`);
	}
	if (Array.isArray(signatures)) {
		const known = new Map(deps.signatures.forVersion(reviewId, v).map((s) => [s.id, s]));
		for (const sig of signatures) {
			const row = isObject(sig) && typeof sig.id === 'string' ? known.get(sig.id) : undefined;
			const same =
				row !== undefined &&
				isObject(sig) &&
				sig.meaning === row.meaning &&
				sig.printedName === row.printedName &&
				sig.signedAt === row.signedAt &&
				sig.recordHash === row.recordHash &&
				sig.declarationHash === row.declarationHash;
			if (!same) return result(false, `The record matches, but a signature in the file does not match the database.`);
		}
	}
	return result(true, `This file matches version ${v} in the database (fingerprint ${short(contentHash)}).`);
}
