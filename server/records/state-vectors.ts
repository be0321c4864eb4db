// "Your last changes have not reached the server yet": a client's state vector names, per Yjs
// client id, how many operations it has; if any count exceeds the server's, the server lacks
// some of them. (Deletions do not advance a state vector, so the page also waits for its
// provider to report nothing unsynced before offering the freeze.)
import * as Y from 'yjs';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** null when the text is not a decodable state vector. */
export function decodeClientStateVector(base64: string): Map<number, number> | null {
	if (base64.length > 1_000_000 || base64.length % 4 !== 0 || !BASE64.test(base64)) return null;
	try {
		return Y.decodeStateVector(new Uint8Array(Buffer.from(base64, 'base64')));
	} catch {
		return null;
	}
}

export function clientIsAhead(client: Map<number, number>, server: Y.Doc): boolean {
	const known = Y.decodeStateVector(Y.encodeStateVector(server));
	for (const [clientId, clock] of client) {
		if (clock > (known.get(clientId) ?? 0)) return true;
	}
	return false;
}

export function encodeStateVectorBase64(doc: Y.Doc): string {
	return Buffer.from(Y.encodeStateVector(doc)).toString('base64');
}
