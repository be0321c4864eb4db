// Bounds what one socket can make the server hold in memory, below Hocuspocus:
// - slow readers: a client that stops reading lets the server's send buffer grow with every
//   broadcast; past maxSendBufferBytes the socket is closed (SlowConnection) and, if the client
//   does not even read the close frame, destroyed shortly after.
// - pre-auth floods: everything unauthenticated sockets send is queued by Hocuspocus until
//   authentication; all such sockets together may queue at most maxPreAuthBytes, and at most
//   maxUnauthenticatedSockets may be open at once (further upgrades get 503).
import type { WebSocketLike } from '@hocuspocus/server';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import type { Logger } from '../logger.ts';

export type SocketLimits = { maxSendBufferBytes: number; maxPreAuthBytes: number; maxUnauthenticatedSockets: number };

/** The parts of a crossws peer the guard needs. */
export type GuardedPeer = {
	id: string;
	readonly bufferedAmount: number;
	websocket: { readonly readyState?: number };
	send(data: Uint8Array): unknown;
	close(code?: number, reason?: string): void;
	terminate(): void;
};

type SocketState = { peer: GuardedPeer; authenticated: boolean; preAuthBytes: number; closing: boolean };

/** How long a closed slow reader may take to read its close frame before it is destroyed. */
const DESTROY_AFTER_MS = 5_000;

export function createSocketGuard(limits: SocketLimits, logger: Logger) {
	const states = new WeakMap<WebSocketLike, SocketState>();
	let unauthenticated = 0;
	let upgrading = 0;
	let preAuthBytes = 0;

	function release(state: SocketState) {
		if (state.authenticated) return;
		state.authenticated = true;
		unauthenticated--;
		preAuthBytes -= state.preAuthBytes;
		state.preAuthBytes = 0;
	}

	function shut(state: SocketState, event: { code: number; reason: string }) {
		if (state.closing) return;
		state.closing = true;
		state.peer.close(event.code, event.reason);
		setTimeout(() => state.peer.terminate(), DESTROY_AFTER_MS).unref();
	}

	return {
		/**
		 * Reserves a place for one more not-yet-authenticated socket during its upgrade (upgrades
		 * overlap, so counting only open sockets would let a burst past the cap). Null when full;
		 * otherwise call the result once the upgrade has finished (opened or failed).
		 */
		admit(): (() => void) | null {
			if (unauthenticated + upgrading >= limits.maxUnauthenticatedSockets) return null;
			upgrading++;
			let released = false;
			return () => {
				if (!released) upgrading--;
				released = true;
			};
		},
		unauthenticatedCount: () => unauthenticated,
		preAuthBytes: () => preAuthBytes,

		/** The socket Hocuspocus writes to: every send checks what the client has not read yet. */
		wrap(peer: GuardedPeer): WebSocketLike {
			const state: SocketState = { peer, authenticated: false, preAuthBytes: 0, closing: false };
			unauthenticated++;
			const socket: WebSocketLike = {
				get readyState() {
					return state.closing ? 2 : (peer.websocket.readyState ?? 3);
				},
				send(data) {
					if (state.closing || peer.websocket.readyState !== 1) return;
					peer.send(data as Uint8Array);
					if (peer.bufferedAmount > limits.maxSendBufferBytes) {
						logger.warn('collab.slow_reader_closed', { socket: peer.id, buffered: peer.bufferedAmount, limit: limits.maxSendBufferBytes });
						shut(state, CloseEvents.SlowConnection);
					}
				},
				close(code, reason) {
					if (state.closing) return;
					state.closing = true;
					peer.close(code, reason);
				}
			};
			states.set(socket, state);
			return socket;
		},

		/** Counts an incoming message; false when the socket was closed for exceeding the pre-auth budget. */
		accept(socket: WebSocketLike, bytes: number): boolean {
			const state = states.get(socket);
			if (!state || state.authenticated) return true;
			if (preAuthBytes + bytes > limits.maxPreAuthBytes) {
				logger.warn('collab.preauth_budget_exceeded', { socket: state.peer.id, queued: preAuthBytes, limit: limits.maxPreAuthBytes });
				release(state);
				shut(state, { code: 1008, reason: 'Authenticate first.' });
				return false;
			}
			state.preAuthBytes += bytes;
			preAuthBytes += bytes;
			return true;
		},

		/** Hocuspocus authenticated a document on this socket: its queue is drained. */
		authenticated(socket: WebSocketLike) {
			const state = states.get(socket);
			if (state) release(state);
		},

		closed(socket: WebSocketLike) {
			const state = states.get(socket);
			if (!state) return;
			release(state);
			state.closing = true;
		}
	};
}

export type SocketGuard = ReturnType<typeof createSocketGuard>;
