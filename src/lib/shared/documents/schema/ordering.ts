// The one ordering mechanism of the documents: where an entry sits among its neighbours (an
// interview entry in the interview, an action in the plan, a note in its board column). Each entry
// stores its own `order` number, so a move writes one key of one entry and never rewrites a shared
// list: two people moving different entries at the same moment both keep their moves. A moved
// entry takes the midpoint between its new neighbours; equal numbers (two entries dropped into the
// same gap at once) fall back to the id, so every client sorts the same way.

export type Ordered = { id: string; order: number };

export function compareOrdered(a: Ordered, b: Ordered): number {
	return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The order number that puts an entry at `index` among `others` (its group without it, already
 * sorted). Null when the neighbours are too close for a number between them: the caller
 * then renumbers the column (after ~50 moves into the same gap, since doubles halve that often).
 */
export function orderAt(others: readonly Ordered[], index: number): number | null {
	const at = Math.max(0, Math.min(index, others.length));
	const before = at > 0 ? others[at - 1].order : null;
	const after = at < others.length ? others[at].order : null;
	if (before === null && after === null) return 0;
	if (before === null) return (after as number) - 1;
	if (after === null) return before + 1;
	const mid = before + (after - before) / 2;
	return mid > before && mid < after ? mid : null;
}

/** Evenly spaced order numbers for a whole group, in its current order with `moved` at `index`. */
export function renumbered(others: readonly Ordered[], movedId: string, index: number): Map<string, number> {
	const ids = others.map((o) => o.id);
	ids.splice(Math.max(0, Math.min(index, ids.length)), 0, movedId);
	return new Map(ids.map((id, i) => [id, i]));
}
