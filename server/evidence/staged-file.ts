// Staging an upload on local disk while it streams in: hashed, counted and cut off at the limit as
// the bytes pass, so a store learns the content's address (its SHA-256) only when the last byte
// has arrived, and nothing of a refused upload ever reaches where the evidence is kept.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLarge } from './blob-store.ts';

export type StagedFile = { file: string; sha256: string; size: number; head: Uint8Array };

/**
 * Staged files of a process that died mid-upload are never committed: the server clears them when
 * it starts (never `psems verify`, which may run beside a server with uploads in progress).
 */
export function clearStagingDir(dir: string): void {
	fs.mkdirSync(dir, { recursive: true });
	for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { force: true });
}

export async function stageToFile(dir: string, source: Readable, { maxBytes, headBytes }: { maxBytes: number; headBytes: number }): Promise<StagedFile> {
	const file = path.join(dir, crypto.randomUUID());
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
		await pipeline(source, meter, fs.createWriteStream(file, { flags: 'wx' }));
	} catch (cause) {
		fs.rmSync(file, { force: true });
		throw cause;
	}
	return { file, sha256: hash.digest('hex'), size, head: new Uint8Array(Buffer.concat(head)) };
}

/** SHA-256 and size of a stream, read to its end (psems verify re-hashes what is stored). */
export async function digestStream(stream: Readable): Promise<{ sha256: string; size: number }> {
	const hash = createHash('sha256');
	let size = 0;
	for await (const chunk of stream) {
		size += (chunk as Buffer).length;
		hash.update(chunk as Buffer);
	}
	return { sha256: hash.digest('hex'), size };
}
