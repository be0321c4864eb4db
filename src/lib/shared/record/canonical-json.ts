// Canonical JSON: object keys sorted at every level, no whitespace, undefined dropped. The same
// record always serialises to the same bytes, which is what lets a hash stand for the content.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function normalise(value: unknown, path: string): Json {
	if (value === null) return null;
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`Cannot canonicalise ${value} at ${path}`);
		return value;
	}
	if (Array.isArray(value)) return value.map((item, i) => normalise(item, `${path}[${i}]`));
	if (typeof value === 'object') {
		const out: { [key: string]: Json } = {};
		for (const key of Object.keys(value as object).sort()) {
			const child = (value as Record<string, unknown>)[key];
			if (child !== undefined) out[key] = normalise(child, `${path}.${key}`);
		}
		return out;
	}
	throw new Error(`Cannot canonicalise a ${typeof value} at ${path}`);
}

/** JSON.stringify keeps insertion order, so sorting the keys first makes the text canonical. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(normalise(value, '$'));
}

export function sha256Hex(text: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}
