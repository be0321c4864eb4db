// Downloading a frozen version: PDF, canonical JSON, and CSV of the grid and of the plan. Who may
// export is the policy's answer, asked here and nowhere else; every file is rendered from the
// stored record (server/records/exports) and every download is appended to the audit chain.
import { m } from '../../src/lib/paraglide/messages.js';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import type { ReviewQueries } from '../persistence/reviews.ts';
import { may } from '../auth/policy.ts';
import type { SyncAudit } from './audit.ts';
import type { FrozenVersion } from './contract.ts';
import { exportJson } from './exports/json-export.ts';
import { gridCsv, planCsv } from './exports/csv-export.ts';
import { renderRecordPdf } from './exports/pdf-export.ts';

export const EXPORT_FORMATS = {
	pdf: { contentType: 'application/pdf', suffix: '.pdf' },
	json: { contentType: 'application/json; charset=utf-8', suffix: '.json' },
	'grid.csv': { contentType: 'text/csv; charset=utf-8', suffix: '-grid.csv' },
	'plan.csv': { contentType: 'text/csv; charset=utf-8', suffix: '-plan.csv' }
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export type ExportFile = { body: string | Uint8Array<ArrayBuffer>; contentType: string; filename: string };

export type ExportDeps = {
	reviews: Pick<ReviewQueries, 'findById' | 'participant'>;
	audit: Pick<SyncAudit, 'append'>;
	getVersion(userId: string, reviewId: string, version: number): Result<FrozenVersion>;
};

function isFormat(value: string): value is ExportFormat {
	return Object.hasOwn(EXPORT_FORMATS, value);
}

/** "Port of Eastmouth Authority" -> "port-of-eastmouth-authority": ASCII only, safe in a header. */
export function portSlug(portName: string): string {
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

export async function renderExport(frozen: FrozenVersion, format: ExportFormat): Promise<ExportFile['body']> {
	switch (format) {
		case 'pdf':
			return Uint8Array.from(await renderRecordPdf(frozen));
		case 'json':
			return exportJson(frozen);
		case 'grid.csv':
			return gridCsv(frozen.record);
		case 'plan.csv':
			return planCsv(frozen.record);
	}
}

export async function exportVersion(deps: ExportDeps, userId: string, reviewId: string, version: number, format: string): Promise<Result<ExportFile>> {
	const review = deps.reviews.findById(reviewId);
	const role = review ? (deps.reviews.participant(reviewId, userId)?.role ?? null) : null;
	if (!review || !may(role, 'view')) return fail('not_found', m.record_review_not_found());
	if (!isFormat(format)) return fail('not_found', m.record_export_no_format());
	if (!may(role, 'export')) return fail('forbidden', m.record_export_forbidden());
	const got = deps.getVersion(userId, reviewId, version);
	if (!got.ok) return got;
	const body = await renderExport(got.value, format);
	// Appended once the file exists: a rendering that fails leaves no "export" in the chain.
	deps.audit.append({ actorId: userId, action: 'export', reviewId, details: { version, format } });
	return ok({
		body,
		contentType: EXPORT_FORMATS[format].contentType,
		filename: `psems-record-${portSlug(review.portName)}-v${version}${EXPORT_FORMATS[format].suffix}`
	});
}
