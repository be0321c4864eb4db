// The collaboration server: Hocuspocus with our extensions, reached through crossws on the
// http server's `upgrade` event for /collab. Extensions run in one ordered list (by priority):
// limits, auth, durable log, then membership and presence.
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

export const COLLAB_PATH = '/collab';

type PeerState = { connection?: ReturnType<Hocuspocus['handleConnection']> };

export function createCollabServer(services: Services) {
	const { config, logger } = services;
	const hocuspocus = new Hocuspocus({
		name: 'psems',
		quiet: true,
		// Unauthenticated sockets are dropped after this long without a pong/auth.
		timeout: 30_000,
		debounce: 2_000,
		maxDebounce: 10_000,
		// The durable log must append before any broadcast: a synchronous flush (which
		// Hocuspocus does for batches >= flushMaxBytes) would broadcast before our listener.
		flushMaxBytes: Number.MAX_SAFE_INTEGER,
		maxUnauthenticatedQueueSize: 2 * 1024 * 1024,
		extensions: [
			limitsExtension(
				{ maxUpdateBytes: config.maxUpdateBytes, maxConnectionsPerReview: config.maxConnectionsPerReview },
				logger
			),
			authExtension(services),
			durableLogExtension({ documents: services.repos.documents, logger }),
			membershipExtension(services.membership, logger),
			presenceExtension()
		]
	});

	// A freeze reads open documents here, so it captures every acknowledged edit.
	const detachLive = services.liveDocuments.attach({
		get: (name) => hocuspocus.documents.get(name) ?? null,
		async write(name, change) {
			const connection = await hocuspocus.openDirectConnection(name, { serverWrite: true });
			try {
				await connection.transact((doc) => change(doc));
			} finally {
				await connection.disconnect();
			}
		}
	});

	const peers = new WeakMap<object, PeerState>();
	const ws = crossws({
		serverOptions: { maxPayload: config.maxFrameBytes },
		hooks: {
			open(peer) {
				peers.set(peer, {
					connection: hocuspocus.handleConnection(peer.websocket as never, peer.request as Request)
				});
			},
			message(peer, message) {
				peers.get(peer)?.connection?.handleMessage(message.uint8Array());
			},
			close(peer, event) {
				peers.get(peer)?.connection?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
				peers.delete(peer);
			},
			error(peer, error) {
				logger.warn('collab.socket_error', { peer: peer.id, error: String(error) });
			}
		}
	});

	return {
		hocuspocus,
		/** Handles an upgrade on COLLAB_PATH; refuses foreign origins before any WebSocket exists. */
		handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
			if (!isAllowedOrigin(request, config.origin)) {
				logger.warn('collab.origin_refused', { origin: request.headers.origin ?? null, host: request.headers.host ?? null });
				socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
				return;
			}
			ws.handleUpgrade(request, socket, head).catch((error: unknown) => {
				logger.error('collab.upgrade_failed', { error: String(error) });
				socket.destroy();
			});
		},
		openDocuments: () => hocuspocus.getDocumentsCount(),
		connectionCount: () => hocuspocus.getConnectionsCount(),
		/** Stores every open document and closes every socket (graceful shutdown). */
		async shutdown(closeCode: { code: number; reason: string }) {
			// Every acknowledged update is already in the durable log; storing here only compacts
			// it, so a shutdown that runs out of time still loses nothing.
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
