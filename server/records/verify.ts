// `psems verify` and the record page's check: recompute every content hash, the snapshot chain of
// each review, the audit chain, and every signature's link to its version and its audit entry.
// The audit entries written at freeze and signature time carry every field of those rows, so a
// row that was altered, deleted or reordered disagrees with a chain that cannot be rewritten
// without breaking every later hash.
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import type { EvaluationRecord } from '../../src/lib/shared/record/record.ts';
import type { SnapshotQueries, SnapshotRow } from '../persistence/snapshots.ts';
import type { SignatureQueries, SignatureRow } from '../persistence/signatures.ts';
import type { AuditRow } from '../persistence/audit-log.ts';
import { parseDetails, type SyncAudit } from './audit.ts';
import { SIGNING_ROLE, type VerifyProblem, type VerifyReport } from './contract.ts';
import { contentHashOf, snapshotChainHash } from './hashes.ts';
import { freezeDetails } from './freeze.ts';
import { signatureDetails } from './sign.ts';
import { signedDeclarationHashes } from './declaration.ts';

export type VerifyDeps = { snapshots: SnapshotQueries; signatures: SignatureQueries; audit: SyncAudit };

type Entry = { row: AuditRow; details: Record<string, unknown> };

/** Names of the fields whose values differ (compared as canonical JSON). */
function differing(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
	return Object.keys(expected).filter((key) => canonicalJson(expected[key] ?? null) !== canonicalJson(actual[key] ?? null));
}

function indexEntries(rows: AuditRow[], action: string, key: string): Map<string, Entry> {
	const out = new Map<string, Entry>();
	for (const row of rows) {
		if (row.action !== action) continue;
		const details = parseDetails(row.details);
		const id = details?.[key];
		if (details && typeof id === 'string') out.set(id, { row, details });
	}
	return out;
}

function parseRecord(json: string): EvaluationRecord | null {
	try {
		const value: unknown = JSON.parse(json);
		return typeof value === 'object' && value !== null ? (value as EvaluationRecord) : null;
	} catch {
		return null;
	}
}

export function verifyRecords(deps: VerifyDeps, reviewId?: string): VerifyReport {
	const chain = deps.audit.verifyChain();
	const problems: VerifyProblem[] = [...chain.problems];
	const inScope = (row: AuditRow) => reviewId === undefined || row.reviewId === reviewId;
	const freezes = indexEntries(chain.rows.filter(inScope), 'freeze', 'snapshotId');
	const signed = indexEntries(chain.rows.filter(inScope), 'signature', 'signatureId');

	const snapshots = deps.snapshots.all(reviewId);
	const intact = new Map<string, SnapshotRow>(); // "reviewId/version" -> row whose content checks out
	const byKey = new Map<string, SnapshotRow>();
	const perReview = new Map<string, SnapshotRow[]>();
	for (const row of snapshots) perReview.set(row.reviewId, [...(perReview.get(row.reviewId) ?? []), row]);

	for (const rows of perReview.values()) {
		rows.sort((a, b) => a.version - b.version);
		rows.forEach((row, index) => {
			const where = `review ${row.reviewId} version ${row.version}`;
			const problem = (message: string) => problems.push({ table: 'snapshots', rowId: row.id, message: `${where}: ${message}` });
			byKey.set(`${row.reviewId}/${row.version}`, row);
			const previous = index > 0 ? rows[index - 1] : null;
			if (row.version !== index + 1) problem(`expected version ${index + 1} here: a version is missing or renumbered`);
			if (row.previousChainHash !== (previous?.chainHash ?? null)) {
				problem(previous ? `previous chain hash does not match version ${previous.version}` : 'the first version must not point to a previous one');
			}
			let contentOk = contentHashOf(row.recordJson) === row.contentHash;
			if (!contentOk) problem('content hash does not match the stored record: the record was altered');
			const parsed = parseRecord(row.recordJson);
			if (!parsed) problem('the stored record is not valid JSON');
			else if (canonicalJson(parsed) !== row.recordJson) problem('the stored record is not in canonical form');
			contentOk &&= parsed !== null;
			if (snapshotChainHash(row) !== row.chainHash) problem('chain hash does not match the version, its content, time and author');
			const entry = freezes.get(row.id);
			if (!entry) problem('no freeze entry in the audit log');
			else {
				const fields = differing(freezeDetails(row, row.workspaceState, row.reviewerState), entry.details);
				if (fields.length > 0) problem(`differs from its freeze entry (audit seq ${entry.row.seq}) in: ${fields.join(', ')}`);
			}
			if (contentOk) intact.set(`${row.reviewId}/${row.version}`, row);
		});
	}
	const snapshotIds = new Set(snapshots.map((s) => s.id));
	for (const [snapshotId, entry] of freezes) {
		if (!snapshotIds.has(snapshotId)) {
			problems.push({
				table: 'audit_log',
				rowId: String(entry.row.seq),
				message: `records the freeze of version ${String(entry.details.version)} of review ${entry.row.reviewId}, but that snapshot row is missing`
			});
		}
	}

	const signatures = deps.signatures.all().filter((s) => reviewId === undefined || s.reviewId === reviewId);
	for (const sig of signatures) checkSignature(sig, byKey, intact, signed, problems);
	const signatureIds = new Set(signatures.map((s) => s.id));
	for (const [signatureId, entry] of signed) {
		if (!signatureIds.has(signatureId)) {
			problems.push({
				table: 'audit_log',
				rowId: String(entry.row.seq),
				message: `records signature ${signatureId} on version ${String(entry.details.version)} of review ${entry.row.reviewId}, but that signature row is missing`
			});
		}
	}

	return {
		ok: problems.length === 0,
		checked: { snapshots: snapshots.length, signatures: signatures.length, auditEntries: chain.count },
		problems
	};
}

function checkSignature(
	sig: SignatureRow,
	byKey: Map<string, SnapshotRow>,
	intact: Map<string, SnapshotRow>,
	signed: Map<string, Entry>,
	problems: VerifyProblem[]
) {
	const problem = (message: string) =>
		problems.push({ table: 'signatures', rowId: sig.id, message: `${sig.printedName}, ${sig.meaning}, review ${sig.reviewId} version ${sig.version}: ${message}` });
	const key = `${sig.reviewId}/${sig.version}`;
	const snapshot = byKey.get(key);
	if (!snapshot) problem('signs a version that does not exist');
	else {
		if (snapshot.id !== sig.snapshotId) problem('points at a different snapshot row than its version');
		if (sig.recordHash !== snapshot.contentHash) problem("record hash does not match the version's content hash");
		const record = intact.get(key);
		if (record) {
			const expected = signedDeclarationHashes(JSON.parse(record.recordJson) as EvaluationRecord, sig.version, record.contentHash, sig.meaning);
			if (!expected.includes(sig.declarationHash)) problem('declaration hash does not match the declaration of this version');
		}
	}
	if (SIGNING_ROLE[sig.meaning] !== sig.role) problem(`a ${sig.role} may not sign as ${sig.meaning}`);
	const entry = signed.get(sig.id);
	if (!entry) problem('no signature entry in the audit log');
	else {
		const fields = differing(signatureDetails(sig), entry.details);
		if (fields.length > 0) problem(`differs from its audit entry (seq ${entry.row.seq}) in: ${fields.join(', ')}`);
	}
}
