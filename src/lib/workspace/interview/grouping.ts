// How the interview list is shown: entries grouped by PSeMS element in framework order, and
// reordering that acts within a group. The document keeps one global order; moving an entry
// "up" past an entry of another element would change nothing the facilitator can see, so moves
// are computed against the neighbours in the same group.
import type { Element, Framework } from '#lib/shared/framework/index.ts';
import type { InterviewEntry } from '#lib/shared/documents/interview.ts';

export type EntryGroup = {
	code: string;
	/** Null when the entry names an element this framework version does not have (malformed data). */
	element: Element | null;
	entries: InterviewEntry[];
};

/** Groups with at least one entry, in framework element order; unknown codes last, so nothing is hidden. */
export function groupEntries(framework: Framework, entries: readonly InterviewEntry[]): EntryGroup[] {
	const byCode = new Map<string, InterviewEntry[]>();
	for (const entry of entries) {
		const list = byCode.get(entry.elementCode);
		if (list) list.push(entry);
		else byCode.set(entry.elementCode, [entry]);
	}
	const known: EntryGroup[] = framework.elements
		.filter((element) => byCode.has(element.code))
		.map((element) => ({ code: element.code, element, entries: byCode.get(element.code) ?? [] }));
	const knownCodes = new Set(framework.elements.map((e) => e.code));
	const unknown: EntryGroup[] = [...byCode.keys()]
		.filter((code) => !knownCodes.has(code))
		.sort()
		.map((code) => ({ code, element: null, entries: byCode.get(code) ?? [] }));
	return [...known, ...unknown];
}

export function countByElement(entries: readonly InterviewEntry[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const entry of entries) counts.set(entry.elementCode, (counts.get(entry.elementCode) ?? 0) + 1);
	return counts;
}

export type MoveDirection = 'up' | 'down';

/**
 * The `beforeId` to hand to moveEntry so the entry swaps places with its neighbour in the same
 * element group, or undefined when it is already first (up) or last (down) in its group.
 * `entries` is the whole list in document order.
 */
export function moveTarget(entries: readonly InterviewEntry[], id: string, direction: MoveDirection): { beforeId: string | null } | undefined {
	const entry = entries.find((e) => e.id === id);
	if (!entry) return undefined;
	const group = entries.filter((e) => e.elementCode === entry.elementCode);
	const index = group.findIndex((e) => e.id === id);
	if (direction === 'up') return index > 0 ? { beforeId: group[index - 1].id } : undefined;
	const next = group[index + 1];
	if (!next) return undefined;
	// Land just after the next entry of the group: before whatever follows it in the whole list.
	const afterNext = entries[entries.findIndex((e) => e.id === next.id) + 1];
	return { beforeId: afterNext ? afterNext.id : null };
}
