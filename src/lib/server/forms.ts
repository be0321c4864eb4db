// Glue between form posts and the server's Result values: read the text fields, and turn an
// AppError into the status (the one map of #lib/shared/error-contract.ts, as for JSON endpoints
// and error pages) and the per-field message a page shows next to the input.
import { error as errorPage } from '@sveltejs/kit';
import type { AppError } from '#lib/shared/result.ts';
import { httpStatusOf } from '#lib/shared/error-contract.ts';

export type FieldErrors = Record<string, string>;

/** The HTTP status of a service error: for fail(status, …) and error pages alike. */
export const statusOf = httpStatusOf;

/** A service error as an error page, with its status from the one map. */
export function failPage(err: AppError): never {
	errorPage(statusOf(err), err.message);
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
