// One evidence upload from the browser: XMLHttpRequest, because its upload.onprogress is the one
// way to report bytes sent (fetch has no upload progress). The body is the File itself, so the
// browser streams it from disk; the server answers in the one error contract.
import { readErrorBody } from '#lib/shared/error-contract.ts';
import { evidenceUploadUrl, type EvidenceFileView, type EvidenceTargetKind } from '#lib/shared/evidence.ts';
import { fail, ok, type Result } from '#lib/shared/result.ts';
import { m } from '#lib/paraglide/messages.js';

export function uploadEvidence(
	reviewId: string,
	target: { kind: EvidenceTargetKind; id: string },
	file: File,
	confidential: boolean,
	onProgress: (fraction: number) => void
): Promise<Result<EvidenceFileView>> {
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('PUT', evidenceUploadUrl(reviewId, target, file.name, confidential));
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.responseType = 'json';
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable) onProgress(event.loaded / event.total);
		};
		xhr.onload = () => {
			const body = xhr.response as { file?: EvidenceFileView } | null;
			if (xhr.status === 200 && body?.file) return resolve(ok(body.file));
			const error = readErrorBody(body);
			resolve(error ? { ok: false, error } : fail('internal', m.grid_upload_failed({ name: file.name, status: xhr.status })));
		};
		xhr.onerror = () => resolve(fail('internal', m.grid_upload_unreachable({ name: file.name })));
		xhr.send(file);
	});
}
