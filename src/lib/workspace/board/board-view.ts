// The board as the screen lays it out: Unsorted first, then one column per pillar in framework
// order; where a keyboard move takes a note; and what the live region says after a move.
import { UNSORTED, columnNotes, type BoardNote } from '#lib/shared/documents/board.ts';
import type { Framework } from '#lib/shared/framework/schema.ts';
import { m } from '#lib/paraglide/messages.js';

export type BoardColumn = { id: string; label: string; hint: string };


export function boardColumns(framework: Framework): BoardColumn[] {
	const pillars = [...framework.pillars].sort((a, b) => a.order - b.order);
	return [
		{ id: UNSORTED, label: m.room_board_unsorted(), hint: m.room_board_unsorted_hint() },
		...pillars.map((p) => ({ id: p.code, label: m.room_board_pillar_column({ code: p.code, title: p.title }), hint: m.room_board_pillar_hint({ code: p.code }) }))
	];
}

/** Notes per column id; a note naming a column this framework lacks shows under Unsorted. */
export function groupNotes(notes: readonly BoardNote[], columns: readonly BoardColumn[]): Map<string, BoardNote[]> {
	const known = new Set(columns.map((c) => c.id));
	const placed = notes.map((n) => (known.has(n.column) ? n : { ...n, column: UNSORTED }));
	return new Map(columns.map((c) => [c.id, columnNotes(placed, c.id)]));
}

export function noteDomId(noteId: string): string {
	return `note-${noteId}`;
}

/** The column a note linked to an element belongs in: the element's pillar. */
export function pillarOf(framework: Framework, elementCode: string | null): string | null {
	if (!elementCode) return null;
	return framework.elements.find((e) => e.code === elementCode)?.pillar ?? null;
}

/** 'left' and 'right' are towards the first and the last column (the line's start and end). */
export type MoveDirection = 'left' | 'right' | 'up' | 'down' | 'top' | 'bottom';
export type MoveTarget = { column: string; index: number };
export type MoveOption = { label: string; target: MoveTarget };

/**
 * Where a move in `direction` takes the note: `index` counts among the target column's other
 * notes (what moveNote expects). Null when the note is already at that edge.
 */
export function moveTarget(grouped: Map<string, BoardNote[]>, columns: readonly BoardColumn[], noteId: string, direction: MoveDirection): MoveTarget | null {
	const c = columns.findIndex((col) => grouped.get(col.id)?.some((n) => n.id === noteId));
	if (c < 0) return null;
	const column = columns[c].id;
	const notes = grouped.get(column) ?? [];
	const i = notes.findIndex((n) => n.id === noteId);
	switch (direction) {
		case 'up':
			return i > 0 ? { column, index: i - 1 } : null;
		case 'down':
			return i < notes.length - 1 ? { column, index: i + 1 } : null;
		case 'top':
			return i > 0 ? { column, index: 0 } : null;
		case 'bottom':
			return i < notes.length - 1 ? { column, index: notes.length - 1 } : null;
		case 'left':
		case 'right': {
			const next = columns[c + (direction === 'left' ? -1 : 1)];
			if (!next) return null;
			// Same height in the next column, so moving sideways and back returns the note where it was.
			return { column: next.id, index: Math.min(i, grouped.get(next.id)?.length ?? 0) };
		}
	}
}

/** What the Move menu offers for a note: reordering within its column, then every other column (at the end). */
export function moveOptions(grouped: Map<string, BoardNote[]>, columns: readonly BoardColumn[], noteId: string): MoveOption[] {
	const options: MoveOption[] = [];
	const labels: Array<[MoveDirection, string]> = [['up', m.room_board_move_up()], ['down', m.room_board_move_down()], ['top', m.room_board_move_top()], ['bottom', m.room_board_move_bottom()]];
	for (const [direction, label] of labels) {
		const target = moveTarget(grouped, columns, noteId, direction);
		if (target) options.push({ label, target });
	}
	const current = columns.find((c) => grouped.get(c.id)?.some((n) => n.id === noteId));
	for (const column of columns) {
		if (column.id === current?.id) continue;
		options.push({ label: m.room_board_move_to_column({ column: column.label }), target: { column: column.id, index: grouped.get(column.id)?.length ?? 0 } });
	}
	return options;
}

/**
 * Alt+Arrow keys (and Alt+Home/End) on a focused note. The arrows move the note the way they
 * point on screen: in a right-to-left page the first column is on the right, so Alt+ArrowRight
 * moves towards it.
 */
export function directionOfKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, rtl = false): MoveDirection | null {
	if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
	const keys: Record<string, MoveDirection> = {
		ArrowLeft: rtl ? 'right' : 'left',
		ArrowRight: rtl ? 'left' : 'right',
		ArrowUp: 'up',
		ArrowDown: 'down',
		Home: 'top',
		End: 'bottom'
	};
	return keys[event.key] ?? null;
}

/** "Moved to B. Threat and risk management, position 2 of 3." */
export function moveAnnouncement(column: BoardColumn, index: number, count: number): string {
	return m.room_board_moved({ column: column.label, position: index + 1, count });
}

/** The insertion index for a drop at pointer height `y`, given the midlines of the column's other notes. */
export function dropIndex(midlines: readonly number[], y: number): number {
	const i = midlines.findIndex((mid) => y < mid);
	return i < 0 ? midlines.length : i;
}
