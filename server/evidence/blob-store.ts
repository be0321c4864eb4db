// Where evidence bytes live: content-addressed by SHA-256, so one file attached in several places
// or carried into the next review is stored once, and a stored file's name is its own checksum.
// Two stores implement it: the disk store under DATA_DIR/evidence (the default) and an
// S3-compatible bucket (EVIDENCE_STORE=s3; README, "Evidence files").
import type { Readable } from 'node:stream';

export type StagedBlob = {
	sha256: string;
	size: number;
	/** The first bytes, for sniffing the type (never trust the name). */
	head: Uint8Array;
	/** Moves the bytes under their hash (a no-op when that content is stored already). */
	commit(): Promise<void>;
	/** Removes the staged bytes: a refused upload leaves nothing behind. */
	discard(): Promise<void>;
};

export class BlobTooLarge extends Error {
	readonly limit: number;
	constructor(limit: number) {
		super(`larger than ${limit} bytes`);
		this.limit = limit;
	}
}

export interface BlobStore {
	/**
	 * Streams `source` to a temporary place while hashing it; never holds the whole file in memory.
	 * Rejects with BlobTooLarge as soon as more than `maxBytes` arrived, with the partial bytes removed.
	 */
	stage(source: Readable, opts: { maxBytes: number; headBytes: number }): Promise<StagedBlob>;
	/** The stored bytes, or null when nothing is stored under that hash. */
	open(sha256: string): Promise<Readable | null>;
	/** Recomputes the hash and size of what is stored (null: missing), for `psems verify`. */
	digest(sha256: string): Promise<{ sha256: string; size: number } | null>;
	/**
	 * Run once when the server starts: clears uploads a dead process left staged, and rejects with a
	 * sentence for the operator when the store cannot be used (an S3 bucket missing or unreachable).
	 */
	ready(): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
