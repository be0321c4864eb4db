// Integration tests against a real server on port 0, torn down by the helper itself:
//
//   const t = useTestServer();
//   it('…', async () => {
//     const { facilitator, reviewId } = t.review();
//     const client = t.connect({ name: workspaceDocumentName(reviewId), token: facilitator.token });
//   });
//
// One server per file starts before the first test (unless `shared: false`). Everything made
// through the helper is tracked: clients and raw sockets opened during a test are destroyed after
// that test, servers started during a test are stopped after it; whatever was made outside a test
// (the shared server, clients opened in beforeAll) goes after the last test, temporary data
// directories included.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Role } from '../../src/lib/shared/roles.ts';
import { connectClient, type ClientOptions, type TestClient } from './provider.ts';
import { openRawSocket, type RawSocket } from './raw-socket.ts';
import { removeDir, startTestServer, type TestServer } from './server.ts';

type Person = { id: string; token: string; email: string };

export type TestServers = {
	/** The file's shared server (not with `shared: false`). */
	readonly server: TestServer;
	/** Another server, e.g. with other limits; stopped after the test that started it. */
	start(env?: Record<string, string>): Promise<TestServer>;
	/** A real provider on `on` (default: the shared server), destroyed at teardown. */
	connect(opts: Omit<ClientOptions, 'url'> & { on?: TestServer }): TestClient;
	/** A hand-driven socket (tests/helpers/raw-socket.ts), terminated at teardown. */
	raw(token: string | null, on?: TestServer): Promise<RawSocket>;
	/** A new review with its facilitator (an administrator). */
	review(opts?: { on?: TestServer; title?: string; facilitatorName?: string }): { facilitator: Person; reviewId: string };
	/** A new user who takes part in `reviewId` with `role`. */
	participant(reviewId: string, name: string, role: Role, department?: string | null, on?: TestServer): Person;
};

type Owned = { close(): void | Promise<void> };

export function useTestServer(opts: { env?: Record<string, string>; shared?: boolean } = {}): TestServers {
	let shared: TestServer | null = null;
	let inTest = false;
	const forFile: Owned[] = [];
	const forTest: Owned[] = [];
	const own = (item: Owned) => (inTest ? forTest : forFile).push(item);

	async function release(items: Owned[]) {
		// Clients first, servers last (reverse order of creation).
		for (const item of items.splice(0).reverse()) await item.close();
	}

	async function start(env: Record<string, string> = {}): Promise<TestServer> {
		const server = await startTestServer(env);
		own({
			async close() {
				await server.stop();
				removeDir(server.dataDir);
			}
		});
		return server;
	}

	if (opts.shared !== false) {
		beforeAll(async () => {
			shared = await start(opts.env);
		});
	}
	beforeEach(() => {
		inTest = true;
	});
	afterEach(async () => {
		inTest = false;
		await release(forTest);
	});
	afterAll(() => release(forFile));

	const serverOf = (on?: TestServer): TestServer => {
		const server = on ?? shared;
		if (!server) throw new Error('useTestServer: no server (shared: false needs `on`)');
		return server;
	};

	return {
		get server() {
			return serverOf();
		},
		start,
		connect({ on, ...options }) {
			const client = connectClient({ url: serverOf(on).wsUrl, ...options });
			own({ close: () => client.destroy() });
			return client;
		},
		async raw(token, on) {
			const socket = await openRawSocket(serverOf(on).wsUrl, token);
			own({ close: () => socket.socket.terminate() });
			return socket;
		},
		review({ on, title, facilitatorName = 'Fran Facilitator' } = {}) {
			const server = serverOf(on);
			const facilitator = server.createUser({ name: facilitatorName, isAdmin: true });
			return { facilitator, reviewId: server.createReview(facilitator.id, title) };
		},
		participant(reviewId, name, role, department = null, on) {
			const server = serverOf(on);
			const person = server.createUser({ name });
			server.addParticipant(reviewId, person.id, role, department);
			return person;
		}
	};
}
