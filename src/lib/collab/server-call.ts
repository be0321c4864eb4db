// The browser's one way to call the app's JSON endpoints (blind scoring, the room timer). The
// server answers errors as `{ error: { code, message, field? } }`; the page shows the message as
// it is. A network failure says that nothing was recorded.
import { readErrorBody } from '#lib/shared/error-contract.ts';
import { fail, ok, type Result } from '#lib/shared/result.ts';
import { m } from '#lib/paraglide/messages.js';

type CallInit = { method: 'GET' } | { method: 'POST'; json: Record<string, unknown> } | { method: 'POST'; form: Record<string, string> };

/** Calls `url` and returns the reply's `key` member, or the server's sentence when it refuses. */
export async function callServer<T>(url: string, key: string, init: CallInit): Promise<Result<T>> {
	const headers: Record<string, string> = { accept: 'application/json' };
	let body: BodyInit | undefined;
	if ('json' in init) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(init.json);
	} else if ('form' in init) {
		// A form post keeps SvelteKit's cross-site check on the endpoint.
		body = new URLSearchParams(init.form);
	}
	let response: Response;
	try {
		response = await fetch(url, { method: init.method, headers, body, credentials: 'same-origin' });
	} catch {
		return fail('internal', m.room_server_unreachable());
	}
	const reply = (await response.json().catch(() => null)) as Record<string, unknown> | null;
	if (response.ok && reply && key in reply) return ok(reply[key] as T);
	const error = readErrorBody(reply);
	return error ? { ok: false, error } : fail('internal', m.room_server_refused({ status: response.status }));
}
