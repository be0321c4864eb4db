// The evidence endpoints, on the node:http server before SvelteKit (server/app.ts): an upload is
// streamed from the socket to the blob store as it arrives, which SvelteKit's request body (read
// whole, BODY_SIZE_LIMIT) would not allow. The rules are the evidence service's; this file only
// reads the session cookie, checks Origin on changes and writes the answers.
//
//   PUT    /reviews/<id>/evidence?target=<kind>&id=<target id>&name=<file name>&confidential=0|1   body: the file's bytes
//   GET    /reviews/<id>/evidence/<fileId>          the file, as an attachment that cannot run in the page
//   DELETE /reviews/<id>/evidence/<fileId>          detach it
//   POST   /reviews/<id>/evidence/<fileId>/confidential   {"confidential": true|false}
//   GET    /reviews/<id>/record/<n>/bundle.zip       the version's export bundle (server/records/export-bundle.ts)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppError, Result } from '../../src/lib/shared/result.ts';
import { errorBody, httpStatusOf } from '../../src/lib/shared/error-contract.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { isAllowedOrigin } from '../collab/origin.ts';
import type { Services } from '../services.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { decideLocale, runInLocale } from '../../src/lib/i18n/shared-locale-storage.ts';
import { LOCALE_COOKIE } from '../../src/lib/i18n/locales.ts';

const EVIDENCE = /^\/reviews\/([^/]+)\/evidence(?:\/([^/]+)(\/confidential)?)?$/;
const BUNDLE = /^\/reviews\/([^/]+)\/record\/(\d{1,6})\/bundle\.zip$/;

/** Served files never run in our origin: a download, the declared type only, and a sandbox. */
export const DOWNLOAD_HEADERS = {
	'x-content-type-options': 'nosniff',
	'content-security-policy': "sandbox; default-src 'none'",
	'cache-control': 'private, no-store',
	'cross-origin-resource-policy': 'same-origin'
} as const;

export function isEvidenceRequest(req: IncomingMessage): boolean {
	const path = (req.url ?? '').split('?')[0];
	return EVIDENCE.test(path) || BUNDLE.test(path);
}

function cookieValue(header: string | undefined, cookie: string): string | null {
	for (const part of (header ?? '').split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === cookie) return decodeURIComponent(value.join('='));
	}
	return null;
}

function sendError(res: ServerResponse, error: AppError, close = false): void {
	if (res.headersSent) return void res.destroy();
	res.writeHead(httpStatusOf(error), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(close ? { connection: 'close' } : {}) });
	res.end(JSON.stringify(errorBody(error)));
}

function sendJson(res: ServerResponse, body: unknown): void {
	res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	res.end(JSON.stringify(body));
}

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The request body as a stream the blob store may abandon: when it stops reading (over the limit),
 * the socket is not torn down mid-request, so the client still receives the 413; the rest of the
 * body is read and thrown away, and the socket is closed after the answer.
 */
function abandonableBody(req: IncomingMessage): Readable {
	const body = new PassThrough();
	const onData = (chunk: Buffer) => {
		if (!body.write(chunk)) req.pause();
	};
	req.on('data', onData);
	body.on('drain', () => req.resume());
	req.on('end', () => body.end());
	req.on('error', (error) => body.destroy(error));
	body.on('close', () => {
		req.off('data', onData);
		req.resume();
	});
	return body;
}

async function readJson(req: IncomingMessage, max = 4096): Promise<Record<string, unknown> | null> {
	let text = '';
	for await (const chunk of req) {
		text += String(chunk);
		if (text.length > max) return null;
	}
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

function answer(res: ServerResponse, result: Result<unknown>): void {
	if (result.ok) sendJson(res, { ok: true, value: result.value });
	else sendError(res, result.error);
}

export async function handleEvidenceRequest(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const session = await services.sessions.validate(cookieValue(req.headers.cookie, SESSION_COOKIE));
	// These answers are sent before SvelteKit (and its locale) is reached: set the request's language here.
	const accept = req.headers['accept-language'];
	const locale = decideLocale(session?.locale, cookieValue(req.headers.cookie, LOCALE_COOKIE), Array.isArray(accept) ? accept.join(',') : (accept ?? null));
	return runInLocale(locale, () => handle(services, session?.user ?? null, req, res));
}

async function handle(services: Services, user: { id: string } | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://local');
	const changes = req.method !== 'GET' && req.method !== 'HEAD';
	try {
		if (changes && !isAllowedOrigin(req, services.config.origin)) {
			return sendError(res, { code: 'forbidden', message: m.grid_err_not_from_review_page() }, true);
		}
		const bundle = BUNDLE.exec(url.pathname);
		if (bundle) {
			if (req.method !== 'GET') return sendError(res, { code: 'not_found', message: m.grid_err_not_found() });
			if (!user) return sendError(res, { code: 'unauthenticated', message: m.grid_err_sign_in_export() });
			const got = await services.bundles.bundle(user.id, decodeURIComponent(bundle[1]), Number(bundle[2]));
			if (!got.ok) return sendError(res, got.error);
			res.writeHead(200, { ...DOWNLOAD_HEADERS, 'content-type': 'application/zip', 'content-disposition': contentDisposition(got.value.filename) });
			return await pipeline(got.value.stream, res);
		}
		const match = EVIDENCE.exec(url.pathname)!;
		const reviewId = decodeURIComponent(match[1]);
		const fileId = match[2] ? decodeURIComponent(match[2]) : null;

		if (!fileId && (req.method === 'PUT' || req.method === 'POST')) {
			const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
			const uploaded = await services.evidence.upload(
				user,
				reviewId,
				{
					targetKind: url.searchParams.get('target') ?? '',
					targetId: url.searchParams.get('id') ?? '',
					name: url.searchParams.get('name') ?? '',
					confidential: url.searchParams.get('confidential') === '1',
					declaredBytes: Number.isFinite(declared) ? declared : null
				},
				abandonableBody(req)
			);
			if (!uploaded.ok) {
				services.logger.info('evidence.refused', { reviewId, code: uploaded.error.code, message: uploaded.error.message });
				// An unread body: answer, then close the socket rather than reuse it.
				return sendError(res, uploaded.error, !req.readableEnded);
			}
			return sendJson(res, { file: uploaded.value });
		}
		if (!fileId && req.method === 'GET') {
			if (!user) return sendError(res, { code: 'unauthenticated', message: m.grid_err_sign_in_see_evidence() });
			return answer(res, await services.evidence.list(user.id, reviewId));
		}
		if (fileId && match[3] && req.method === 'POST') {
			if (!user) return sendError(res, { code: 'unauthenticated', message: m.grid_err_sign_in_first() });
			const body = await readJson(req);
			if (!body || typeof body.confidential !== 'boolean') return sendError(res, { code: 'invalid_input', message: m.grid_err_say_confidential(), field: 'confidential' });
			return answer(res, await services.evidence.setConfidential(user, reviewId, fileId, body.confidential));
		}
		if (fileId && !match[3] && req.method === 'DELETE') {
			if (!user) return sendError(res, { code: 'unauthenticated', message: m.grid_err_sign_in_first() });
			return answer(res, await services.evidence.remove(user, reviewId, fileId));
		}
		if (fileId && !match[3] && (req.method === 'GET' || req.method === 'HEAD')) {
			const opened = await services.evidence.open(user, reviewId, fileId);
			if (!opened.ok) return sendError(res, opened.error);
			const { file, stream } = opened.value;
			res.writeHead(200, {
				...DOWNLOAD_HEADERS,
				'content-type': file.mediaType,
				'content-length': String(file.size),
				'content-disposition': contentDisposition(file.name)
			});
			if (req.method === 'HEAD') {
				stream.destroy();
				return void res.end();
			}
			return await pipeline(stream, res);
		}
		sendError(res, { code: 'not_found', message: m.grid_err_not_found() });
	} catch (cause) {
		services.logger.error('evidence.error', { path: url.pathname, error: String(cause) });
		sendError(res, { code: 'internal', message: m.grid_err_server_nothing_stored() }, true);
	}
}
