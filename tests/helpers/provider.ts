// Real HocuspocusProviders in Node, authenticating the way a browser does: with the session
// cookie and an Origin header on the WebSocket upgrade (the `ws` package lets us set both).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';

/** `socket` overrides the fast test backoff, e.g. with the app's RECONNECT_BACKOFF. */
export type ClientOptions = {
	url: string;
	name: string;
	token?: string | null;
	origin?: string | null;
	socket?: Partial<ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]>;
};

export type TestClient = {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	socket: HocuspocusProviderWebsocket;
	/** Resolves with the reason when the server refuses this document. */
	denied: Promise<string>;
	closes: Array<{ code: number; reason: string }>;
	destroy(): void;
};

function socketClass(headers: Record<string, string>) {
	return class extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

export function connectClient(opts: ClientOptions): TestClient {
	const origin = opts.origin === undefined ? new URL(opts.url).origin.replace(/^ws/, 'http') : opts.origin;
	const headers: Record<string, string> = {};
	if (origin) headers.origin = origin;
	if (opts.token) headers.cookie = `psems_session=${opts.token}`;
	const doc = new Y.Doc();
	const closes: Array<{ code: number; reason: string }> = [];
	let deny: (reason: string) => void = () => {};
	const denied = new Promise<string>((resolve) => (deny = resolve));
	const socket = new HocuspocusProviderWebsocket({
		url: opts.url,
		WebSocketPolyfill: socketClass(headers),
		delay: 50,
		maxDelay: 500,
		minDelay: 20,
		...opts.socket,
		onClose: ({ event }) => closes.push({ code: event.code, reason: String(event.reason ?? '') })
	});
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: opts.name,
		document: doc,
		token: 'cookie',
		onAuthenticationFailed: ({ reason }) => deny(reason)
	});
	// A provider given its own websocketProvider does not attach itself.
	provider.attach();
	return {
		doc,
		provider,
		socket,
		denied,
		closes,
		destroy() {
			// Destroyed mid-connect, the provider drops its listeners and closes the ws socket, which
			// then reports "closed before the connection was established" to no one: swallow that.
			(socket.webSocket as unknown as WebSocket | null)?.on('error', () => {});
			provider.destroy();
			socket.destroy();
			doc.destroy();
		}
	};
}

/** Waits until `predicate` holds, polling; fails with `message` after `timeoutMs`. */
export async function eventually(predicate: () => boolean, message: string, timeoutMs = 5_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > until) throw new Error(`Timed out: ${message}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

export async function synced(client: TestClient, timeoutMs = 5_000): Promise<void> {
	await eventually(() => client.provider.isSynced, `provider ${client.provider.configuration.name} synced`, timeoutMs);
}

/** Waits until the server has acknowledged every local change of this client. */
export async function acknowledged(client: TestClient, timeoutMs = 5_000): Promise<void> {
	await eventually(() => client.provider.isSynced && !client.provider.hasUnsyncedChanges, 'all changes acknowledged', timeoutMs);
}

/** Hocuspocus' SyncStatus message: the server's answer to each update it was sent. */
const SYNC_STATUS = 8;

/**
 * Makes `edit` on `client` and resolves with the server's answer to the update it sends: true
 * when applied, false when refused (a read-only connection). The provider counts only applied
 * answers, so this listens on the socket itself.
 */
export async function serverAnswer(client: TestClient, edit: () => void, timeoutMs = 5_000): Promise<boolean> {
	const name = client.provider.configuration.name;
	// The answer to the client's own sync step 2 can still be on its way after `synced`; waiting for
	// it first makes the next SyncStatus the answer to this edit (CI once read the earlier one).
	await acknowledged(client, timeoutMs);
	return new Promise<boolean>((resolve, reject) => {
		const onMessage = (event: MessageEvent) => {
			const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
			if (decoding.readVarString(decoder).split('\0')[0] !== name || decoding.readVarUint(decoder) !== SYNC_STATUS) return;
			done();
			resolve(decoding.readVarInt(decoder) === 1);
		};
		const timer = setTimeout(() => {
			done();
			reject(new Error(`Timed out: the server's answer to an update of ${name}`));
		}, timeoutMs);
		const done = () => {
			clearTimeout(timer);
			client.socket.off('message', onMessage);
		};
		client.socket.on('message', onMessage);
		edit();
	});
}
