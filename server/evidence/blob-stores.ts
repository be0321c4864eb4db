// The configured evidence store, for the server and for `psems verify` alike.
import path from 'node:path';
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { createDiskBlobStore } from './disk-blob-store.ts';
import { createS3BlobStore } from './s3-blob-store.ts';

export function blobStoreFor(config: Pick<Config, 'evidenceDir' | 'evidenceStore'>): BlobStore {
	const store = config.evidenceStore;
	if (store.kind === 's3') return createS3BlobStore(store, path.join(config.evidenceDir, 'tmp'));
	return createDiskBlobStore(config.evidenceDir);
}
