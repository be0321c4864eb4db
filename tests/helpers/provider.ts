// Real HocuspocusProviders in Node, authenticating the way a browser does: with the session
// cookie and an Origin header on the WebSocket upgrade (the `ws` package lets us set both).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';

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
