// Downloads of a frozen version: PDF, canonical JSON, and CSV of the grid and of the plan. The
// records service decides who may export, renders the file from the stored record and appends
// the download to the audit chain (server/records/export-version.ts); a refusal is an error page.
import { failPage } from '#lib/server/forms.ts';
import { requireUser } from '#lib/server/guards.ts';
import { versionNumber } from '../../../access.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const exported = await locals.services.records.exportVersion(user.id, params.id, versionNumber(params.version), params.format);
	if (!exported.ok) failPage(exported.error);
	const { body, contentType, filename } = exported.value;
	return new Response(body, {
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${filename}"`,
			// A frozen version never changes, but signatures are added: always fetch afresh.
			'cache-control': 'private, no-store'
		}
	});
};
