// Glue between form posts and the server's Result values: read the text fields, and turn an
// AppError into the status and per-field message a page shows next to the input.
import type { AppError, AppErrorCode } from '#lib/shared/result.ts';

export type FieldErrors = Record<string, string>;

const STATUS: Record<AppErrorCode, number> = {
	invalid_input: 400,
	unauthenticated: 400,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	throttled: 429,
	expired: 410,
	internal: 500
};

export function statusOf(error: AppError): number {
	return STATUS[error.code];
}

/** One message, filed under its field, or under "form" when it concerns the whole form. */
export function errorsOf(error: AppError): FieldErrors {
	return { [error.field ?? 'form']: error.message };
}

/** The named text fields of a post; a missing field or a file upload reads as ''. */
export function readForm<K extends string>(data: FormData, names: readonly K[]): Record<K, string> {
	const out = {} as Record<K, string>;
	for (const name of names) {
		const value = data.get(name);
		out[name] = typeof value === 'string' ? value : '';
	}
	return out;
}

/** A message about the whole form rather than one field. */
export function formError(message: string): FieldErrors {
	return { form: message };
}
