import { describe, it, expect } from 'vitest';
import { frameworkRef, parseFrameworkRef } from './ref.ts';

describe('framework refs', () => {
	it('round-trips an id and version through one form value', () => {
		expect(frameworkRef('psems-gap', '1.0')).toBe('psems-gap@1.0');
		expect(parseFrameworkRef('psems-gap@1.0')).toEqual({ id: 'psems-gap', version: '1.0' });
	});

	it('returns null for a value that is not shaped like id@major.minor', () => {
		const bad = ['psems-gap', 'psems-gap@', '@1.0', 'psems-gap@1', 'psems-gap@1.0@2.0', 'PSeMS@1.0', ' psems-gap@1.0'];
		for (const value of [...bad, 42, null]) expect(parseFrameworkRef(value)).toBeNull();
	});
});
