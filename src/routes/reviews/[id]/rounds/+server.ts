// POST { elementCode }: the facilitator opens a blind scoring round (or runs one again).
import { getServices } from '#lib/server/services.ts';
import { handleRoundRequest } from '#lib/server/rounds.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	handleRoundRequest(getServices(), locals.user, { action: 'open', reviewId: params.id }, request);
