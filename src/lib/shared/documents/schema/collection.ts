// An entity collection: a root Y.Map of entries by id, each entry a Y.Map with a key per field
// and its own `order` number (ordering.ts). Concurrent edits to different entries never conflict,
// edits to different fields of one entry both survive, and a move writes one number.
import * as Y from 'yjs';
import { fail, ok, type Result } from '../../result.ts';
import type { Message, Problems } from './fields.ts';
import { compareOrdered, orderAt, renumbered } from './ordering.ts';
import { checkShape, fillShape, readShape, writeShape, type Settable, type Shape, type Values } from './shape.ts';

export type Entity<S extends Shape> = { id: string; order: number } & Values<S>;

export type CollectionSpec<S extends Shape> = {
	/** The root map's name in the document (stable: stored documents use it). */
	key: string;
	/** Names an entry in problem messages: "<label> <id>: ...". */
	label: string;
	shape: S;
	/** The sentence when an entry is gone (deleted by someone else, usually). */
	missing: Message;
	/** Entries are ordered within groups named by this field (the board's columns); one group when absent. */
	groupBy?: keyof S & string;
};

export function collection<S extends Shape>(spec: CollectionSpec<S>) {
	const root = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(spec.key);
	const entryMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
		const m = root(doc).get(id);
		return m instanceof Y.Map ? (m as Y.Map<unknown>) : null;
	};
	const groupOf = (entity: Entity<S>): string => (spec.groupBy ? String(entity[spec.groupBy]) : '');

	function readEntry(id: string, stored: unknown, problems: Problems): Entity<S> | null {
		const where = `${spec.label} ${id}`;
		if (!(stored instanceof Y.Map)) {
			problems.push(`${where}: malformed`);
			return null;
		}
		const m = stored as Y.Map<unknown>;
		const order = m.get('order');
		const valid = typeof order === 'number' && Number.isFinite(order);
		if (order !== undefined && !valid) problems.push(`${where}: order is not a number`);
		return { id, order: valid ? order : 0, ...readShape(m, spec.shape, { problems, where }) } as Entity<S>;
	}

	/** Every entry: by group (in the order of the group names), then by position in its group. */
	function list(doc: Y.Doc, problems: Problems = []): Array<Entity<S>> {
		const out: Array<Entity<S>> = [];
		for (const [id, stored] of root(doc)) {
			const entity = readEntry(id, stored, problems);
			if (entity) out.push(entity);
		}
		return out.sort((a, b) => {
			const ga = groupOf(a);
			const gb = groupOf(b);
			return ga < gb ? -1 : ga > gb ? 1 : compareOrdered(a, b);
		});
	}

	/** The group's entries without `exceptId`, in order. */
	function siblings(doc: Y.Doc, group: string, exceptId: string | null): Array<Entity<S>> {
		return list(doc).filter((e) => groupOf(e) === group && e.id !== exceptId);
	}

	function groupValue(values: Partial<Settable<S>>): string {
		return spec.groupBy ? String((values as Record<string, unknown>)[spec.groupBy] ?? '') : '';
	}

	return {
		key: spec.key,
		shape: spec.shape,
		root,
		/** The entry's own map, for the shared types inside it (rich text, item lists). */
		entryMap,
		list,
		read: (doc: Y.Doc, id: string, problems: Problems = []): Entity<S> | null =>
			root(doc).has(id) ? readEntry(id, root(doc).get(id), problems) : null,
		has: (doc: Y.Doc, id: string): boolean => root(doc).has(id),

		/** Adds an entry at the end of its group; returns its id. */
		create(doc: Y.Doc, values: Partial<Settable<S>>, options: { id?: string; order?: number } = {}): Result<string> {
			const checked = checkShape(spec.shape, values);
			if (!checked.ok) return checked;
			const id = options.id ?? crypto.randomUUID();
			const group = siblings(doc, groupValue(checked.value), id);
			const order = options.order ?? orderAt(group, group.length) ?? group.length;
			doc.transact(() => {
				const m = new Y.Map<unknown>();
				// Added first: reading a type that is not yet in a document warns.
				root(doc).set(id, m);
				fillShape(m, spec.shape, checked.value);
				m.set('order', order);
			});
			return ok(id);
		},

		/** Changes the given fields; writes only those whose value changed. */
		update(doc: Y.Doc, id: string, changes: Partial<Settable<S>>): Result<true> {
			const m = entryMap(doc, id);
			if (!m) return fail('not_found', spec.missing());
			const checked = checkShape(spec.shape, changes);
			if (!checked.ok) return checked;
			doc.transact(() => writeShape(m, spec.shape, checked.value));
			return ok(true);
		},

		/** Deletes an entry; returns it as it was, so it can be put back (undo). */
		remove(doc: Y.Doc, id: string, alreadyGone: Message = spec.missing): Result<Entity<S>> {
			const entity = root(doc).has(id) ? readEntry(id, root(doc).get(id), []) : null;
			if (!entity) return fail('not_found', alreadyGone());
			root(doc).delete(id);
			return ok(entity);
		},

		/**
		 * Moves an entry to `index` (0-based among the others of the group) of `group` (the board's
		 * column; ignored for collections without groups).
		 */
		move(doc: Y.Doc, id: string, index: number, group?: string): Result<true> {
			const m = entryMap(doc, id);
			if (!m) return fail('not_found', spec.missing());
			const target = spec.groupBy && group !== undefined ? group : spec.groupBy ? String(m.get(spec.groupBy) ?? '') : '';
			const others = siblings(doc, target, id);
			const order = orderAt(others, index);
			doc.transact(() => {
				if (spec.groupBy && m.get(spec.groupBy) !== target) m.set(spec.groupBy, target);
				if (order !== null) {
					if (m.get('order') !== order) m.set('order', order);
					return;
				}
				for (const [entryId, n] of renumbered(others, id, index)) entryMap(doc, entryId)?.set('order', n);
			});
			return ok(true);
		}
	};
}

export type Collection<S extends Shape> = ReturnType<typeof collection<S>>;
