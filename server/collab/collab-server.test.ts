// The collaboration extensions run in the order they are listed (collab-server.ts): none sets a
// priority, so Hocuspocus keeps the list's order for every hook.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../tests/helpers/services.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { createCollabServer } from './collab-server.ts';

let services: TestServices;
afterEach(() => services.cleanup());

describe('the collaboration server', () => {
	it('runs its extensions in the listed order: auth, limits, durable log, socket guard, membership, presence', async () => {
		services = createTestServices();
		const collab = createCollabServer(services);
		try {
			const ours = collab.hocuspocus.configuration.extensions.filter((e) => e.extensionName?.startsWith('psems-'));
			expect(ours.map((e) => e.extensionName)).toEqual([
				'psems-auth',
				'psems-limits',
				'psems-durable-log',
				'psems-socket-guard',
				'psems-membership',
				'psems-presence'
			]);
			expect(ours.filter((e) => e.priority !== undefined)).toEqual([]);
		} finally {
			await collab.shutdown(CloseEvents.ServerShutdown);
		}
	});
});
