// GET: the signed-in voter's own score in this round (nobody else's, ever).
// POST { score, comment }: submit or change it while the round is open.
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, request }) =>
	locals.services.roundRequests.handle(locals.user, { action: 'my_vote', reviewId: params.id, roundId: params.roundId }, request);

export const POST: RequestHandler = ({ locals, params, request }) =>
	locals.services.roundRequests.handle(locals.user, { action: 'vote', reviewId: params.id, roundId: params.roundId }, request);
