// How an AppError travels over HTTP, the same for every endpoint, page and form action:
// - the status comes from one map (HTTP_STATUS): JSON endpoints, error pages and form actions'
//   fail(status, …) all use it, so "not signed in" is 401 wherever it is said;
// - a JSON endpoint's error body is always { error: { code, message, field? } }.
// Browser code reads such a body with readErrorBody.
import type { AppError, AppErrorCode } from './result.ts';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
	invalid_input: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	expired: 410,
	conflict: 409,
	too_large: 413,
	throttled: 429,
	internal: 500
};

export function httpStatusOf(error: AppError): number {
	return HTTP_STATUS[error.code];
}

export type ErrorBody = { error: AppError };

export function errorBody(error: AppError): ErrorBody {
	return { error: error.field ? { code: error.code, message: error.message, field: error.field } : { code: error.code, message: error.message } };
}

/** The error of a JSON answer, or null when the body is not an error body. */
export function readErrorBody(body: unknown): AppError | null {
	if (typeof body !== 'object' || body === null || !('error' in body)) return null;
	const error = (body as { error: unknown }).error;
	if (typeof error !== 'object' || error === null) return null;
	const { code, message, field } = error as Record<string, unknown>;
	if (typeof code !== 'string' || typeof message !== 'string' || !(code in HTTP_STATUS)) return null;
	return { code: code as AppErrorCode, message, ...(typeof field === 'string' ? { field } : {}) };
}
