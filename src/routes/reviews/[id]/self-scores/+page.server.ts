// Importing the port's self-help GAP analysis scores into an independent review: choose a
// self-assessment review, see element by element what would change, then import. The page checks
// the user; server/reviews/import-self-scores.ts checks the policy again for every step.
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { errorsOf, failPage, readForm, statusOf } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';

/** "filled-replaced-kept" after a successful import (post, redirect, get). */
function doneOf(value: string | null): { filled: number; replaced: number; kept: number } | null {
	const match = value ? /^(\d{1,4})-(\d{1,4})-(\d{1,4})$/.exec(value) : null;
	return match ? { filled: Number(match[1]), replaced: Number(match[2]), kept: Number(match[3]) } : null;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const services = locals.services;
	const opened = await services.reviews.open(user.id, params.id);
	if (!opened.ok) error(404, opened.error.message);
	const sources = await services.selfScoreImport.sources(user, params.id);
	if (!sources.ok) failPage(sources.error);
	const chosen = url.searchParams.get('source');
	const preview = chosen ? await services.selfScoreImport.preview(user, params.id, chosen) : null;
	const { review } = opened.value;
	return {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry },
		sources: sources.value,
		chosen,
		done: doneOf(url.searchParams.get('done')),
		preview: preview?.ok ? preview.value : null,
		previewError: preview && !preview.ok ? preview.error.message : null
	};
};

export const actions: Actions = {
	import: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = readForm(await request.formData(), ['source', 'replaceExisting', 'expectedVersion']);
		// The preview's version: "live" for a source that was not frozen, else its number.
		const expectedVersion = form.expectedVersion === 'live' ? null : /^[1-9][0-9]{0,8}$/.test(form.expectedVersion) ? Number(form.expectedVersion) : undefined;
		if (form.source === '' || expectedVersion === undefined) {
			return fail(400, { errors: { form: m.grid_import_choose_first() } });
		}
		const imported = await locals.services.selfScoreImport.importScores(user, params.id, form.source, {
			replaceExisting: form.replaceExisting === 'on',
			expectedVersion
		});
		if (!imported.ok) return fail(statusOf(imported.error), { errors: errorsOf(imported.error) });
		const { filled, replaced, kept } = imported.value;
		const back = new URLSearchParams({ source: form.source, done: `${filled}-${replaced}-${kept}` });
		redirect(303, `/reviews/${params.id}/self-scores?${back}`);
	}
};
