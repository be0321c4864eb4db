// The concerns board as frozen, only when staff posted notes: grouped under the pillar each note
// was sorted into, then the unsorted ones, each with its element, author and the action it became.
import { NOTE_COLOUR_LABELS, UNSORTED, type NoteColour } from '../../../../../src/lib/shared/documents/board.ts';
import type { RecordBoardNote } from '../../../../../src/lib/shared/record/record.ts';
import { bullets, sectionHeading, subHeading } from '../blocks.ts';
import { COLOUR, SIZE } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export function drawBoard(ctx: RecordContext): void {
	const { doc, record, labels } = ctx;
	if (record.board.length === 0) return;
	sectionHeading(doc, 'Concerns board', { intro: 'Concerns staff posted during the workshop, as sorted by the group.' });
	const actions = new Map(record.plan.map((a) => [a.id, a.title]));
	// The record lists notes pillar by pillar already; a new heading wherever the column changes.
	let column: string | null = null;
	let group: RecordBoardNote[] = [];
	const flush = () => {
		if (column === null) return;
		subHeading(doc, column === UNSORTED ? 'Not sorted under a pillar' : `${column}. ${labels.pillar(column)}`, { size: SIZE.body, colour: COLOUR.navy });
		bullets(doc, group.map((note) => line(note, actions)));
	};
	for (const note of record.board) {
		if (note.column !== column) {
			flush();
			column = note.column;
			group = [];
		}
		group.push(note);
	}
	flush();
}

function line(note: RecordBoardNote, actions: Map<string, string>): string {
	const colour = NOTE_COLOUR_LABELS[note.colour as NoteColour] ?? note.colour;
	const about = [note.elementCode, `${colour} note by ${note.author || 'someone'}`].filter(Boolean).join(', ');
	const action = note.actionId && actions.has(note.actionId) ? ` Became the action "${actions.get(note.actionId)}".` : '';
	return `${note.text} (${about}).${action}`;
}
