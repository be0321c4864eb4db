import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect.ts';

describe('safeRedirectPath', () => {
	it('keeps a path on this site with its query', () => {
		expect(safeRedirectPath('/invite/abc?x=1')).toBe('/invite/abc?x=1');
	});

	it('falls back to the home page when nothing is given', () => {
		expect(safeRedirectPath(null)).toBe('/');
		expect(safeRedirectPath('')).toBe('/');
	});

	it('refuses other sites, however the address is disguised', () => {
		for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', 'evil', 'javascript:alert(1)']) {
			expect(safeRedirectPath(value)).toBe('/');
		}
	});
});
