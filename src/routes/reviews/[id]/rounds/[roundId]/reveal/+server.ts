// POST: the facilitator reveals the round's anonymous spread to everyone.
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	locals.services.roundRequests.handle(locals.user, { action: 'reveal', reviewId: params.id, roundId: params.roundId }, request);
