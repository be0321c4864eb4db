// Evidence files through the real HTTP endpoints, the same cases for every blob store
// (evidence.test.ts: the disk; evidence-s3.test.ts: an S3-compatible server): who may upload and
// download, types sniffed from the bytes, the size limit without a partial file, the confidential
// flag, `psems verify` on the stored bytes, and the export bundle's manifest.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { useTestServer } from '../helpers/use-test-server.ts';
import { cookieOf, download, EXE_BYTES, PDF_BYTES, upload } from '../helpers/evidence.ts';
import { run } from '../../server/cli/commands.ts';
import { addEntry } from '../../src/lib/shared/documents/interview.ts';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { acknowledged, synced } from '../helpers/provider.ts';
import type { TestServer } from '../helpers/server.ts';

/** One blob store as the tests see it from outside the product. */
export type StoreUnderTest = {
	name: string;
	/** The environment of a server with a store of its own, empty. */
	env(): Promise<Record<string, string>>;
	/** Everything the store holds for this server (stored and staged), as names. */
	stored(server: TestServer): Promise<string[]>;
	/** Flips one bit of the stored bytes of `sha256`, behind the product's back. */
	tamper(server: TestServer, sha256: string): Promise<void>;
};

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function evidenceFileCases(store: StoreUnderTest, sharedEnv: Record<string, string>) {
	const t = useTestServer({ env: sharedEnv });

	describe(`evidence files (${store.name} store)`, () => {
		it("serves a department head's upload to the review's participants only, as an attachment that cannot run in the page", async () => {
			const { reviewId } = t.review();
			const head = t.participant(reviewId, 'Dana Head', 'department_head', 'Operations');
			const observer = t.participant(reviewId, 'Olu Observer', 'observer');
			const other = t.review({ title: 'Another port' });
			const outsider = t.participant(other.reviewId, 'Omar Other', 'observer');

			const sent = await upload(t.server, { token: head.token, reviewId, name: 'Security plan.pdf', bytes: PDF_BYTES });
			expect(sent.status).toBe(200);
			expect(sent.body.file).toMatchObject({ name: 'Security plan.pdf', size: PDF_BYTES.length, sha256: sha256(PDF_BYTES), mediaType: 'application/pdf', confidential: false });
			const fileId = sent.body.file.id as string;

			const seen = await download(t.server, observer.token, reviewId, fileId);
			expect(seen.status).toBe(200);
			expect(seen.bytes).toEqual(PDF_BYTES);
			expect(seen.headers.get('content-disposition')).toMatch(/^attachment; filename="Security plan.pdf"/);
			expect(seen.headers.get('x-content-type-options')).toBe('nosniff');
			expect(seen.headers.get('content-security-policy')).toContain('sandbox');
			expect(seen.headers.get('content-type')).toBe('application/pdf');

			const foreign = await download(t.server, outsider.token, reviewId, fileId);
			expect(foreign.status).toBe(404);
			expect(new TextDecoder().decode(foreign.bytes)).not.toContain('%PDF');
			const anonymous = await download(t.server, null, reviewId, fileId);
			expect(anonymous.status).toBe(401);
			expect(JSON.parse(new TextDecoder().decode(anonymous.bytes))).toMatchObject({ error: { code: 'unauthenticated' } });
			// The observer of this review may read but not add.
			expect((await upload(t.server, { token: observer.token, reviewId, name: 'x.pdf', bytes: PDF_BYTES })).status).toBe(403);
			expect((await upload(t.server, { token: null, reviewId, name: 'x.pdf', bytes: PDF_BYTES })).status).toBe(401);
		});

		it('attaches files to an interview entry and a plan action of the live workspace, and refuses targets that are not there', async () => {
			const { reviewId, facilitator } = t.review();
			const head = t.participant(reviewId, 'Dana Head', 'department_head', 'Operations');
			const client = t.connect({ name: workspaceDocumentName(reviewId), token: facilitator.token });
			await synced(client);
			const entryId = addEntry(client.doc, { elementCode: 'A2', promptId: null, promptAsked: 'How is the quay fenced?', author: { id: facilitator.id, name: 'Fran' } }, () => true);
			const actionId = createAction(
				client.doc,
				{ title: 'Fence the north quay', linkedElements: ['A2'], owner: 'Dana Head', dueDate: '2027-01-31', priority: 'P1', status: 'agreed', successMeasure: 'Fence closed', expectedLevelAfter: 3 },
				{ id: facilitator.id },
				() => true,
				Date.now()
			);
			if (!entryId.ok || !actionId.ok) throw new Error('the workspace refused the entry or the action');
			await acknowledged(client);

			const onEntry = await upload(t.server, { token: head.token, reviewId, target: { kind: 'interview', id: entryId.value }, name: 'Fence inspection.pdf', bytes: PDF_BYTES });
			expect(onEntry.status).toBe(200);
			expect(onEntry.body.file).toMatchObject({ targetKind: 'interview', targetId: entryId.value, name: 'Fence inspection.pdf' });
			const onAction = await upload(t.server, { token: head.token, reviewId, target: { kind: 'action', id: actionId.value }, name: 'Quote.pdf', bytes: PDF_BYTES });
			expect(onAction.status).toBe(200);
			expect(onAction.body.file).toMatchObject({ targetKind: 'action', targetId: actionId.value });

			const unknownEntry = await upload(t.server, { token: head.token, reviewId, target: { kind: 'interview', id: 'no-such-entry' }, name: 'x.pdf', bytes: PDF_BYTES });
			expect(unknownEntry.status).toBe(404);
			expect(unknownEntry.body.error).toMatchObject({ field: 'target', message: 'That interview entry no longer exists.' });
			const unknownAction = await upload(t.server, { token: head.token, reviewId, target: { kind: 'action', id: entryId.value }, name: 'x.pdf', bytes: PDF_BYTES });
			expect(unknownAction.status).toBe(404);
			expect(unknownAction.body.error.message).toBe('That plan action no longer exists.');
			const unknownKind = await upload(t.server, { token: head.token, reviewId, target: { kind: 'board', id: 'n1' }, name: 'x.pdf', bytes: PDF_BYTES });
			expect(unknownKind.status).toBe(400);
			expect(unknownKind.body.error.message).toBe('Attach the file to an interview entry, a grid element or a plan action.');

			const listed = await fetch(`${t.server.url}/reviews/${reviewId}/evidence`, { headers: cookieOf(head.token) }).then((r) => r.json());
			expect(listed.value.map((f: { targetKind: string; name: string }) => `${f.targetKind}: ${f.name}`).sort()).toEqual(['action: Quote.pdf', 'interview: Fence inspection.pdf']);
		});

		it('refuses an upload from another origin', async () => {
			const { reviewId, facilitator } = t.review();
			const response = await fetch(`${t.server.url}/reviews/${reviewId}/evidence?target=element&id=A1&name=a.pdf`, {
				method: 'PUT',
				headers: { ...cookieOf(facilitator.token), origin: 'https://evil.example' },
				body: PDF_BYTES
			});
			expect(response.status).toBe(403);
			expect(await t.server.services.repos.evidenceFiles.forReview(reviewId)).toEqual([]);
		});

		it('refuses a renamed executable, whatever its name says, and keeps nothing of it', async () => {
			const { reviewId } = t.review();
			const head = t.participant(reviewId, 'Dana Head', 'department_head', 'Operations');
			const before = await store.stored(t.server);
			const sent = await upload(t.server, { token: head.token, reviewId, name: 'annual-report.pdf', bytes: EXE_BYTES });
			expect(sent.status).toBe(400);
			expect(sent.body.error.message).toContain('“annual-report.pdf” is a program (exe)');
			expect(await t.server.services.repos.evidenceFiles.forReview(reviewId)).toEqual([]);
			expect(await store.stored(t.server)).toEqual(before);
		});

		it('accepts plain text only when the bytes are text and the name says so', async () => {
			const { reviewId, facilitator } = t.review();
			const text = new TextEncoder().encode('Drill log, 3 March: gate 4 closed in 2 minutes.\n');
			expect((await upload(t.server, { token: facilitator.token, reviewId, name: 'drill.txt', bytes: text })).body.file.mediaType).toBe('text/plain');
			expect((await upload(t.server, { token: facilitator.token, reviewId, name: 'drill.bin', bytes: text })).status).toBe(400);
		});

		it('keeps a confidential file from a department head, in the list and at its address', async () => {
			const { reviewId, facilitator } = t.review();
			const head = t.participant(reviewId, 'Dana Head', 'department_head', 'Operations');
			const manager = t.participant(reviewId, 'Sam Security', 'security_manager');
			const secret = await upload(t.server, { token: facilitator.token, reviewId, name: 'Vulnerability assessment.pdf', bytes: PDF_BYTES, confidential: true });
			expect(secret.status).toBe(200);
			const id = secret.body.file.id as string;

			const list = (token: string) => fetch(`${t.server.url}/reviews/${reviewId}/evidence`, { headers: cookieOf(token) }).then((r) => r.json());
			expect((await list(head.token)).value).toEqual([]);
			expect((await download(t.server, head.token, reviewId, id)).status).toBe(404);
			expect((await list(manager.token)).value.map((f: { name: string }) => f.name)).toEqual(['Vulnerability assessment.pdf']);
			expect((await download(t.server, manager.token, reviewId, id)).status).toBe(200);
			// A department head cannot mark their own upload confidential either.
			expect((await upload(t.server, { token: head.token, reviewId, name: 'mine.pdf', bytes: PDF_BYTES, confidential: true })).status).toBe(403);
		});

		it('refuses an upload over the limit, declared or streamed, without leaving a partial file', async () => {
			const small = await t.start({ ...(await store.env()), EVIDENCE_MAX_BYTES: '4096' });
			const facilitator = small.createUser({ name: 'Fran', isAdmin: true });
			const reviewId = small.createReview(facilitator.id);
			const big = new Uint8Array(64 * 1024);
			big.set(PDF_BYTES);
			for (const chunked of [false, true]) {
				const sent = await upload(small, { token: facilitator.token, reviewId, name: 'big.pdf', bytes: big, chunked });
				expect(sent.status, chunked ? 'streamed' : 'declared').toBe(413);
				expect(sent.body.error.message).toContain('larger than the limit of 4.1 kB');
			}
			expect(await store.stored(small)).toEqual([]);
			expect(await small.services.repos.evidenceFiles.forReview(reviewId)).toEqual([]);
			// The server still serves: a file under the limit goes through.
			expect((await upload(small, { token: facilitator.token, reviewId, name: 'small.pdf', bytes: PDF_BYTES })).status).toBe(200);
		});

		it('lists each file in the frozen record, and psems verify names a file whose stored bytes changed by one byte', async () => {
			const env = await store.env();
			const server = await t.start(env);
			const facilitator = server.createUser({ name: 'Fran', isAdmin: true });
			const reviewId = server.createReview(facilitator.id);
			const kept = await upload(server, { token: facilitator.token, reviewId, name: 'Patrol log.pdf', bytes: PDF_BYTES });
			const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
			const fence = await upload(server, { token: facilitator.token, reviewId, name: 'Fence.png', bytes: photo });
			expect(fence.status).toBe(200);
			const frozen = await server.services.records.freeze({ id: facilitator.id } as never, reviewId, { label: 'With evidence', note: '' });
			expect(frozen.ok).toBe(true);
			const version = await server.services.records.getVersion(facilitator.id, reviewId, 1);
			if (!version.ok) throw new Error(version.error.message);
			expect(version.value.record.evidenceFiles?.map((f) => [f.name, f.size, f.sha256])).toEqual([
				['Patrol log.pdf', PDF_BYTES.length, kept.body.file.sha256],
				['Fence.png', photo.length, sha256(photo)]
			]);

			const io = () => {
				const out: string[] = [];
				return { out, io: { env: { ...env, DATA_DIR: server.dataDir }, out: (l: string) => out.push(l), err: (l: string) => out.push(l) } };
			};
			const clean = io();
			expect(await run(['verify'], clean.io)).toBe(0);
			expect(clean.out.join('\n')).toContain('2 evidence files');

			await store.tamper(server, sha256(photo));
			const tampered = io();
			expect(await run(['verify'], tampered.io)).toBe(1);
			const report = tampered.out.join('\n');
			expect(report).toContain('evidence file “Fence.png”');
			expect(report).toContain('was changed');
			expect(report).not.toContain('Patrol log.pdf');
		});

		it('exports a bundle whose manifest states the SHA-256 and size of every file in it', async () => {
			const { reviewId, facilitator } = t.review();
			const head = t.participant(reviewId, 'Dana Head', 'department_head', 'Operations');
			await upload(t.server, { token: head.token, reviewId, name: 'Access control procedure.pdf', bytes: PDF_BYTES });
			await upload(t.server, { token: facilitator.token, reviewId, name: 'Threat notes.txt', bytes: new TextEncoder().encode('confidential notes\n'), confidential: true });
			expect((await t.server.services.records.freeze({ id: facilitator.id } as never, reviewId, { label: 'v1', note: '' })).ok).toBe(true);

			const zipOf = async (token: string) => {
				const response = await fetch(`${t.server.url}/reviews/${reviewId}/record/1/bundle.zip`, { headers: cookieOf(token) });
				expect(response.status).toBe(200);
				expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="psems-record-port-of-testhaven-v1-bundle.zip"/);
				return readZip(Buffer.from(await response.arrayBuffer()));
			};
			const entries = await zipOf(facilitator.token);
			const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
			expect([...entries.keys()].sort()).toEqual([...manifest.files.map((f: { path: string }) => f.path), 'manifest.json'].sort());
			expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['record.pdf', 'record.json', 'grid.csv', 'plan.csv']));
			for (const file of manifest.files) {
				expect(sha256(entries.get(file.path)!), file.path).toBe(file.sha256);
				expect(entries.get(file.path)!.length, file.path).toBe(file.size);
			}
			expect(manifest.evidence.map((e: { status: string }) => e.status)).toEqual(['included', 'included']);
			expect(JSON.parse(entries.get('record.json')!.toString('utf8')).contentHash).toBe(manifest.recordHash);

			// A department head's bundle leaves the confidential file out, and says so.
			const theirs = await zipOf(head.token);
			const theirManifest = JSON.parse(theirs.get('manifest.json')!.toString('utf8'));
			expect(theirManifest.evidence.map((e: { status: string }) => e.status)).toEqual(['included', 'withheld_confidential']);
			expect([...theirs.keys()].some((p) => p.includes('Threat'))).toBe(false);
		});
	});
}

export function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
			if (error || !zip) return reject(error);
			const entries = new Map<string, Buffer>();
			zip.on('entry', (entry: yauzl.Entry) => {
				zip.openReadStream(entry, (err, stream) => {
					if (err || !stream) return reject(err);
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						entries.set(entry.fileName, Buffer.concat(chunks));
						zip.readEntry();
					});
				});
			});
			zip.on('end', () => resolve(entries));
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}

