// Evidence in an S3-compatible bucket (EVIDENCE_STORE=s3) against a real S3 server on loopback
// (s3rver, started here on a free port over a temporary folder): every evidence case of the disk
// store (evidence-cases.ts), then what is particular to the bucket: one object per content, nothing
// left in the bucket by a refused upload, the bundle and psems verify reading the bucket, and the
// start refused with a sentence when the configuration is incomplete or the bucket is missing.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { run } from '../../server/cli/commands.ts';
import { startS3Server } from '../helpers/infra/s3-server.ts';
import { freeLoopbackPort } from '../helpers/infra/ports.ts';
import { startTestServer, removeDir, type TestServer } from '../helpers/server.ts';
import { cookieOf, download, EXE_BYTES, PDF_BYTES, upload } from '../helpers/evidence.ts';
import { evidenceFileCases, readZip, sha256, type StoreUnderTest } from './evidence-cases.ts';
import fs from 'node:fs';
import path from 'node:path';

const s3 = await startS3Server();
afterAll(() => s3.stop());

const bucketOf = (server: TestServer) => {
	const store = server.services.config.evidenceStore;
	if (store.kind !== 's3') throw new Error('not an s3 server');
	return store.bucket;
};
const staged = (server: TestServer) => {
	const dir = path.join(server.services.config.evidenceDir, 'tmp');
	return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => `staged/${name}`) : [];
};

const bucket: StoreUnderTest = {
	name: 's3',
	env: async () => s3.env(await s3.createBucket()),
	stored: async (server) => [...(await s3.keys(bucketOf(server))), ...staged(server)],
	async tamper(server, key) {
		const stream = await s3.client.getObject(bucketOf(server), key);
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		const bytes = Buffer.concat(chunks);
		bytes[bytes.length - 1] ^= 0x01;
		await s3.client.putObject(bucketOf(server), key, bytes);
	}
};

evidenceFileCases(bucket, await bucket.env());

describe('evidence in an S3-compatible bucket', () => {
	const servers: TestServer[] = [];
	const start = async (env: Record<string, string>) => {
		const server = await startTestServer(env);
		servers.push(server);
		return server;
	};
	afterAll(async () => {
		for (const server of servers) {
			await server.stop();
			removeDir(server.dataDir);
		}
	});

	it('stores each content once under its SHA-256, serves it from the bucket, and keeps nothing of a refused file', async () => {
		const server = await start(await bucket.env());
		const facilitator = server.createUser({ name: 'Fran', isAdmin: true });
		const reviewId = server.createReview(facilitator.id);
		const first = await upload(server, { token: facilitator.token, reviewId, name: 'Patrol log.pdf', bytes: PDF_BYTES });
		const again = await upload(server, { token: facilitator.token, reviewId, target: { kind: 'element', id: 'B1' }, name: 'Same log.pdf', bytes: PDF_BYTES });
		expect([first.status, again.status]).toEqual([200, 200]);
		expect(again.body.file.id).not.toBe(first.body.file.id);
		expect(await s3.keys(bucketOf(server))).toEqual([sha256(PDF_BYTES)]);

		const got = await download(server, facilitator.token, reviewId, again.body.file.id);
		expect(got.status).toBe(200);
		expect(got.bytes).toEqual(PDF_BYTES);

		expect((await upload(server, { token: facilitator.token, reviewId, name: 'report.pdf', bytes: EXE_BYTES })).status).toBe(400);
		// Larger than one network read, and still one object.
		const big = new Uint8Array(6 * 1024 * 1024);
		big.set(PDF_BYTES);
		big[big.length - 1] = 1;
		const large = await upload(server, { token: facilitator.token, reviewId, name: 'Site survey.pdf', bytes: big });
		expect(large.status).toBe(200);
		expect((await download(server, facilitator.token, reviewId, large.body.file.id)).bytes).toEqual(big);
		expect(await s3.keys(bucketOf(server))).toEqual([sha256(PDF_BYTES), sha256(big)].sort());
		expect(staged(server)).toEqual([]);
	});

	it('names a missing object in psems verify and marks it missing in the bundle', async () => {
		const env = await bucket.env();
		const server = await start(env);
		const facilitator = server.createUser({ name: 'Fran', isAdmin: true });
		const reviewId = server.createReview(facilitator.id);
		const sent = await upload(server, { token: facilitator.token, reviewId, name: 'Drill report.pdf', bytes: PDF_BYTES });
		expect((await server.services.records.freeze({ id: facilitator.id } as never, reviewId, { label: 'v1', note: '' })).ok).toBe(true);
		await s3.client.removeObject(bucketOf(server), sent.body.file.sha256);

		const lines: string[] = [];
		const code = await run(['verify'], { env: { ...env, DATA_DIR: server.dataDir }, out: (l) => lines.push(l), err: (l) => lines.push(l) });
		expect(code).toBe(1);
		expect(lines.join('\n')).toContain('evidence file “Drill report.pdf”');
		expect(lines.join('\n')).toContain('is missing from the evidence store');

		const response = await fetch(`${server.url}/reviews/${reviewId}/record/1/bundle.zip`, { headers: cookieOf(facilitator.token) });
		const manifest = JSON.parse((await readZip(Buffer.from(await response.arrayBuffer()))).get('manifest.json')!.toString('utf8'));
		expect(manifest.evidence.map((e: { status: string }) => e.status)).toEqual(['missing']);
		// The file's own address says what happened, not a broken download.
		const gone = await download(server, facilitator.token, reviewId, sent.body.file.id);
		expect(gone.status).toBe(500);
		expect(JSON.parse(new TextDecoder().decode(gone.bytes)).error.message).toContain('run psems verify');
	});

	it('refuses to start without the whole S3 configuration, or with a bucket that does not exist', async () => {
		const env = s3.env('psems-nowhere');
		const { S3_SECRET_ACCESS_KEY: _secret, S3_REGION: _region, ...incomplete } = env;
		expect(() => loadConfig(incomplete)).toThrow('Invalid configuration: EVIDENCE_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY; missing: S3_REGION, S3_SECRET_ACCESS_KEY.');
		const { EVIDENCE_STORE: _store, ...withoutStore } = env;
		expect(() => loadConfig(withoutStore)).toThrow('S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are set but EVIDENCE_STORE is not s3');
		expect(() => loadConfig({ ...env, S3_ENDPOINT: 'ftp://127.0.0.1' })).toThrow('S3_ENDPOINT');
		await expect(startTestServer(env)).rejects.toThrow('The evidence bucket “psems-nowhere” does not exist at');
		// (s3rver accepts any secret, so wrong credentials are not tried here; a store that is not there is.)
		const closed = await freeLoopbackPort();
		await expect(startTestServer({ ...env, S3_ENDPOINT: `http://127.0.0.1:${closed}` })).rejects.toThrow(`The evidence store at http://127.0.0.1:${closed} could not be reached or refused the credentials`);
	});
});
