// POST a room timer command (start with durationSeconds, pause, resume, reset) as a form post.
// A form content type keeps SvelteKit's cross-site check on this endpoint; the role is checked
// by the operation itself, so a participant who forges the post gets 403 and nothing changes.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getServices } from '#lib/server/services.ts';
import { runTimerCommand } from '#lib/server/facilitation.ts';
import { readForm, statusOf } from '#lib/server/forms.ts';
import { parseTimerCommand } from '#lib/shared/documents/facilitation.ts';

export const POST: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) return json({ error: { code: 'unauthenticated', message: 'Sign in to run the room timer.' } }, { status: 401 });
	const form = readForm(await request.formData(), ['command', 'durationSeconds']);
	const command = parseTimerCommand(form);
	if (!command.ok) return json({ error: command.error }, { status: statusOf(command.error) });
	const services = getServices();
	const result = await runTimerCommand(
		{ reviews: services.reviews, documentStore: services.documentStore, logger: services.logger, now: Date.now },
		locals.user.id,
		params.id,
		command.value
	);
	if (!result.ok) return json({ error: result.error }, { status: statusOf(result.error) });
	return json({ timer: result.value });
};
