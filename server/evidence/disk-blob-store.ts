// The default blob store: DATA_DIR/evidence/<first two hex>/<sha256>, staged in
// DATA_DIR/evidence/tmp on the same file system so the commit is one atomic rename.
import fs from 'node:fs';
import path from 'node:path';
import { SHA256_HEX, type BlobStore, type StagedBlob } from './blob-store.ts';
import { digestStream, clearStagingDir, stageToFile } from './staged-file.ts';

export function createDiskBlobStore(root: string): BlobStore {
	const tmp = path.join(root, 'tmp');
	fs.mkdirSync(tmp, { recursive: true });
	const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
	const open = async (sha256: string) => {
		if (!SHA256_HEX.test(sha256)) return null;
		const file = pathOf(sha256);
		return fs.existsSync(file) ? fs.createReadStream(file) : null;
	};

	return {
		async stage(source, opts): Promise<StagedBlob> {
			const staged = await stageToFile(tmp, source, opts);
			return {
				sha256: staged.sha256,
				size: staged.size,
				head: staged.head,
				async commit() {
					const target = pathOf(staged.sha256);
					if (fs.existsSync(target)) return void fs.rmSync(staged.file, { force: true });
					fs.mkdirSync(path.dirname(target), { recursive: true });
					fs.renameSync(staged.file, target);
				},
				async discard() {
					fs.rmSync(staged.file, { force: true });
				}
			};
		},

		open,

		async digest(sha256) {
			const stream = await open(sha256);
			return stream ? digestStream(stream) : null;
		},

		async ready() {
			clearStagingDir(tmp);
		}
	};
}
