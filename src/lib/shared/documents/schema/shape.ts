// A shape is the fields of one Y.Map, declared once: reading the whole map, checking an input
// against it, and writing only the keys whose value changed all follow from the declaration.
import * as Y from 'yjs';
import { fail, ok, type Result } from '../../result.ts';
import type { Field, Message, ReadPlace } from './fields.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a shape holds fields of any value type
export type Shape = Record<string, Field<any>>;
export type Values<S extends Shape> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };
/** The keys a writer may set: shared types edited in place (rich text, item lists) are created, not set. */
export type Settable<S extends Shape> = { [K in keyof S as S[K]['inPlace'] extends true ? never : K]: Values<S>[K] };

/**
 * An empty map for readers to fall back on when a row does not exist yet. It belongs to a
 * document of its own: Yjs warns on every read of a map that is in no document. Never written.
 */
export const EMPTY_MAP: Y.Map<unknown> = new Y.Doc().getMap('empty');

export function readShape<S extends Shape>(map: Y.Map<unknown>, shape: S, at: ReadPlace): Values<S> {
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(shape)) out[key] = field.read(map.get(key), key, at);
	return out as Values<S>;
}

/** Checks the given fields in declaration order (undefined means "not given"); the first refusal is the answer. */
export function checkShape<S extends Shape>(shape: S, values: Partial<Settable<S>>): Result<Partial<Settable<S>>> {
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(shape)) {
		const value = (values as Record<string, unknown>)[key];
		if (value === undefined || field.inPlace) continue;
		const checked = field.check(value, key);
		if (!checked.ok) return checked;
		out[key] = checked.value;
	}
	return ok(out as Partial<Settable<S>>);
}

/** Writes only what changed, so two people editing different fields of one entry both keep theirs. */
export function writeShape<S extends Shape>(map: Y.Map<unknown>, shape: S, values: Partial<Settable<S>>): void {
	for (const [key, value] of Object.entries(values)) {
		const field = shape[key];
		if (!field || field.inPlace || value === undefined) continue;
		if (!field.same(map.get(key), value)) map.set(key, field.store(value));
	}
}

/**
 * Fills a new map (already in a document): every shared type is created, every given value and
 * every non-empty initial value written. Keys left unset read as their empty value anyway, so a
 * new entry does not carry a null for each of them.
 */
export function fillShape<S extends Shape>(map: Y.Map<unknown>, shape: S, values: Partial<Settable<S>>): void {
	for (const [key, field] of Object.entries(shape)) {
		if (field.inPlace) {
			map.set(key, field.store(undefined));
			continue;
		}
		const given = (values as Record<string, unknown>)[key];
		const value = given === undefined ? field.initial() : given;
		if (value !== null) map.set(key, field.store(value));
	}
}

/** A list of small entries (evidence references, follow-ups) inside an entry: a Y.Array of Y.Maps, each with an id. */
export type Item<S extends Shape> = { id: string } & Values<S>;

export function items<S extends Shape>(shape: S, options: { label: string }): Field<Array<Item<S>>> & { shape: S } {
	return {
		shape,
		read(stored, _key, at) {
			if (!(stored instanceof Y.Array)) return [];
			const out: Array<Item<S>> = [];
			stored.forEach((item, i) => {
				if (!(item instanceof Y.Map)) return void at.problems.push(`${at.where}: ${options.label} ${i} is malformed`);
				const m = item as Y.Map<unknown>;
				const id = typeof m.get('id') === 'string' && m.get('id') !== '' ? (m.get('id') as string) : `${options.label.replace(/\s+/g, '-')}-${i}`;
				out.push({ id, ...readShape(m, shape, at) });
			});
			return out;
		},
		check: (value) => ok(value),
		store: () => new Y.Array<Y.Map<unknown>>(),
		same: (stored) => stored instanceof Y.Array,
		initial: () => [],
		inPlace: true
	};
}

/** The Y.Array of items under `key` of `entry`, created when an older entry lacks it. */
function itemList(entry: Y.Map<unknown>, key: string): Y.Array<unknown> {
	const list = entry.get(key);
	if (list instanceof Y.Array) return list;
	const created = new Y.Array<unknown>();
	entry.set(key, created);
	return created;
}

function findItem(entry: Y.Map<unknown>, key: string, itemId: string): Y.Map<unknown> | null {
	const list = entry.get(key);
	if (!(list instanceof Y.Array)) return null;
	const found = list.toArray().find((item) => item instanceof Y.Map && item.get('id') === itemId);
	return (found as Y.Map<unknown> | undefined) ?? null;
}

export function addItem<S extends Shape>(entry: Y.Map<unknown>, key: string, shape: S, values: Partial<Settable<S>>): Result<string> {
	const checked = checkShape(shape, values);
	if (!checked.ok) return checked;
	const id = crypto.randomUUID();
	const doc = entry.doc;
	const write = () => {
		const m = new Y.Map<unknown>();
		m.set('id', id);
		itemList(entry, key).push([m]);
		fillShape(m, shape, checked.value);
	};
	if (doc) doc.transact(write);
	else write();
	return ok(id);
}

export function updateItem<S extends Shape>(entry: Y.Map<unknown>, key: string, shape: S, itemId: string, values: Partial<Settable<S>>, missing: Message): Result<true> {
	const item = findItem(entry, key, itemId);
	if (!item) return fail('not_found', missing());
	const checked = checkShape(shape, values);
	if (!checked.ok) return checked;
	const write = () => writeShape(item, shape, checked.value);
	if (entry.doc) entry.doc.transact(write);
	else write();
	return ok(true);
}

export function removeItem(entry: Y.Map<unknown>, key: string, itemId: string, missing: Message): Result<true> {
	const list = entry.get(key);
	const index = list instanceof Y.Array ? list.toArray().findIndex((item) => item instanceof Y.Map && item.get('id') === itemId) : -1;
	if (index === -1) return fail('not_found', missing());
	(list as Y.Array<unknown>).delete(index, 1);
	return ok(true);
}
