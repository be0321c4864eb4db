// What an evidence file may be, decided from its bytes (file-type reads the magic numbers), never
// from its name or the browser's Content-Type: a renamed executable is still an executable.
// Plain text has no magic number, so it is accepted only when the bytes are UTF-8 text without
// control characters and the name says .txt, .csv or .md.
import { fileTypeFromBuffer } from 'file-type';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { m } from '../../src/lib/paraglide/messages.js';

/** Bytes of the file's start that sniffing needs (file-type's own "reasonable detection size"). */
export const SNIFF_BYTES = 4100;

/** Detected extension -> the media type the file is stored and served as. */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	heic: 'image/heic',
	tif: 'image/tiff',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	mp4: 'video/mp4'
};

const TEXT_NAMES = /\.(txt|csv|md)$/i;

/** What the upload form and the README tell people. */
/** What may be uploaded, in the request's language (a function: a constant would stay English). */
export const allowedDescription = (): string => m.grid_allowed_types();

function isPlainText(head: Uint8Array): boolean {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteUtf8(head)));
		// Tab, newline and carriage return are text; any other control character is not.
		return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
	} catch {
		return false;
	}
}

/** The head may end inside a multi-byte character; decode up to the last whole one. */
function lastCompleteUtf8(bytes: Uint8Array): number {
	let end = bytes.length;
	for (let back = 1; back <= 3 && end - back >= 0; back++) {
		const byte = bytes[end - back];
		if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
		const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return need > back ? end - back : end;
	}
	return end;
}

export async function sniffEvidenceType(head: Uint8Array, name: string): Promise<Result<string>> {
	const detected = await fileTypeFromBuffer(head);
	if (detected) {
		const allowed = ALLOWED_TYPES[detected.ext];
		if (allowed) return ok(allowed);
		return fail('invalid_input', m.grid_err_type_refused({ name, kind: describe(detected.ext), allowed: allowedDescription() }), 'file');
	}
	if (head.length === 0) return fail('invalid_input', m.grid_err_file_empty({ name }), 'file');
	if (TEXT_NAMES.test(name) && isPlainText(head)) return ok(name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'text/plain');
	return fail('invalid_input', m.grid_err_type_unknown({ name, allowed: allowedDescription() }), 'file');
}

function describe(ext: string): string {
	if (ext === 'exe' || ext === 'elf' || ext === 'macho' || ext === 'dmg' || ext === 'msi') return m.grid_kind_program({ ext });
	if (ext === 'zip' || ext === '7z' || ext === 'rar' || ext === 'gz' || ext === 'tar') return m.grid_kind_archive({ ext });
	return m.grid_kind_file({ ext });
}
