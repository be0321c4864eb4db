// Errors are values with stable codes (STYLE.md habit 4). Server operations return these and
// routes map them to one kind of user-facing message.
import { m } from '../paraglide/messages.js';
export type AppErrorCode =
	| 'invalid_input'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'throttled'
	| 'expired'
	/** An upload over its size limit (issue 15). */
	| 'too_large'
	| 'internal';

export type AppError = { code: AppErrorCode; message: string; field?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
	return { ok: true, value };
}

export function fail(code: AppErrorCode, message: string, field?: string): { ok: false; error: AppError } {
	return { ok: false, error: field ? { code, message, field } : { code, message } };
}

/** The one place a caught unknown becomes an AppError; never leaks a stack to the user. */
export function toError(cause: unknown): AppError {
	if (isAppError(cause)) return cause;
	return { code: 'internal', message: m.pages_error_internal() };
}

export function isAppError(value: unknown): value is AppError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as AppError).code === 'string' &&
		typeof (value as AppError).message === 'string'
	);
}
