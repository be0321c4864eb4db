// Decides who may open which document and whether they may write. Runs for every document on
// every connection (Hocuspocus calls onAuthenticate per document, token or not): the session
// cookie of the upgrade request is the credential; the token the provider sends is ignored.
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { parseDocumentName } from '../../src/lib/shared/document-names.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { documentAccess } from '../auth/policy.ts';
import { sessionTokenFromCookieHeader } from '../auth/sessions.ts';
import type { Services } from '../services.ts';
import type { CollabContext } from './context.ts';

/** A denial Hocuspocus turns into a permission-denied message carrying `reason`. */
export class AccessDenied extends Error {
	readonly reason: string;
	constructor(reason: string) {
		super(reason);
		this.reason = reason;
	}
}

export function authExtension(services: Services): Extension {
	return {
		extensionName: 'psems-auth',
		async onAuthenticate(data: onAuthenticatePayload): Promise<CollabContext> {
			const log = (reason: string, extra: Record<string, unknown> = {}) =>
				services.logger.warn('collab.denied', { document: data.documentName, socket: data.socketId, reason, ...extra });
			const parsed = parseDocumentName(data.documentName);
			if (!parsed) {
				log('unknown_document');
				throw new AccessDenied('No such review document.');
			}
			const session = await services.sessions.validate(sessionTokenFromCookieHeader(data.requestHeaders.get('cookie')));
			if (!session) {
				log('no_session');
				throw new AccessDenied(CloseEvents.Unauthorized.reason);
			}
			const role = await services.reviews.roleOf(parsed.reviewId, session.user.id);
			const access = documentAccess(role, parsed.kind);
			if (access === 'none' || role === null) {
				log('not_a_participant', { user: session.user.id });
				throw new AccessDenied(CloseEvents.Forbidden.reason);
			}
			data.connectionConfig.readOnly = access === 'read';
			return {
				userId: session.user.id,
				userName: session.user.name,
				role,
				reviewId: parsed.reviewId,
				documentKind: parsed.kind,
				sessionId: session.sessionId
			};
		}
	};
}
