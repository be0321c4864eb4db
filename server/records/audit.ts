// The hash-chained audit log: who did what, when, to which review. Each entry's hash covers the
// previous entry's hash, so removing, reordering or altering any entry breaks the chain from
// there on (`psems verify` finds it). An append reads the last entry and inserts the next one in
// one transaction; on PostgreSQL that needs a lock on the chain's head (or a unique seq and retry).
import type { AuditRow } from '../persistence/audit-log.ts';
import type { Store, Tx } from '../persistence/store.ts';
import { canonicalJson } from '../../src/lib/shared/record/canonical-json.ts';
import { auditEntryHash } from './hashes.ts';
import type { VerifyProblem } from './contract.ts';

export const AUDIT_ACTIONS = [
	'sign_in',
	'invite_accepted',
	'role_changed',
	'participant_removed',
	'freeze',
	'signature',
	'reveal',
	'export',
	'import_self_scores',
	'evidence_uploaded',
	'evidence_removed',
	'evidence_confidentiality',
	// Follow-up of signed plan actions: the owner's report, the verifier's decision.
	'action_followup',
	'action_verified',
	'action_sent_back',
	'review_started_from',
	'record_language_changed',
	// People and accounts (the administration area, recovery, the identity provider).
	'account_created',
	'admin_granted',
	'admin_withdrawn',
	'reviewer_granted',
	'reviewer_withdrawn',
	'account_deactivated',
	'account_reactivated',
	'password_reset_issued',
	'password_reset',
	'identity_linked'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
	/** null for the system itself. */
	actorId: string | null;
	action: AuditAction;
	reviewId?: string | null;
	details?: Record<string, unknown>;
};

export type AuditEntry = Omit<AuditRow, 'details'> & { details: Record<string, unknown> };

type Deps = { store: Pick<Store, 'transaction' | 'auditLog'>; now?: () => number };

export function createAuditService(deps: Deps) {
	const now = deps.now ?? Date.now;

	function appendIn(tx: Pick<Tx, 'auditLog' | 'users'>, input: AuditInput): AuditRow {
		const last = tx.auditLog.last();
		const fields = {
			seq: (last?.seq ?? 0) + 1,
			at: new Date(now()).toISOString(),
			actorId: input.actorId,
			// The name at the time of the action: accounts may be renamed later.
			actorName: input.actorId ? (tx.users.findById(input.actorId)?.name ?? null) : null,
			action: input.action,
			reviewId: input.reviewId ?? null,
			details: canonicalJson(input.details ?? {}),
			previousHash: last?.hash ?? null
		};
		const row: AuditRow = { ...fields, hash: auditEntryHash(fields) };
		tx.auditLog.insert(row);
		return row;
	}

	function entriesIn(tx: Pick<Tx, 'auditLog'>, reviewId: string): AuditEntry[] {
		return tx.auditLog.forReview(reviewId).map((row) => ({ ...row, details: parseDetails(row.details) ?? {} }));
	}

	/** The same service for code that runs inside a store transaction (store.ts `Tx`). */
	const inTransaction = (tx: Pick<Tx, 'auditLog' | 'users'>): SyncAudit => ({
		append: (input) => appendIn(tx, input),
		entries: (reviewId) => entriesIn(tx, reviewId),
		verifyChain: () => verifyRows(tx.auditLog.all())
	});

	return {
		inTransaction,

		/** Appends one entry in its own transaction and returns it. */
		append: (input: AuditInput): Promise<AuditRow> => deps.store.transaction((tx) => appendIn(tx, input)),

		/** Appends one entry inside the caller's transaction (so it commits, or not, with the change). */
		appendIn,

		/** Entries about one review, oldest first, details parsed. */
		entries: (reviewId: string): Promise<AuditEntry[]> => deps.store.transaction((tx) => entriesIn(tx, reviewId)),

		/** Recomputes every entry's hash and link, in seq order. */
		verifyChain: async (): Promise<ChainCheck> => verifyRows(await deps.store.auditLog.all())
	};
}

export type ChainCheck = { count: number; rows: AuditRow[]; problems: VerifyProblem[] };

/** The audit service inside a transaction: synchronous, on that transaction's statements. */
export type SyncAudit = {
	append(input: AuditInput): AuditRow;
	entries(reviewId: string): AuditEntry[];
	verifyChain(): ChainCheck;
};

/** Recomputes every entry's hash and link, in seq order. */
function verifyRows(rows: AuditRow[]): ChainCheck {
	const problems: VerifyProblem[] = [];
	const problem = (row: AuditRow, message: string) => problems.push({ table: 'audit_log', rowId: String(row.seq), message });
	let previous: AuditRow | null = null;
	for (const [index, row] of rows.entries()) {
		if (row.seq !== index + 1) {
			problem(row, `expected entry ${index + 1} here but found ${row.seq}: an entry is missing or out of order`);
		}
		if (row.previousHash !== (previous?.hash ?? null)) {
			problem(row, `previous hash does not match entry ${previous?.seq ?? '(none)'}: the chain is broken before this entry`);
		}
		if (auditEntryHash(row) !== row.hash) {
			problem(row, `hash does not match its content (${row.action}): the entry was altered`);
		}
		if (parseDetails(row.details) === null) problem(row, 'details are not valid JSON');
		previous = row;
	}
	return { count: rows.length, rows, problems };
}

export function parseDetails(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

export type AuditService = ReturnType<typeof createAuditService>;
