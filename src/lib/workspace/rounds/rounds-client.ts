// The browser's calls to the blind scoring endpoints (src/routes/reviews/[id]/rounds). Errors come
// back as one sentence for the user; a network failure says that nothing was recorded.
import type { PublicRound } from '#lib/shared/documents/rounds.ts';

export type MyVote = { score: number; comment: string };
export type RoundReply<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

const OFFLINE = 'The server could not be reached, so nothing was recorded. Check the connection and try again.';

export function roundUrls(reviewId: string) {
	const base = `/reviews/${encodeURIComponent(reviewId)}/rounds`;
	return {
		open: base,
		vote: (roundId: string) => `${base}/${encodeURIComponent(roundId)}/vote`,
		reveal: (roundId: string) => `${base}/${encodeURIComponent(roundId)}/reveal`,
		cancel: (roundId: string) => `${base}/${encodeURIComponent(roundId)}/cancel`
	};
}

async function call<T>(url: string, key: 'round' | 'mine', init: RequestInit): Promise<RoundReply<T>> {
	let response: Response;
	try {
		response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers }, credentials: 'same-origin' });
	} catch {
		return { ok: false, message: OFFLINE };
	}
	const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
	if (response.ok && body && key in body) return { ok: true, value: body[key] as T };
	// Errors come as { error: { code, message, field? } }; the bare { message } is read as well.
	const error = (typeof body?.error === 'object' && body.error !== null ? body.error : body) as Record<string, unknown> | null;
	const message = typeof error?.message === 'string' ? error.message : `The server refused this (${response.status}).`;
	return { ok: false, message, ...(typeof error?.field === 'string' ? { field: error.field } : {}) };
}

export function postRound<T extends 'round' | 'mine'>(url: string, key: T, body: Record<string, unknown> = {}) {
	return call<T extends 'round' ? PublicRound : MyVote>(url, key, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

export function fetchMyVote(url: string): Promise<RoundReply<MyVote | null>> {
	return call<MyVote | null>(url, 'mine', { method: 'GET' });
}
