// The collaboration server: Hocuspocus with our extensions, reached through crossws on the
// http server's `upgrade` event for /collab. Every behaviour beyond the core is an extension in
// the `extensions` list below, and its order is the run order of every hook (no extension sets
// a `priority`, and Hocuspocus 4.7.0 sorts by priority with a stable sort, so equal priorities
// keep the array's order). What depends on library internals: library-workarounds.md.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import type { Services } from '../services.ts';
import { authExtension } from './auth-extension.ts';
import { durableLogExtension } from './durable-log-extension.ts';
import { limitsExtension } from './limits-extension.ts';
import { membershipExtension } from './membership-extension.ts';
import { presenceExtension } from './presence-extension.ts';
import { isAllowedOrigin } from './origin.ts';
import { inSocketScope, type SocketScope } from './hocuspocus-log.ts';
import { createSocketGuard } from './socket-guard.ts';
import { socketGuardExtension } from './socket-guard-extension.ts';
import type { WebSocketLike } from '@hocuspocus/server';
import { HEARTBEAT_MS } from '../../src/lib/shared/collab-timing.ts';

export const COLLAB_PATH = '/collab';

/** Hocuspocus' connection-level Ping and Pong: one byte, no document name. */
const WIRE_PING = 9;
const WIRE_PONG = 10;
const PING_FRAME = new Uint8Array([WIRE_PING]);
const HEARTBEAT_SLICES = 10;

type PeerState = { connection: ReturnType<Hocuspocus['handleConnection']>; socket: WebSocketLike; scope: SocketScope; heartbeatSlice: number };

export function createCollabServer(services: Services) {
	const { config, logger } = services;
	const guard = createSocketGuard(config, logger);
	const hocuspocus = new Hocuspocus({
		name: 'psems',
		quiet: true,
		// Sockets are dropped after this long without a message (unauthenticated ones: after
		// this long since opening, whatever they send).
		timeout: config.collabTimeoutMs,
		// Compaction only (the durable log already holds every update), so it can wait for a pause:
		// at 2 s / 10 s, 500 busy reviews compacted up to 250 times a second (the capacity benchmark).
		debounce: 10_000,
		maxDebounce: 60_000,
		// The durable log must append before any broadcast: a synchronous flush (which
		// Hocuspocus does for batches >= flushMaxBytes) would broadcast before our listener
		// (library-workarounds.md).
		flushMaxBytes: Number.MAX_SAFE_INTEGER,
		maxUnauthenticatedQueueSize: 2 * 1024 * 1024,
		extensions: [
			// 1. Who may open which document, read-only or not (a throw denies; the context it
			//    returns is what every later hook reads).
			authExtension(services),
			// 2. The per-review connection cap (on authenticate), then size and pending-update caps
			//    on every message.
			limitsExtension(
				{
					maxUpdateBytes: config.maxUpdateBytes,
					maxConnectionsPerReview: config.maxConnectionsPerReview,
					maxPendingUpdateBytes: config.maxPendingUpdateBytes
				},
				logger
			),
			// 3. Load from storage, append every update before its acknowledgement, compact.
			durableLogExtension({ store: services.documentStore, logger }),
			// 4. Releases an authenticated socket from the pre-auth budget.
			socketGuardExtension(guard),
			// 5. Closes the sockets of a participant whose role changed or who was removed.
			membershipExtension(services.membership, logger),
			// 6. Writes the authenticated identity into awareness states.
			presenceExtension()
		]
	});

	// The document store reads open documents here (a freeze captures every acknowledged edit)
	// and makes server-side changes through direct connections, so connected clients see them.
	const detachLive = services.documentStore.attach({
		get: (name) => hocuspocus.documents.get(name) ?? null,
		async write(name, change) {
			const connection = await hocuspocus.openDirectConnection(name, { serverWrite: true });
			try {
				// A holder: TypeScript does not see assignments made inside the callback.
				const out: { result?: ReturnType<typeof change> } = {};
				await connection.transact((doc) => {
					out.result = change(doc);
				});
				return out.result as ReturnType<typeof change>;
			} finally {
				await connection.disconnect();
			}
		}
	});

	const peers = new Map<object, PeerState>();
	let opened = 0;
	const ws = crossws({
		serverOptions: { maxPayload: config.maxFrameBytes },
		hooks: {
			open(peer) {
				const socket = guard.wrap(peer);
				const scope: SocketScope = { logger, socket: peer.id, address: peer.remoteAddress ?? null };
				const connection = inSocketScope(scope, () => hocuspocus.handleConnection(socket, peer.request as Request));
				peers.set(peer, { connection, socket, scope, heartbeatSlice: opened++ % HEARTBEAT_SLICES });
			},
			message(peer, message) {
				const state = peers.get(peer);
				if (!state) return;
				const bytes = message.uint8Array();
				// The provider's answer to our heartbeat; Hocuspocus 4 does not parse it
				// (library-workarounds.md).
				if (bytes.byteLength === 1 && bytes[0] === WIRE_PONG) {
					state.connection.lastMessageReceivedAt = Date.now();
					return;
				}
				if (!guard.accept(state.socket, bytes.byteLength)) return;
				// The frame goes along so a rejection can name its document; it is decoded only then,
				// not on every message.
				inSocketScope({ ...state.scope, frame: bytes }, () => state.connection.handleMessage(bytes));
			},
			close(peer, event) {
				const state = peers.get(peer);
				if (!state) return;
				guard.closed(state.socket);
				inSocketScope(state.scope, () => state.connection.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' }));
				peers.delete(peer);
			},
			error(peer, error) {
				logger.warn('collab.socket_error', { peer: peer.id, error: String(error) });
			}
		}
	});

	// Clients close a socket that stays silent (CLIENT_SILENCE_TIMEOUT_MS); an idle review must
	// not look like a dead server, and a dead or paused server must look like one.
	// Spread over slices: one send per socket in a single tick stalled a 2,000-socket server by
	// tens of milliseconds every beat (the capacity benchmark's p99); each socket keeps its slice,
	// so its pings stay exactly HEARTBEAT_MS apart.
	let beat = 0;
	const heartbeat = setInterval(() => {
		const slice = beat++ % HEARTBEAT_SLICES;
		for (const state of peers.values()) if (state.heartbeatSlice === slice) state.socket.send(PING_FRAME);
	}, HEARTBEAT_MS / HEARTBEAT_SLICES);
	heartbeat.unref();

	return {
		hocuspocus,
		/** Handles an upgrade on COLLAB_PATH; refuses foreign origins before any WebSocket exists. */
		handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
			if (!isAllowedOrigin(request, config.origin)) {
				logger.warn('collab.origin_refused', { origin: request.headers.origin ?? null, host: request.headers.host ?? null });
				socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
				return;
			}
			const admitted = guard.admit();
			if (!admitted) {
				logger.warn('collab.unauthenticated_limit', { address: request.socket.remoteAddress ?? null, limit: config.maxUnauthenticatedSockets });
				socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n');
				return;
			}
			// The open hook (which counts the socket) runs before this promise settles.
			ws.handleUpgrade(request, socket, head)
				.catch((error: unknown) => {
					logger.error('collab.upgrade_failed', { error: String(error) });
					socket.destroy();
				})
				.finally(admitted);
		},
		openDocuments: () => hocuspocus.getDocumentsCount(),
		connectionCount: () => hocuspocus.getConnectionsCount(),
		unauthenticatedSockets: () => guard.unauthenticatedCount(),
		preAuthBytes: () => guard.preAuthBytes(),
		/** Stores every open document and closes every socket (graceful shutdown). */
		async shutdown(closeCode: { code: number; reason: string }) {
			// Every acknowledged update is already in the durable log; storing here only compacts
			// it, so a shutdown that runs out of time still loses nothing.
			clearInterval(heartbeat);
			hocuspocus.flushPendingStores();
			detachLive();
			ws.closeAll(closeCode.code, closeCode.reason);
			hocuspocus.closeConnections();
			await waitFor(() => hocuspocus.getDocumentsCount() === 0, 5_000);
		}
	};
}

export type CollabServer = ReturnType<typeof createCollabServer>;

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!predicate() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
}
