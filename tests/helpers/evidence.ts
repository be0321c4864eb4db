// Evidence uploads and downloads as the browser sends them: the file's bytes as the body of a PUT
// with the page's Origin and the session cookie.
import type { TestServer } from './server.ts';

export type UploadOptions = {
	token: string | null;
	reviewId: string;
	target?: { kind: string; id: string };
	name: string;
	bytes: Uint8Array;
	confidential?: boolean;
	/** Send without Content-Length (chunked), so only the streamed count can refuse it. */
	chunked?: boolean;
};

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** The start of a Windows executable ("MZ" header, DOS stub). */
export const EXE_BYTES = (() => {
	const bytes = new Uint8Array(512);
	bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
	return bytes;
})();

export function cookieOf(token: string | null): Record<string, string> {
	return token ? { cookie: `psems_session=${token}` } : {};
}

export async function upload(server: TestServer, opts: UploadOptions): Promise<{ status: number; body: Record<string, any> }> {
	const target = opts.target ?? { kind: 'element', id: 'A1' };
	const query = new URLSearchParams({ target: target.kind, id: target.id, name: opts.name, confidential: opts.confidential ? '1' : '0' });
	const body = opts.chunked
		? new ReadableStream<Uint8Array>({
				start(controller) {
					for (let at = 0; at < opts.bytes.length; at += 1024) controller.enqueue(opts.bytes.slice(at, at + 1024));
					controller.close();
				}
			})
		: opts.bytes;
	const response = await fetch(`${server.url}/reviews/${opts.reviewId}/evidence?${query}`, {
		method: 'PUT',
		headers: { ...cookieOf(opts.token), origin: server.url, 'content-type': 'application/octet-stream' },
		body,
		...(opts.chunked ? { duplex: 'half' } : {})
	} as RequestInit);
	return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export async function download(server: TestServer, token: string | null, reviewId: string, fileId: string) {
	const response = await fetch(`${server.url}/reviews/${reviewId}/evidence/${fileId}`, { headers: cookieOf(token) });
	return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}
