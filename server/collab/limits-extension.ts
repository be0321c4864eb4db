// Size caps and the per-review connection cap. A message over the cap is dropped by closing
// that connection with a code the UI explains; every other connection keeps working.
import type { Extension, afterHandleMessagePayload, beforeHandleMessagePayload, onAuthenticatePayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { parseDocumentName } from '../../src/lib/shared/document-names.ts';
import type { Logger } from '../logger.ts';
import { AccessDenied } from './auth-extension.ts';
import { loggedError } from './hocuspocus-log.ts';

export type Limits = { maxUpdateBytes: number; maxConnectionsPerReview: number; maxPendingUpdateBytes: number };

/** Counts authenticated connections per review across both of its documents. */
function connectionsOfReview(data: onAuthenticatePayload, reviewId: string): number {
	let count = 0;
	for (const [name, document] of data.instance.documents) {
		if (parseDocumentName(name)?.reviewId === reviewId) count += document.getConnectionsCount();
	}
	return count;
}

export function limitsExtension(limits: Limits, logger: Logger): Extension {
	/** Pending bytes after the last message, so only a message that adds to them is logged. */
	const pendingSeen = new WeakMap<Y.Doc, number>();
	return {
		extensionName: 'psems-limits',
		async onAuthenticate(data: onAuthenticatePayload) {
			const parsed = parseDocumentName(data.documentName);
			if (parsed && connectionsOfReview(data, parsed.reviewId) >= limits.maxConnectionsPerReview) {
				logger.warn('collab.review_full', { document: data.documentName, limit: limits.maxConnectionsPerReview });
				throw new AccessDenied(CloseEvents.ReviewFull.reason);
			}
		},
		async beforeHandleMessage(data: beforeHandleMessagePayload) {
			if (data.update.byteLength > limits.maxUpdateBytes) {
				logger.warn('collab.message_too_large', {
					document: data.documentName,
					socket: data.socketId,
					bytes: data.update.byteLength,
					limit: limits.maxUpdateBytes
				});
				// Close the socket itself with our code, so the provider (and the UI) can say why;
				// throwing alone only closes the document with a generic code 1000.
				data.connection.webSocket.close(CloseEvents.MessageTooLarge.code, CloseEvents.MessageTooLarge.reason);
				throw loggedError(Object.assign(new Error('message too large'), CloseEvents.MessageTooLarge));
			}
		},
		async afterHandleMessage(data: afterHandleMessagePayload) {
			// Yjs keeps structs whose dependencies it has not seen ("pending"), across messages and
			// without a bound. A real provider never sends those (it diffs against the server's
			// state vector); past the cap they are dropped and the sender is closed. Pending structs
			// were never integrated, acknowledged as content, or written to the durable log.
			const bytes = pendingBytes(data.document);
			const before = pendingSeen.get(data.document) ?? 0;
			pendingSeen.set(data.document, bytes);
			if (bytes <= limits.maxPendingUpdateBytes) {
				if (bytes > before) logger.info('collab.update_held', { document: data.documentName, socket: data.socketId, pendingBytes: bytes });
				return;
			}
			pendingSeen.set(data.document, 0);
			logger.warn('collab.pending_dropped', {
				document: data.documentName,
				socket: data.socketId,
				bytes,
				limit: limits.maxPendingUpdateBytes
			});
			data.document.store.pendingStructs = null;
			data.document.store.pendingDs = null;
			data.connection.webSocket.close(CloseEvents.UpdateRejected.code, CloseEvents.UpdateRejected.reason);
		}
	};
}

function pendingBytes(doc: Y.Doc): number {
	return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}
