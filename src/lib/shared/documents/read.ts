// Tolerant readers for shared Yjs content. Every client can write anything into a workspace
// document, so a reader never trusts a value's type: it takes what is well-formed, reports the
// rest as problems, and never throws.
import * as Y from 'yjs';

export type Problems = string[];

/**
 * What readers fall back on when a row does not exist yet. It belongs to a document of its own:
 * Yjs warns on every read of a map that is in no document. Read it, never write to it.
 */
export const EMPTY_MAP: Y.Map<unknown> = new Y.Doc().getMap('empty');

export function str(map: Y.Map<unknown>, key: string, problems: Problems, where: string): string {
	const value = map.get(key);
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (value instanceof Y.Text) return value.toString();
	problems.push(`${where}: ${key} is not text`);
	return '';
}

export function optionalStr(map: Y.Map<unknown>, key: string, problems: Problems, where: string): string | null {
	const value = str(map, key, problems, where);
	return value === '' ? null : value;
}

export function num(map: Y.Map<unknown>, key: string, problems: Problems, where: string, valid: (n: number) => boolean): number | null {
	const value = map.get(key);
	if (value === undefined || value === null) return null;
	if (typeof value === 'number' && valid(value)) return value;
	problems.push(`${where}: ${key} has an invalid value ${JSON.stringify(value)?.slice(0, 40)}`);
	return null;
}

export function bool(map: Y.Map<unknown>, key: string): boolean {
	return map.get(key) === true;
}

export function oneOf<T extends string>(
	map: Y.Map<unknown>,
	key: string,
	allowed: readonly T[],
	fallback: T,
	problems: Problems,
	where: string
): T {
	const value = map.get(key);
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	problems.push(`${where}: ${key} is not one of ${allowed.join(', ')}`);
	return fallback;
}

export function childMap(map: Y.Map<unknown>, key: string): Y.Map<unknown> | null {
	const value = map.get(key);
	return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

export function childArray(map: Y.Map<unknown>, key: string): Y.Array<unknown> | null {
	const value = map.get(key);
	return value instanceof Y.Array ? (value as Y.Array<unknown>) : null;
}

export function fragment(map: Y.Map<unknown>, key: string): Y.XmlFragment | null {
	const value = map.get(key);
	return value instanceof Y.XmlFragment ? value : null;
}

/** Plain text of a rich-text fragment (paragraphs separated by new lines). */
export function fragmentText(frag: Y.XmlFragment | null): string {
	if (!frag) return '';
	const lines: string[] = [];
	const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, out: string[]) => {
		if (node instanceof Y.XmlText) {
			out.push(node.toString().replace(/<[^>]*>/g, ''));
			return;
		}
		for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText, out);
	};
	for (const block of frag.toArray()) {
		const parts: string[] = [];
		walk(block as Y.XmlElement | Y.XmlText, parts);
		lines.push(parts.join(''));
	}
	return lines.join('\n').trim();
}

export function isoDateOrNull(map: Y.Map<unknown>, key: string, problems: Problems, where: string): string | null {
	const value = map.get(key);
	if (value === undefined || value === null || value === '') return null;
	if (typeof value === 'string' && isIsoDate(value)) return value;
	problems.push(`${where}: ${key} is not a date`);
	return null;
}

export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
