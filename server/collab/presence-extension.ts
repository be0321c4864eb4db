// Presence cannot be spoofed: whatever a client claims, the server writes the authenticated
// user's id, name and role into its awareness state before anyone else sees it.
import type { Extension, beforeHandleAwarenessPayload } from '@hocuspocus/server';
import { colourFor } from '../../src/lib/shared/presence.ts';
import type { CollabContext } from './context.ts';

const MAX_SECTION_LENGTH = 64;

export function presenceExtension(): Extension {
	return {
		extensionName: 'psems-presence',
		async beforeHandleAwareness(data: beforeHandleAwarenessPayload) {
			const context = data.context as CollabContext | undefined;
			if (!context) return;
			for (const [clientId, state] of data.states) {
				if (state === null || typeof state !== 'object') continue;
				const section = typeof state.section === 'string' ? state.section.slice(0, MAX_SECTION_LENGTH) : undefined;
				data.states.set(clientId, {
					...state,
					section,
					user: { userId: context.userId, name: context.userName, role: context.role, color: colourFor(context.userId) }
				});
			}
		}
	};
}
