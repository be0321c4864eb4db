// Bare Hocuspocus 4 (no authentication, no persistence, defaults) in its own process, the
// reference our figures are divided by. The one addition: a document the runner prepared as a
// file (cold-join fixtures) is returned from onLoadDocument, so a cold join has something to load.
import fs from 'node:fs';
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { instrument } from './instrument.ts';

const fixtures = process.env.BENCH_FIXTURES_DIR ?? null;

const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	async onLoadDocument({ documentName }) {
		if (!fixtures) return;
		const file = path.join(fixtures, `${encodeURIComponent(documentName)}.bin`);
		if (fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file));
	}
});
await server.listen();
instrument(server.hocuspocus);
process.stdout.write(JSON.stringify({ port: server.address.port }) + '\n');
