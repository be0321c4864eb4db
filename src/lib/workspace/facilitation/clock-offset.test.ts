import { describe, expect, it } from 'vitest';
import { clockOffset } from './clock-offset.ts';

describe('the server clock offset', () => {
	it('uses the quickest round trip and assumes the server answered half-way through it', () => {
		const offset = clockOffset([
			{ sentAt: 1_000, receivedAt: 1_400, serverNow: 6_000 },
			{ sentAt: 2_000, receivedAt: 2_020, serverNow: 7_010 },
			{ sentAt: 3_000, receivedAt: 3_300, serverNow: 8_100 }
		]);
		// Server time at receipt ≈ 7_010 + 10 = 7_020 while the client read 2_020.
		expect(offset).toBe(5_000);
	});

	it('is negative when the client clock runs ahead of the server', () => {
		expect(clockOffset([{ sentAt: 10_000, receivedAt: 10_100, serverNow: 4_050 }])).toBe(-6_000);
	});

	it('has no answer without a usable sample', () => {
		expect(clockOffset([])).toBeNull();
		expect(clockOffset([{ sentAt: 5, receivedAt: 1, serverNow: 3 }])).toBeNull();
	});
});
