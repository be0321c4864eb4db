// POST: the facilitator ends an open round without a result; its votes are deleted unseen.
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	locals.services.roundRequests.handle(locals.user, { action: 'cancel', reviewId: params.id, roundId: params.roundId }, request);
