// Checks an uploaded (or pasted) JSON export of an evaluation record against this system's
// database: does the file still hash to its fingerprint, and is it a version recorded here?
import { fail } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { errorsOf, statusOf, type FieldErrors } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';

const MAX_BYTES = 5 * 1024 * 1024;

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	return {};
};

/** The review title a matching file names; only used once the file is known to match the database. */
function titleIn(text: string): string | null {
	try {
		const parsed = JSON.parse(text) as { record?: { review?: { title?: unknown } } };
		const title = parsed.record?.review?.title;
		return typeof title === 'string' ? title : null;
	} catch {
		return null;
	}
}

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		const pasted = data.get('json');
		const problem = (status: number, errors: FieldErrors) => fail(status, { errors });
		let text = '';
		let source: string = m.record_verify_source_pasted();
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_BYTES) return problem(413, { file: m.record_verify_file_too_large() });
			text = await file.text();
			source = file.name || m.record_verify_source_file();
		} else if (typeof pasted === 'string' && pasted.trim() !== '') {
			if (pasted.length > MAX_BYTES) return problem(413, { json: m.record_verify_text_too_large() });
			text = pasted;
		} else {
			return problem(400, { file: m.record_verify_nothing() });
		}

		const { records, reviews } = locals.services;
		const checked = await records.verifyExport(text);
		if (!checked.ok) return fail(statusOf(checked.error), { source, errors: errorsOf(checked.error) });
		const { reviewId, version, matches, message } = checked.value;
		// Link to the record only for members; anyone else learns only what the file already says.
		const member = (await reviews.open(user.id, reviewId)).ok;
		return {
			source,
			verdict: {
				matches,
				message,
				version,
				title: matches ? titleIn(text) : null,
				recordUrl: member ? `/reviews/${reviewId}/record/${version}` : null
			}
		};
	}
};
