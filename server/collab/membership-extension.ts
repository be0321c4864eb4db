// Applies participant changes to open connections at once: the user's sockets on that review
// are closed with a reason the UI shows; the provider reconnects and authenticates again, now
// with the new rights (or is refused, if removed).
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import type { MembershipEvents } from '../reviews/membership-events.ts';
import type { Logger } from '../logger.ts';
import type { CollabContext } from './context.ts';

export function membershipExtension(events: MembershipEvents, logger: Logger): Extension {
	let unsubscribe: (() => void) | null = null;
	return {
		extensionName: 'psems-membership',
		async onConfigure({ instance }: { instance: Hocuspocus }) {
			unsubscribe = events.subscribe((change) => {
				const close =
					change.type === 'account_closed'
						? change.reason === 'deactivated'
							? CloseEvents.Deactivated
							: CloseEvents.SignedOutEverywhere
						: change.type === 'removed'
							? CloseEvents.Removed
							: CloseEvents.RoleChanged;
				let closed = 0;
				// A closed account loses every document it has open; a review change only that review's two.
				const names =
					change.type === 'account_closed'
						? [...instance.documents.keys()]
						: [workspaceDocumentName(change.reviewId), reviewerDocumentName(change.reviewId)];
				for (const name of names) {
					const document = instance.documents.get(name);
					if (!document) continue;
					for (const connection of document.getConnections()) {
						if ((connection.context as CollabContext).userId !== change.userId) continue;
						// Closing the socket (not only the document) makes the provider reconnect
						// and run onAuthenticate again with the new role.
						connection.webSocket.close(close.code, close.reason);
						closed++;
					}
				}
				if (closed > 0) logger.info('collab.membership_applied', { ...change, closed });
			});
		},
		async onDestroy() {
			unsubscribe?.();
		}
	};
}
