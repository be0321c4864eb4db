// A hand-driven collaboration socket for hostile-input tests: it speaks the Hocuspocus wire
// format byte by byte (document name, message type, payload), so a test can send exactly the
// malformed or forged frames a real provider never would.
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus message types and y-protocols sync steps used on the wire. */
export const Wire = { Sync: 0, Awareness: 1, Auth: 2, Close: 7, SyncStatus: 8, SyncStep1: 0, SyncStep2: 1, SyncUpdate: 2 } as const;
/** Second varUint of an Auth reply. */
export const AuthReply = { PermissionDenied: 1, Authenticated: 2 } as const;

/** `subtype` is the first varUint after the type (auth replies); `payload` is everything after the type. */
export type Reply = { document: string; type: number; subtype: number | null; payload: Uint8Array };

export type RawSocket = {
	socket: WebSocket;
	replies: Reply[];
	/** Set once the server (or we) closed the socket. */
	closed: { code: number; reason: string } | null;
	send(bytes: Uint8Array): void;
	/** Authenticates one document with the cookie of the upgrade; resolves on the Authenticated reply. */
	authenticate(documentName: string): Promise<void>;
	/** Resolves once `predicate` holds, checked on every reply and on the close (no polling). */
	until(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
	waitClosed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
	/**
	 * Resolves once the server has handled everything sent so far: a closed socket (or document) is
	 * done, and an open one gets a sync round trip on each document it authenticated (Hocuspocus
	 * handles one connection's messages in order). Frames for documents it never authenticated are
	 * never applied.
	 */
	settled(): Promise<void>;
	close(): void;
};

export async function openRawSocket(wsUrl: string, token: string | null, opts: { origin?: string } = {}): Promise<RawSocket> {
	const origin = opts.origin ?? wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
	const headers: Record<string, string> = { origin };
	if (token) headers.cookie = `psems_session=${token}`;
	const socket = new WebSocket(wsUrl, { headers });
	const authenticated = new Set<string>();
	const waiters = new Set<() => void>();
	const wake = () => {
		for (const waiter of [...waiters]) waiter();
	};
	const raw: RawSocket = {
		socket,
		replies: [],
		closed: null,
		send(bytes) {
			if (socket.readyState === WebSocket.OPEN) socket.send(bytes);
		},
		until(predicate, what, timeoutMs = 5_000) {
			return new Promise<void>((resolve, reject) => {
				const check = () => {
					if (!predicate()) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve();
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`Timed out: ${what}`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		async authenticate(documentName) {
			raw.send(authMessage(documentName));
			await raw.until(
				() => raw.replies.some((r) => r.document === documentName && r.type === Wire.Auth && r.subtype === AuthReply.Authenticated),
				`authenticated for ${documentName}`
			);
			authenticated.add(documentName);
		},
		async waitClosed(timeoutMs = 3_000) {
			await raw.until(() => raw.closed !== null, 'socket closed', timeoutMs);
			return raw.closed!;
		},
		async settled() {
			for (const documentName of authenticated) {
				if (raw.closed) return;
				// A document the server closed for this socket handles nothing more from it.
				if (raw.replies.some((r) => r.document === documentName && r.type === Wire.Close)) continue;
				const from = raw.replies.length;
				raw.send(syncStep1Message(documentName));
				await raw.until(
					() =>
						raw.closed !== null ||
						raw.replies.slice(from).some((r) => r.document === documentName && ((r.type === Wire.Sync && r.subtype === Wire.SyncStep2) || r.type === Wire.Close)),
					`sync round trip on ${documentName}`
				);
			}
		},
		close() {
			socket.close();
		}
	};
	socket.on('message', (data: Buffer) => {
		raw.replies.push(parseReply(new Uint8Array(data)));
		wake();
	});
	socket.on('close', (code: number, reason: Buffer) => {
		raw.closed = { code, reason: reason.toString() };
		wake();
	});
	// A socket the server tears down may also report an error; the close event records the outcome.
	socket.on('error', () => {});
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
	});
	return raw;
}

function parseReply(bytes: Uint8Array): Reply {
	const decoder = decoding.createDecoder(bytes);
	try {
		const document = decoding.readVarString(decoder);
		const type = decoding.readVarUint(decoder);
		const payload = bytes.slice(decoder.pos);
		const subtype = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null;
		return { document, type, subtype, payload };
	} catch {
		return { document: '', type: -1, subtype: null, payload: bytes };
	}
}

/** Document name, message type, then the payload written by `body`. */
export function frame(documentName: string, type: number, body: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, documentName);
	encoding.writeVarUint(encoder, type);
	body(encoder);
	return encoding.toUint8Array(encoder);
}

export function authMessage(documentName: string): Uint8Array {
	return frame(documentName, Wire.Auth, (e) => {
		encoding.writeVarUint(e, 0); // token
		encoding.writeVarString(e, 'cookie');
	});
}

/** Sync step 1 with an empty state vector: the server answers with step 2 (its whole state). */
export function syncStep1Message(documentName: string): Uint8Array {
	return frame(documentName, Wire.Sync, (e) => {
		encoding.writeVarUint(e, Wire.SyncStep1);
		encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
	});
}

/**
 * The HTTP status a WebSocket upgrade gets: 101 when it is accepted (the socket is closed again
 * at once), else the refusal's status (403 for a foreign Origin, 503 when full).
 */
export function upgradeStatus(wsUrl: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(wsUrl, { headers });
		socket.once('upgrade', () => resolve(101));
		socket.once('open', () => socket.close());
		socket.once('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			socket.terminate();
		});
		socket.on('error', (error) => reject(error));
	});
}

export function syncUpdateMessage(documentName: string, update: Uint8Array): Uint8Array {
	return frame(documentName, Wire.Sync, (e) => {
		encoding.writeVarUint(e, Wire.SyncUpdate);
		encoding.writeVarUint8Array(e, update);
	});
}

/** One awareness entry (client id, clock, JSON state), hand-encoded as y-protocols does. */
export function awarenessMessage(documentName: string, clientId: number, clock: number, state: unknown): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, 1);
	encoding.writeVarUint(inner, clientId);
	encoding.writeVarUint(inner, clock);
	encoding.writeVarString(inner, JSON.stringify(state));
	return frame(documentName, Wire.Awareness, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)));
}

/** The reason of a per-document Close message (Hocuspocus closes a document, not the socket). */
export function closeReason(reply: Reply): string {
	return decoding.readVarString(decoding.createDecoder(reply.payload));
}
