// Downloads of a frozen version: PDF, canonical JSON, and CSV of the grid and of the plan. Every
// file is generated from the stored record; membership and the export permission are checked here,
// and each download is appended to the audit chain.
import { error } from '@sveltejs/kit';
import { getServices, may } from '#lib/server/services.ts';
// The export renderers are pure functions of a frozen version; the route calls them directly.
import { exportJson, gridCsv, planCsv, renderRecordPdf } from '#lib/server/record-exports.ts';
import { failPage, openReview, versionNumber } from '../../../access.server.ts';
import type { RequestHandler } from './$types';

const FORMATS = {
	pdf: { type: 'application/pdf', suffix: '.pdf' },
	json: { type: 'application/json; charset=utf-8', suffix: '.json' },
	'grid.csv': { type: 'text/csv; charset=utf-8', suffix: '-grid.csv' },
	'plan.csv': { type: 'text/csv; charset=utf-8', suffix: '-plan.csv' }
} as const;
type Format = keyof typeof FORMATS;

function isFormat(value: string): value is Format {
	return Object.hasOwn(FORMATS, value);
}

/** "Port of Eastmouth Authority" -> "port-of-eastmouth-authority": ASCII only, safe in a header. */
function portSlug(portName: string): string {
	const slug = portName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'review';
}

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { user, review, role } = openReview(locals, url, params.id);
	const version = versionNumber(params.version);
	if (!isFormat(params.format)) error(404, 'There is no such export format. Choose PDF, JSON or CSV.');
	if (!may(role, 'export')) error(403, 'Your role in this review cannot export the record.');
	const services = getServices();
	const got = services.records.getVersion(user.id, review.id, version);
	if (!got.ok) failPage(got.error);
	const frozen = got.value;

	const format = params.format;
	const body: string | Uint8Array<ArrayBuffer> =
		format === 'pdf'
			? Uint8Array.from(await renderRecordPdf(frozen))
			: format === 'json'
				? exportJson(frozen)
				: format === 'grid.csv'
					? gridCsv(frozen.record)
					: planCsv(frozen.record);

	services.audit.append({ actorId: user.id, action: 'export', reviewId: review.id, details: { version, format } });

	const filename = `psems-record-${portSlug(review.portName)}-v${version}${FORMATS[format].suffix}`;
	return new Response(body, {
		headers: {
			'content-type': FORMATS[format].type,
			'content-disposition': `attachment; filename="${filename}"`,
			// A frozen version never changes, but signatures are added: always fetch afresh.
			'cache-control': 'private, no-store'
		}
	});
};
