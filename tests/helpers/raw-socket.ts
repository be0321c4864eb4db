// A hand-driven collaboration socket for hostile-input tests: it speaks the Hocuspocus wire
// format byte by byte (document name, message type, payload), so a test can send exactly the
// malformed or forged frames a real provider never would.
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { eventually } from './provider.ts';

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
	waitClosed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
	close(): void;
};

export async function openRawSocket(wsUrl: string, token: string | null): Promise<RawSocket> {
	const origin = wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
	const headers: Record<string, string> = { origin };
	if (token) headers.cookie = `psems_session=${token}`;
	const socket = new WebSocket(wsUrl, { headers });
	const raw: RawSocket = {
		socket,
		replies: [],
		closed: null,
		send(bytes) {
			if (socket.readyState === WebSocket.OPEN) socket.send(bytes);
		},
		async authenticate(documentName) {
			raw.send(authMessage(documentName));
			await eventually(
				() => raw.replies.some((r) => r.document === documentName && r.type === Wire.Auth && r.subtype === AuthReply.Authenticated),
				`authenticated for ${documentName}`
			);
		},
		async waitClosed(timeoutMs = 3_000) {
			await eventually(() => raw.closed !== null, 'socket closed', timeoutMs);
			return raw.closed!;
		},
		close() {
			socket.close();
		}
	};
	socket.on('message', (data: Buffer) => raw.replies.push(parseReply(new Uint8Array(data))));
	socket.on('close', (code: number, reason: Buffer) => (raw.closed = { code, reason: reason.toString() }));
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
