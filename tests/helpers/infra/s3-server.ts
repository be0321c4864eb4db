// An S3-compatible server on a free 127.0.0.1 port (npm `s3rver`: the S3 REST API over a folder,
// signatures checked), for the EVIDENCE_STORE=s3 tests. It runs in the process that starts it,
// keeps its objects in a fresh $TMPDIR/psems-s3-* directory and removes it on stop().
//
//   const s3 = await startS3Server();
//   const env = s3.env(await s3.createBucket());   // EVIDENCE_STORE=s3 and the five S3_ settings
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'minio';
import S3rver from 's3rver';
import { s3Client } from '../../../server/evidence/s3-blob-store.ts';
import { LOOPBACK } from './ports.ts';

/** s3rver's built-in account: requests signed with anything else are refused. */
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';
const REGION = 'us-east-1';

export type S3TestServer = {
	endpoint: string;
	/** A client signed with the server's account, to look into buckets as an operator would. */
	client: Client;
	/** A new, empty bucket (psems-1, psems-2, …). */
	createBucket(): Promise<string>;
	/** The server's environment for a store in `bucket`. */
	env(bucket: string): Record<string, string>;
	/** Every object key in `bucket`, sorted. */
	keys(bucket: string): Promise<string[]>;
	stop(): Promise<void>;
};

export async function startS3Server(): Promise<S3TestServer> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'psems-s3-'));
	const server = new S3rver({ address: LOOPBACK, port: 0, directory, silent: true });
	const { port } = await server.run();
	const endpoint = `http://${LOOPBACK}:${port}`;
	const client = s3Client({ endpoint, bucket: '', region: REGION, accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
	let buckets = 0;
	return {
		endpoint,
		client,
		async createBucket() {
			const name = `psems-${++buckets}`;
			await client.makeBucket(name, REGION);
			return name;
		},
		env: (bucket) => ({
			EVIDENCE_STORE: 's3',
			S3_ENDPOINT: endpoint,
			S3_BUCKET: bucket,
			S3_REGION: REGION,
			S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
			S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY
		}),
		async keys(bucket) {
			const keys: string[] = [];
			for await (const item of client.listObjectsV2(bucket, '', true)) if (item.name) keys.push(item.name);
			return keys.sort();
		},
		async stop() {
			await server.close();
			fs.rmSync(directory, { recursive: true, force: true });
		}
	};
}
