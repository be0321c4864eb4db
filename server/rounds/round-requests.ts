// The HTTP side of blind scoring, as web-standard Request -> Response, so the SvelteKit routes
// under src/routes/reviews/[id]/rounds stay one line each and integration tests can send the very
// same requests without a page build. Every answer is JSON (errors in the one error contract,
// server/http/json.ts) and never cached: a voter's own score is the only vote value that ever
// leaves the server, and only to that voter.
import type * as z from 'zod';
import type { AppError, Result } from '../../src/lib/shared/result.ts';
import { toError } from '../../src/lib/shared/result.ts';
import { OpenRoundInput, VoteInput } from './round-inputs.ts';
import type { PublishedRounds } from './rounds-service.ts';
import type { Logger } from '../logger.ts';
import { errorResponse, jsonResponse, NO_STORE } from '../http/json.ts';
import { m } from '../../src/lib/paraglide/messages.js';

export type RoundAction = 'open' | 'vote' | 'my_vote' | 'reveal' | 'cancel';
export type RoundTarget = { action: RoundAction; reviewId: string; roundId?: string };
type Deps = { rounds: PublishedRounds; config: { origin: string | null }; logger: Pick<Logger, 'error'> };

function failure(error: AppError): Response {
	return errorResponse(error, NO_STORE);
}

function answer<T>(result: Result<T>, key: 'round' | 'mine'): Response {
	return result.ok ? jsonResponse(200, { [key]: result.value }, NO_STORE) : failure(result.error);
}

/** DESIGN.md §6: state-changing JSON endpoints check Origin themselves (SvelteKit only checks forms). */
function sameOrigin(request: Request, configured: string | null): boolean {
	const origin = request.headers.get('origin');
	return origin !== null && origin === (configured ?? new URL(request.url).origin);
}

async function readBody(request: Request): Promise<Record<string, unknown> | null> {
	const type = request.headers.get('content-type') ?? '';
	try {
		if (type.startsWith('application/json')) {
			const body: unknown = await request.json();
			return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
		}
		if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
			const form = await request.formData();
			return Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
		}
		return {};
	} catch {
		return null;
	}
}

function parse<T>(schema: z.ZodType<T>, body: Record<string, unknown>): Result<T> {
	const parsed = schema.safeParse(body);
	if (parsed.success) return { ok: true, value: parsed.data };
	const issue = parsed.error.issues[0];
	const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
	return { ok: false, error: { code: 'invalid_input', message: issue?.message ?? m.grid_err_request_invalid(), ...(field ? { field } : {}) } };
}

export async function handleRoundRequest(deps: Deps, user: { id: string } | null, target: RoundTarget, request: Request): Promise<Response> {
	if (!user) return failure({ code: 'unauthenticated', message: m.grid_err_sign_in_rounds() });
	try {
		if (target.action === 'my_vote') return answer(await deps.rounds.myVote(user, target.reviewId, target.roundId ?? ''), 'mine');
		if (request.method !== 'POST') return failure({ code: 'invalid_input', message: m.grid_err_post() });
		if (!sameOrigin(request, deps.config.origin)) {
			return failure({ code: 'forbidden', message: m.grid_err_other_site() });
		}
		const body = await readBody(request);
		if (body === null) return failure({ code: 'invalid_input', message: m.grid_err_bad_body() });
		const roundId = target.roundId ?? '';
		switch (target.action) {
			case 'open': {
				const input = parse(OpenRoundInput, body);
				return input.ok ? answer(await deps.rounds.open(user, target.reviewId, input.value.elementCode), 'round') : failure(input.error);
			}
			case 'vote': {
				const input = parse(VoteInput, body);
				return input.ok ? answer(await deps.rounds.vote(user, target.reviewId, roundId, input.value), 'mine') : failure(input.error);
			}
			case 'reveal':
				return answer(await deps.rounds.reveal(user, target.reviewId, roundId), 'round');
			case 'cancel':
				return answer(await deps.rounds.cancel(user, target.reviewId, roundId), 'round');
		}
	} catch (cause) {
		deps.logger.error('rounds.request_failed', { action: target.action, review: target.reviewId, error: String(cause) });
		return failure(toError(cause));
	}
}
