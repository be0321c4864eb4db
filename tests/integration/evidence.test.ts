// The evidence cases (evidence-cases.ts) against the default store, DATA_DIR/evidence on disk.
import fs from 'node:fs';
import path from 'node:path';
import { evidenceFileCases, type StoreUnderTest } from './evidence-cases.ts';

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

const disk: StoreUnderTest = {
	name: 'disk',
	env: async () => ({}),
	stored: async (server) => filesUnder(server.services.config.evidenceDir).sort(),
	async tamper(server, sha256) {
		const stored = path.join(server.services.config.evidenceDir, sha256.slice(0, 2), sha256);
		const bytes = fs.readFileSync(stored);
		bytes[bytes.length - 1] ^= 0x01;
		fs.writeFileSync(stored, bytes);
	}
};

evidenceFileCases(disk, {});
