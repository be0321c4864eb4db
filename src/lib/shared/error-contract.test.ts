import { describe, expect, it } from 'vitest';
import { errorBody, httpStatusOf, readErrorBody } from './error-contract.ts';

describe('the one error contract', () => {
	it('maps each error code to one status, with not signed in as 401', () => {
		expect(httpStatusOf({ code: 'unauthenticated', message: 'Sign in.' })).toBe(401);
		expect(httpStatusOf({ code: 'invalid_input', message: 'x' })).toBe(400);
		expect(httpStatusOf({ code: 'forbidden', message: 'x' })).toBe(403);
		expect(httpStatusOf({ code: 'not_found', message: 'x' })).toBe(404);
		expect(httpStatusOf({ code: 'conflict', message: 'x' })).toBe(409);
		expect(httpStatusOf({ code: 'too_large', message: 'x' })).toBe(413);
		expect(httpStatusOf({ code: 'internal', message: 'x' })).toBe(500);
	});

	it('writes an error body that reads back as the same error, with or without a field', () => {
		const withField = { code: 'invalid_input', message: 'Choose a level from 0 to 5.', field: 'score' } as const;
		expect(errorBody(withField)).toEqual({ error: withField });
		expect(readErrorBody(JSON.parse(JSON.stringify(errorBody(withField))))).toEqual(withField);
		expect(readErrorBody(errorBody({ code: 'forbidden', message: 'No.' }))).toEqual({ code: 'forbidden', message: 'No.' });
	});

	it('reads anything else as no error body', () => {
		for (const body of [null, 'text', { message: 'bare' }, { error: 'x' }, { error: { code: 'teapot', message: 'x' } }]) {
			expect(readErrorBody(body)).toBeNull();
		}
	});
});
