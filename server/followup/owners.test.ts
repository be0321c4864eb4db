import { describe, expect, it } from 'vitest';
import { matchOwner } from './owners.ts';

const people = [
	{ userId: 'hana', name: 'Hana Harbour', email: 'hana@port.example' },
	{ userId: 'ivan', name: 'Ivan IT', email: 'ivan@port.example' },
	{ userId: 'sam1', name: 'Sam Smith', email: 'sam1@port.example' },
	{ userId: 'sam2', name: 'Sam Smith', email: 'sam2@port.example' }
];

describe('matching a plan owner to an account', () => {
	it('matches an email address or a name, ignoring case and spaces', () => {
		expect(matchOwner(' HANA@port.example ', people)?.userId).toBe('hana');
		expect(matchOwner('ivan it', people)?.userId).toBe('ivan');
	});

	it('names nobody for a role, an empty owner or a name two people share', () => {
		expect(matchOwner('Harbour master', people)).toBeNull();
		expect(matchOwner('  ', people)).toBeNull();
		expect(matchOwner('Sam Smith', people)).toBeNull();
		expect(matchOwner('sam2@port.example', people)?.userId).toBe('sam2');
	});
});
