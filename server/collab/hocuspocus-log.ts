// Hocuspocus reports a rejected message with console.error and a full stack trace (and a hook
// error once per remaining extension). A workshop's log must show one JSON line per rejected
// input, naming the socket and document. Every call into Hocuspocus for a socket runs inside an
// AsyncLocalStorage scope; console.error/console.warn issued within that scope (including the
// async message processing it starts) become one `collab.input_rejected` warn line through our
// logger. Console output outside any socket scope is left alone.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.ts';

/** frame: the message being handled, if any; its document name is read only when a line is logged. */
export type SocketScope = { logger: Logger; socket: string; address: string | null; frame?: Uint8Array };

const scope = new AsyncLocalStorage<SocketScope>();
/** Errors our own code already logged before throwing them into Hocuspocus. */
const alreadyLogged = new WeakSet<object>();
let installed = false;

/** Runs `fn` (a call into Hocuspocus for one socket) so its console output is routed. */
export function inSocketScope<T>(socketScope: SocketScope, fn: () => T): T {
	install();
	return scope.run(socketScope, fn);
}

/** Marks an error we log ourselves, so Hocuspocus re-reporting it adds no second line. */
export function loggedError<E extends Error>(error: E): E {
	alreadyLogged.add(error);
	return error;
}

function install() {
	if (installed) return;
	installed = true;
	const original = { error: console.error.bind(console), warn: console.warn.bind(console) };
	for (const level of ['error', 'warn'] as const) {
		console[level] = (...args: unknown[]) => {
			const current = scope.getStore();
			if (!current) return original[level](...args);
			route(current, args);
		};
	}
}

function route(current: SocketScope, args: unknown[]) {
	const text = typeof args[0] === 'string' ? args[0] : '';
	// `[hookName] message`: a hook rejected; the place that rejected it (or the catch that closes
	// the connection) logs it, so this echo would be a duplicate line.
	if (/^\[[A-Za-z]+\]$/.test(text)) return;
	const error = args.find((a): a is Error => a instanceof Error);
	if (error && alreadyLogged.has(error)) return;
	const fields = {
		socket: current.socket,
		address: current.address,
		document: documentIn(text) ?? (current.frame ? documentNameOf(current.frame) : undefined) ?? null,
		reason: [text, error ? error.message : typeof args[0] === 'string' ? '' : String(args[0])].filter(Boolean).join(': ').slice(0, 500),
		// One frame is enough to tell a malformed frame from a server bug, and keeps one line.
		at: error?.stack?.split('\n')[1]?.trim() ?? null
	};
	// A failed store is a server fault, not bad input: it must stand out.
	if (text.startsWith('Caught error during storeDocumentHooks')) current.logger.error('collab.store_failed', fields);
	else current.logger.warn('collab.input_rejected', fields);
}

function documentIn(text: string): string | null {
	return /\(while handling ([^)]+)\)/.exec(text)?.[1] ?? /for "([^"]+)"/.exec(text)?.[1] ?? null;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The leading varString of a Hocuspocus frame (lib0 encoding), or undefined if malformed. */
function documentNameOf(bytes: Uint8Array): string | undefined {
	let length = 0;
	let pos = 0;
	for (let shift = 1; pos < Math.min(bytes.length, 4); shift *= 128) {
		const byte = bytes[pos++];
		length += (byte & 0x7f) * shift;
		if (byte < 0x80) {
			if (pos + length > bytes.length) return undefined;
			return utf8.decode(bytes.subarray(pos, pos + length)).split('\0')[0];
		}
	}
	return undefined;
}
