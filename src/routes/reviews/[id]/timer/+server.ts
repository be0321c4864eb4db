// POST a room timer command (start with durationSeconds, pause, resume, reset) as a form post.
// A form content type keeps SvelteKit's cross-site check on this endpoint; the role is checked
// by the room timer service, so a participant who forges the post gets 403 and nothing changes.
import type { RequestHandler } from './$types';
import { errorResponse, jsonResponse } from '#lib/server/http.ts';
import { readForm } from '#lib/server/forms.ts';
import { m } from '#lib/paraglide/messages.js';
import { parseTimerCommand } from '#lib/shared/documents/facilitation.ts';

export const POST: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) return errorResponse({ code: 'unauthenticated', message: m.room_timer_sign_in() });
	const command = parseTimerCommand(readForm(await request.formData(), ['command', 'durationSeconds']));
	if (!command.ok) return errorResponse(command.error);
	const result = await locals.services.roomTimer.run(locals.user.id, params.id, command.value);
	return result.ok ? jsonResponse(200, { timer: result.value }) : errorResponse(result.error);
};
