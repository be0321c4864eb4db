// The socket guard's one hook into Hocuspocus (the guard itself, socket-guard.ts, sits below
// Hocuspocus on the crossws peer): once a connection is authenticated, Hocuspocus has drained the
// socket's pre-auth queue, so its bytes no longer count against the pre-auth budget.
import type { Extension, connectedPayload } from '@hocuspocus/server';
import type { SocketGuard } from './socket-guard.ts';

export function socketGuardExtension(guard: SocketGuard): Extension {
	return {
		extensionName: 'psems-socket-guard',
		async connected({ connection }: connectedPayload) {
			guard.authenticated(connection.webSocket);
		}
	};
}
