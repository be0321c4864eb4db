// The other three kinds of content in the documents, declared like collections:
// - element records: one Y.Map per framework element code (the grid row, the independent score),
//   created on first write, read as empty until then;
// - a singleton: the fields of one root map (the facilitation state);
// - plain entries: whole JSON values by id, checked by a zod schema (blind-scoring rounds,
//   written only by the server).
import * as Y from 'yjs';
import type * as z from 'zod';
import { ok, type Result } from '../../result.ts';
import type { Field, Problems, ReadPlace } from './fields.ts';
import { checkShape, EMPTY_MAP, readShape, writeShape, type Settable, type Shape, type Values } from './shape.ts';

export function elementRecords<S extends Shape>(spec: { key: string; label: string; shape: S }) {
	const root = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(spec.key);
	return {
		key: spec.key,
		shape: spec.shape,
		root,
		read(doc: Y.Doc, elementCode: string, problems: Problems = []): Values<S> & { elementCode: string } {
			const stored = root(doc).get(elementCode);
			const where = `${spec.label} ${elementCode}`;
			if (stored !== undefined && !(stored instanceof Y.Map)) problems.push(`${where}: malformed`);
			const m = stored instanceof Y.Map ? (stored as Y.Map<unknown>) : EMPTY_MAP;
			return { elementCode, ...readShape(m, spec.shape, { problems, where }) };
		},
		/** Checks the given fields, then writes those that changed into the element's row (made when missing). */
		update(doc: Y.Doc, elementCode: string, changes: Partial<Settable<S>>): Result<true> {
			const checked = checkShape(spec.shape, changes);
			if (!checked.ok) return checked;
			doc.transact(() => {
				let row = root(doc).get(elementCode);
				if (!(row instanceof Y.Map)) {
					row = new Y.Map<unknown>();
					root(doc).set(elementCode, row);
				}
				writeShape(row as Y.Map<unknown>, spec.shape, checked.value);
			});
			return ok(true);
		}
	};
}

export function singleton<S extends Shape>(spec: { key: string; label: string; shape: S }) {
	const root = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(spec.key);
	return {
		key: spec.key,
		shape: spec.shape,
		root,
		read: (doc: Y.Doc, problems: Problems = []): Values<S> => readShape(root(doc), spec.shape, { problems, where: spec.label }),
		update(doc: Y.Doc, changes: Partial<Settable<S>>): Result<true> {
			const checked = checkShape(spec.shape, changes);
			if (!checked.ok) return checked;
			doc.transact(() => writeShape(root(doc), spec.shape, checked.value));
			return ok(true);
		}
	};
}

/** A nested Y.Map of fields replaced as a whole (the self-score import's provenance), or null. */
export function nested<S extends Shape>(shape: S, options: { label: string }): Field<Values<S> | null> {
	return {
		read(stored, _key, at: ReadPlace) {
			if (stored === undefined || stored === null) return null;
			if (!(stored instanceof Y.Map)) {
				at.problems.push(`${at.where}: ${options.label} is malformed`);
				return null;
			}
			return readShape(stored as Y.Map<unknown>, shape, { problems: at.problems, where: options.label });
		},
		check: (value) => ok(value),
		store(value) {
			if (value === null) return null;
			const m = new Y.Map<unknown>();
			for (const [key, field] of Object.entries(shape)) m.set(key, field.store((value as Record<string, unknown>)[key]));
			return m;
		},
		same: () => false,
		initial: () => null
	};
}

export function plainEntries<T extends { id: string }>(spec: { key: string; label: string; schema: z.ZodType<T>; compare: (a: T, b: T) => number }) {
	const root = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(spec.key);
	return {
		key: spec.key,
		root,
		/** Every well-formed entry whose id matches its key, sorted; the rest reported as malformed. */
		list(doc: Y.Doc, problems: Problems = []): T[] {
			const out: T[] = [];
			for (const [id, value] of root(doc).entries()) {
				const parsed = spec.schema.safeParse(value);
				if (parsed.success && parsed.data.id === id) out.push(parsed.data);
				else problems.push(`${spec.label} ${id}: malformed`);
			}
			return out.sort(spec.compare);
		},
		/** Replaces an entry as a whole; refuses (throws) a value the schema does not accept. */
		put(doc: Y.Doc, value: T): void {
			root(doc).set(value.id, spec.schema.parse(value));
		}
	};
}
