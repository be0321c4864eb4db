// Size caps and the per-review connection cap. A message over the cap is dropped by closing
// that connection with a code the UI explains; every other connection keeps working.
import type { Extension, beforeHandleMessagePayload, onAuthenticatePayload } from '@hocuspocus/server';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { parseDocumentName } from '../../src/lib/shared/document-names.ts';
import type { Logger } from '../logger.ts';
import { AccessDenied } from './auth-extension.ts';

export type Limits = { maxUpdateBytes: number; maxConnectionsPerReview: number };

/** Counts authenticated connections per review across both of its documents. */
function connectionsOfReview(data: onAuthenticatePayload, reviewId: string): number {
	let count = 0;
	for (const [name, document] of data.instance.documents) {
		if (parseDocumentName(name)?.reviewId === reviewId) count += document.getConnectionsCount();
	}
	return count;
}

export function limitsExtension(limits: Limits, logger: Logger): Extension {
	return {
		extensionName: 'psems-limits',
		priority: 950,
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
				throw Object.assign(new Error('message too large'), CloseEvents.MessageTooLarge);
			}
		}
	};
}
