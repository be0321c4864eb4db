// The plain shapes the record components draw. Pages map the records service's values onto
// these, so the components stay presentational and never depend on server code.
import type { Role } from '../shared/roles.ts';
import type { SignatureMeaning } from '../shared/framework/codes.ts';

/** Where a frozen version stands. */
export type { RecordStatus as VersionStatus } from '../shared/labels.ts';
import type { RecordStatus as VersionStatus } from '../shared/labels.ts';

export type VersionItem = {
	version: number;
	label: string;
	note: string;
	frozenAt: string;
	frozenByName: string;
	contentHash: string;
	status: VersionStatus;
	signatureCount: number;
};

export type SignatureItem = {
	id: string;
	meaning: SignatureMeaning;
	printedName: string;
	role: Role;
	/** ISO 8601 UTC. */
	signedAt: string;
	recordHash: string;
	declarationHash: string;
};

/** How a meaning reads in this framework version ("Approved and accepted", "Accountable manager"). */
export type MeaningInfo = { code: SignatureMeaning; label: string; signer: string; statement: string; order: number };

export type IntegrityItem = {
	ok: boolean;
	checked: { snapshots: number; signatures: number; auditEntries: number };
	problems: Array<{ table: string; rowId: string; message: string }>;
};
