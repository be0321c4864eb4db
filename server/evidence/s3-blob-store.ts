// Evidence in an S3-compatible bucket (EVIDENCE_STORE=s3; AWS S3, MinIO, Ceph, Garage…), through the
// `minio` client. The object key is the content's SHA-256 (hex), as on disk.
//
// Why the upload is staged on local disk first: the key is known only once the last byte has been
// hashed, S3 has no rename, and a refused upload (too large, a program) must leave nothing in the
// bucket. Streaming to a temporary key would cost a server-side copy per upload and leave
// orphaned objects whenever the process died mid-upload. So the bytes stream through the hash into
// DATA_DIR/evidence/tmp (at most EVIDENCE_MAX_BYTES per upload in progress, cleared on start), and
// only an accepted file is put, once, under its hash; a file already in the bucket is not sent again.
//
// What it costs: minio sends an object of up to 64 MiB (its part size) in one PUT and reads it into
// memory to do so, so each file being sent to the bucket is held whole for that moment (at most
// EVIDENCE_MAX_BYTES, 25 MiB by default); larger limits go up in 64 MiB parts. The disk store never
// holds a file in memory.
import type { Readable } from 'node:stream';
import fs from 'node:fs';
import { Client, S3Error } from 'minio';
import { StartupError } from '../persistence/database.ts';
import { SHA256_HEX, type BlobStore, type StagedBlob } from './blob-store.ts';
import { digestStream, clearStagingDir, stageToFile } from './staged-file.ts';

export type S3StoreConfig = {
	endpoint: string;
	bucket: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
};

const isMissing = (error: unknown) => error instanceof S3Error && ['NotFound', 'NoSuchKey'].includes(String(error.code));

export function s3Client(config: S3StoreConfig): Client {
	const url = new URL(config.endpoint);
	const useSSL = url.protocol === 'https:';
	return new Client({
		endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
		port: url.port ? Number(url.port) : useSSL ? 443 : 80,
		useSSL,
		region: config.region,
		accessKey: config.accessKeyId,
		secretKey: config.secretAccessKey
	});
}

export function createS3BlobStore(config: S3StoreConfig, stagingDir: string): BlobStore {
	const client = s3Client(config);
	fs.mkdirSync(stagingDir, { recursive: true });

	async function size(sha256: string): Promise<number | null> {
		try {
			return (await client.statObject(config.bucket, sha256)).size;
		} catch (error) {
			if (isMissing(error)) return null;
			throw error;
		}
	}

	async function open(sha256: string): Promise<Readable | null> {
		if (!SHA256_HEX.test(sha256)) return null;
		try {
			return await client.getObject(config.bucket, sha256);
		} catch (error) {
			if (isMissing(error)) return null;
			throw error;
		}
	}

	return {
		async stage(source, opts): Promise<StagedBlob> {
			const staged = await stageToFile(stagingDir, source, opts);
			const discard = async () => fs.rmSync(staged.file, { force: true });
			return {
				sha256: staged.sha256,
				size: staged.size,
				head: staged.head,
				async commit() {
					try {
						// Same key, same bytes: a file attached twice is stored once.
						if ((await size(staged.sha256)) !== staged.size) {
							await client.putObject(config.bucket, staged.sha256, fs.createReadStream(staged.file), staged.size, { 'Content-Type': 'application/octet-stream' });
						}
					} finally {
						await discard();
					}
				},
				discard
			};
		},

		open,

		async digest(sha256) {
			const stream = await open(sha256);
			return stream ? digestStream(stream) : null;
		},

		async ready() {
			clearStagingDir(stagingDir);
			let exists: boolean;
			try {
				exists = await client.bucketExists(config.bucket);
			} catch (error) {
				throw new StartupError(`The evidence store at ${config.endpoint} could not be reached or refused the credentials (${error instanceof Error ? error.message : String(error)}). Check S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.`, 69);
			}
			if (!exists) throw new StartupError(`The evidence bucket “${config.bucket}” does not exist at ${config.endpoint}. Create it, or set S3_BUCKET to an existing one.`, 78);
		}
	};
}

