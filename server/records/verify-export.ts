// Checks an uploaded JSON export: is it internally consistent (its record hashes to its content
// hash), and does this database hold the same version with the same fingerprints and signatures?
import { m } from '../../src/lib/paraglide/messages.js';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import type { SnapshotQueries } from '../persistence/snapshots.ts';
import type { SignatureQueries } from '../persistence/signatures.ts';
import { contentHashOf } from './hashes.ts';

export const EXPORT_FORMAT = 'psems-evaluation-record-export/1';

export type ExportCheck = { reviewId: string; version: number; matches: boolean; message: string };

type Deps = { snapshots: SnapshotQueries; signatures: SignatureQueries };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (hash: string) => hash.slice(0, 12);

export function verifyExportText(deps: Deps, jsonText: string): Result<ExportCheck> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(jsonText);
	} catch {
		return fail('invalid_input', m.record_verify_not_json());
	}
	if (!isObject(parsed) || parsed.format !== EXPORT_FORMAT) {
		return fail('invalid_input', m.record_verify_wrong_format({ format: EXPORT_FORMAT }));
	}
	const { reviewId, version, contentHash, chainHash, record, signatures } = parsed;
	if (typeof reviewId !== 'string' || !Number.isInteger(version) || typeof contentHash !== 'string' || typeof chainHash !== 'string' || !isObject(record)) {
		return fail('invalid_input', m.record_verify_incomplete());
	}
	const v = version as number;
	const result = (matches: boolean, message: string) => ok({ reviewId, version: v, matches, message });

	let recomputed: string;
	try {
		recomputed = contentHashOf(canonicalJson(record));
	} catch {
		return result(false, m.record_verify_not_canonical());
	}
	if (recomputed !== contentHash) {
		return result(false, m.record_verify_changed({ hash: short(contentHash) }));
	}
	const stored = deps.snapshots.get(reviewId, v);
	if (!stored) return result(false, m.record_verify_no_version({ version: v }));
	if (contentHashOf(stored.recordJson) !== stored.contentHash) {
		return result(false, m.record_verify_db_corrupt({ version: v }));
	}
	if (stored.contentHash !== contentHash) {
		return result(false, m.record_verify_hash_differs({ hash: short(contentHash), version: v, stored: short(stored.contentHash) }));
	}
	if (stored.chainHash !== chainHash) {
		return result(false, m.record_verify_chain_differs({ version: v }));
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
			if (!same) return result(false, m.record_verify_signature_differs());
		}
	}
	return result(true, m.record_verify_file_matches({ version: v, hash: short(contentHash) }));
}
