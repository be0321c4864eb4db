// Fixtures for fault tests that run the server as a child process: accounts, sessions and a
// review written into the database file before the server starts, a port that stays the same
// across restarts, and the stored state of a document read straight from SQLite (what survived).
import net from 'node:net';
import type * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { createServices } from '../../server/services.ts';
import { readStored } from '../../server/collab/document-store.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { tempDataDir } from './server.ts';

export type FaultFixture = { dataDir: string; reviewId: string; tokens: string[]; userIds: string[] };

/** One facilitator (index 0) and `editorCount - 1` department heads, each with a session. */
export function prepareReview(editorCount: number, opts: { dataDir?: string; roles?: (index: number) => Role } = {}): FaultFixture {
	const dataDir = opts.dataDir ?? tempDataDir('psems-fault-');
	const roleOf = opts.roles ?? ((i: number) => (i === 0 ? 'facilitator' : 'department_head'));
	const services = createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test'));
	try {
		const tokens: string[] = [];
		const userIds: string[] = [];
		const reviewId = crypto.randomUUID();
		for (let i = 0; i < editorCount; i++) {
			const id = crypto.randomUUID();
			services.store.tx.users.insert({ id, email: `editor${i}-${id.slice(0, 6)}@example.test`, name: `Editor ${i}`, passwordHash: 'x', isAdmin: i === 0, createdAt: Date.now() });
			if (i === 0) {
				services.store.tx.reviews.insert({
					id: reviewId, title: 'Faults', portName: 'Port', portCountry: 'Land', kind: 'independent_review',
					scheduledOn: null, frameworkId: 'psems-gap', frameworkVersion: '1.0', createdBy: id, createdAt: Date.now()
				});
			}
			const role = roleOf(i);
			services.store.tx.reviews.addParticipant(reviewId, id, role, role === 'facilitator' ? null : 'Ops', Date.now());
			tokens.push(services.sessions.createIn(services.store.tx, id).token);
			userIds.push(id);
		}
		return { dataDir, reviewId, tokens, userIds };
	} finally {
		services.close();
	}
}

/** The document exactly as stored (compacted state plus log tail), with no server running. */
export function storedDocument(dataDir: string, documentName: string): Y.Doc {
	const services = createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test'));
	try {
		return readStored(services.store.tx.documents, documentName);
	} finally {
		services.close();
	}
}

/**
 * A port free right now, so a restarted server can listen where its clients reconnect. It is
 * taken below Linux's ephemeral range (32768 and up): while the server is down, hundreds of
 * clients retrying 127.0.0.1:<port> get ephemeral source ports, and one of them equal to <port>
 * would connect to itself (a TCP self-connect) and hold the port the server needs.
 */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = 20_000 + Math.floor(Math.random() * 12_000);
		const server = net.createServer();
		const bound = await new Promise<boolean>((resolve) => {
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => resolve(true));
		});
		if (!bound) continue;
		await new Promise<void>((resolve) => server.close(() => resolve()));
		return port;
	}
	throw new Error('no free port between 20000 and 32000');
}
