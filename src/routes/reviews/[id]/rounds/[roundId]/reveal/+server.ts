// POST: the facilitator reveals the round's anonymous spread to everyone.
import { getServices } from '#lib/server/services.ts';
import { handleRoundRequest } from '#lib/server/rounds.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	handleRoundRequest(getServices(), locals.user, { action: 'reveal', reviewId: params.id, roundId: params.roundId }, request);
