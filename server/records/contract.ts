// The records service as the rest of the app sees it (issue: the evaluation record). Routes,
// exports and the CLI code against these types; server/records/ implements them.
import type { Result } from '../../src/lib/shared/result.ts';
import type { EvaluationRecord } from '../../src/lib/shared/record/record.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import type { PendingDifference } from '../../src/lib/shared/documents/self-vs-independent.ts';
import type { ExportFile } from './export-version.ts';
import type { Transactional } from '../persistence/transactional.ts';

export type SignatureMeaning = 'attested' | 'reviewed' | 'approved';

/** Which role may sign with which meaning (facilitator attests, security manager reviews, accountable manager approves). */
export const SIGNING_ROLE: Record<SignatureMeaning, Role> = {
	attested: 'facilitator',
	reviewed: 'security_manager',
	approved: 'accountable_manager'
};

export type SignatureView = {
	id: string;
	version: number;
	meaning: SignatureMeaning;
	printedName: string;
	role: Role;
	signerUserId: string;
	/** ISO 8601 UTC, e.g. 2026-11-25T14:03:07.123Z */
	signedAt: string;
	recordHash: string;
	declarationHash: string;
};

export type { RecordStatus } from '../../src/lib/shared/labels.ts';
import type { RecordStatus } from '../../src/lib/shared/labels.ts';

export type VersionSummary = {
	reviewId: string;
	version: number;
	label: string;
	note: string;
	frozenAt: string;
	/** User id of who froze the version (part of the chain hash). */
	frozenBy: string;
	frozenByName: string;
	contentHash: string;
	chainHash: string;
	previousChainHash: string | null;
	/** A later version exists; this one stays readable, with its signatures. */
	superseded: boolean;
	/** Signed = approved by the accountable manager; superseded wins over signed (see signatures). */
	status: RecordStatus;
	signatures: SignatureView[];
};

export type FrozenVersion = VersionSummary & { record: EvaluationRecord; recordJson: string };

export type ClientStateVectors = { workspace: string; reviewer: string }; // base64 Yjs state vectors

export type VerifyProblem = { table: 'snapshots' | 'signatures' | 'audit_log' | 'evidence'; rowId: string; message: string };
export type VerifyReport = { ok: boolean; checked: { snapshots: number; signatures: number; auditEntries: number; evidenceFiles?: number }; problems: VerifyProblem[] };

/** The records service as its steps are written: synchronous but for signing and export. */
export type RecordsCore = {

	/** Facilitators only. Refuses while the client's state vectors show changes the server lacks. */
	freeze(actor: SessionUser, reviewId: string, input: { label: string; note: string; client?: ClientStateVectors }): Result<VersionSummary>;
	listVersions(userId: string, reviewId: string): Result<VersionSummary[]>;
	/** Elements whose self and independent scores differ by 2 or more without a rationale: they block a freeze. */
	pendingDifferences(userId: string, reviewId: string): Result<PendingDifference[]>;
	getVersion(userId: string, reviewId: string, version: number): Result<FrozenVersion>;
	/** The declaration text shown before signing; its SHA-256 is stored with the signature. */
	declaration(reviewId: string, version: number, meaning: SignatureMeaning): Result<{ text: string; hash: string }>;
	/** The fresh proof is the password, or (proof: 'identity_provider') a login at the provider for this session. */
	sign(
		actor: SessionUser,
		reviewId: string,
		version: number,
		input: { meaning: SignatureMeaning; password: string; proof?: 'password' | 'identity_provider'; sessionId?: string }
	): Promise<Result<SignatureView>>;
	/** A download of a frozen version (pdf, json, grid.csv, plan.csv) for a member whose role may export; audited. */
	exportVersion(userId: string, reviewId: string, version: number, format: string): Promise<Result<ExportFile>>;
	verifyAll(): VerifyReport;
	verifyReview(reviewId: string): VerifyReport;
	/** Checks an uploaded JSON export against the database. */
	verifyExport(jsonText: string): Result<{ reviewId: string; version: number; matches: boolean; message: string }>;
};

/** What callers use: every step is a Promise (each synchronous one runs as one store transaction). */
export type RecordsService = Transactional<RecordsCore, 'freeze' | 'listVersions' | 'pendingDifferences' | 'getVersion' | 'declaration' | 'verifyAll' | 'verifyReview' | 'verifyExport'>;
