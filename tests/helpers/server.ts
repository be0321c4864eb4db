// A real server on port 0 with a temporary SQLite file, for integration tests. Pages are not
// served (no SvelteKit build needed); accounts and sessions are created through the services.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { startApp, type RunningApp } from '../../server/app.ts';
import type { Role } from '../../src/lib/shared/roles.ts';

export type TestServer = RunningApp & {
	dataDir: string;
	wsUrl: string;
	createUser(opts: { name: string; email?: string; isAdmin?: boolean }): { id: string; token: string; email: string };
	createReview(ownerId: string, title?: string): string;
	addParticipant(reviewId: string, userId: string, role: Role, department?: string | null): void;
};

let counter = 0;

export function tempDataDir(prefix = 'psems-test-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
	const dataDir = env.DATA_DIR ?? tempDataDir();
	const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, 'test');
	const app = await startApp(config);
	// Fixtures write through the synchronous statements (store.ts `tx`): setup, not the behaviour under test.
	const repos = app.services.store.tx;
	const { sessions } = app.services;
	return Object.assign(app, {
		dataDir,
		wsUrl: `ws://127.0.0.1:${app.port}/collab`,
		createUser({ name, email, isAdmin = false }: { name: string; email?: string; isAdmin?: boolean }) {
			const id = crypto.randomUUID();
			const address = email ?? `user${++counter}-${id.slice(0, 6)}@example.test`;
			// A placeholder hash: these users never sign in with a password in integration tests.
			repos.users.insert({ id, email: address, name, passwordHash: 'not-a-password', isAdmin, createdAt: Date.now() });
			return { id, email: address, token: sessions.createIn(repos, id).token };
		},
		createReview(ownerId: string, title = 'Harbour review') {
			const id = crypto.randomUUID();
			repos.reviews.insert({
				id,
				title,
				portName: 'Port of Testhaven',
				portCountry: 'Nowhere',
				kind: 'independent_review',
				scheduledOn: null,
				frameworkId: 'psems-gap',
				frameworkVersion: '1.0',
				createdBy: ownerId,
				createdAt: Date.now()
			});
			repos.reviews.addParticipant(id, ownerId, 'facilitator', null, Date.now());
			return id;
		},
		addParticipant(reviewId: string, userId: string, role: Role, department: string | null = null) {
			repos.reviews.addParticipant(reviewId, userId, role, department, Date.now());
		}
	});
}

export function removeDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}
