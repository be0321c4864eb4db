// The default blob store: DATA_DIR/evidence/<first two hex>/<sha256>, staged in
// DATA_DIR/evidence/tmp on the same file system so the commit is one atomic rename.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLarge, SHA256_HEX, type BlobStore, type StagedBlob } from './blob-store.ts';

export function createDiskBlobStore(root: string): BlobStore {
	const tmp = path.join(root, 'tmp');
	fs.mkdirSync(tmp, { recursive: true });
	// Staged files of a process that died mid-upload are never committed: clear them on start.
	for (const name of fs.readdirSync(tmp)) fs.rmSync(path.join(tmp, name), { force: true });
	const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

	return {
		async stage(source, { maxBytes, headBytes }): Promise<StagedBlob> {
			const staged = path.join(tmp, crypto.randomUUID());
			const hash = createHash('sha256');
			let size = 0;
			const head: Buffer[] = [];
			let headSize = 0;
			const meter = new Transform({
				transform(chunk: Buffer, _encoding, done) {
					size += chunk.length;
					if (size > maxBytes) return done(new BlobTooLarge(maxBytes));
					if (headSize < headBytes) {
						head.push(chunk.subarray(0, headBytes - headSize));
						headSize += Math.min(chunk.length, headBytes - headSize);
					}
					hash.update(chunk);
					done(null, chunk);
				}
			});
			try {
				await pipeline(source, meter, fs.createWriteStream(staged, { flags: 'wx' }));
			} catch (cause) {
				fs.rmSync(staged, { force: true });
				throw cause;
			}
			const sha256 = hash.digest('hex');
			return {
				sha256,
				size,
				head: new Uint8Array(Buffer.concat(head)),
				async commit() {
					const target = pathOf(sha256);
					if (fs.existsSync(target)) return void fs.rmSync(staged, { force: true });
					fs.mkdirSync(path.dirname(target), { recursive: true });
					fs.renameSync(staged, target);
				},
				async discard() {
					fs.rmSync(staged, { force: true });
				}
			};
		},

		open(sha256) {
			if (!SHA256_HEX.test(sha256)) return null;
			const file = pathOf(sha256);
			return fs.existsSync(file) ? fs.createReadStream(file) : null;
		},

		async digest(sha256) {
			const stream = this.open(sha256);
			if (!stream) return null;
			const hash = createHash('sha256');
			let size = 0;
			for await (const chunk of stream as Readable) {
				size += (chunk as Buffer).length;
				hash.update(chunk as Buffer);
			}
			return { sha256: hash.digest('hex'), size };
		}
	};
}
