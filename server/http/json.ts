// JSON answers of the HTTP endpoints as web-standard Responses, so server/ handlers and SvelteKit
// routes answer alike: a success is the endpoint's own body, an error is always
// { error: { code, message, field? } } with the status of src/lib/shared/error-contract.ts.
import type { AppError } from '../../src/lib/shared/result.ts';
import { errorBody, httpStatusOf } from '../../src/lib/shared/error-contract.ts';

/** Answers that must never be cached (a voter's own score, the room timer). */
export const NO_STORE = { 'cache-control': 'private, no-store' } as const;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

export function errorResponse(error: AppError, headers: Record<string, string> = {}): Response {
	return jsonResponse(httpStatusOf(error), errorBody(error), headers);
}
