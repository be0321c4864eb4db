// The collaboration limits are configuration with validation: defaults, overrides, and a clear
// refusal of values that would disable a bound.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

describe('collaboration limits in the configuration', () => {
	it('has defaults for the timeout and every bound', () => {
		const config = loadConfig({});
		expect(config.collabTimeoutMs).toBe(30_000);
		expect(config.maxSendBufferBytes).toBe(16 * 1024 * 1024);
		expect(config.maxPendingUpdateBytes).toBe(1024 * 1024);
		expect(config.maxPreAuthBytes).toBe(64 * 1024 * 1024);
		expect(config.maxUnauthenticatedSockets).toBe(1_000);
	});

	it('reads overrides from the environment', () => {
		const config = loadConfig({ COLLAB_TIMEOUT_MS: '5000', MAX_SEND_BUFFER_BYTES: '1048576', MAX_UNAUTHENTICATED_SOCKETS: '20' });
		expect(config.collabTimeoutMs).toBe(5_000);
		expect(config.maxSendBufferBytes).toBe(1_048_576);
		expect(config.maxUnauthenticatedSockets).toBe(20);
	});

	it.each([
		['COLLAB_TIMEOUT_MS', '0'],
		['COLLAB_TIMEOUT_MS', '999'],
		['COLLAB_TIMEOUT_MS', '600001'],
		['COLLAB_TIMEOUT_MS', 'soon'],
		['MAX_SEND_BUFFER_BYTES', '1024'],
		['MAX_PENDING_UPDATE_BYTES', '-1'],
		['MAX_PREAUTH_BYTES', '10'],
		['MAX_UNAUTHENTICATED_SOCKETS', '0']
	])('refuses %s=%s, naming the variable', (name, value) => {
		expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration: ${name}`));
	});
});
