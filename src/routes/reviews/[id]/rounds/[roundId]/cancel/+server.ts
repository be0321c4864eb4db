// POST: the facilitator ends an open round without a result; its votes are deleted unseen.
import { getServices } from '#lib/server/services.ts';
import { handleRoundRequest } from '#lib/server/rounds.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	handleRoundRequest(getServices(), locals.user, { action: 'cancel', reviewId: params.id, roundId: params.roundId }, request);
