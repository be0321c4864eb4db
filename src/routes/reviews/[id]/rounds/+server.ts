// POST { elementCode }: the facilitator opens a blind scoring round (or runs one again).
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	locals.services.roundRequests.handle(locals.user, { action: 'open', reviewId: params.id }, request);
