// The concerns board as frozen, only when staff posted notes: grouped under the pillar each note
// was sorted into, then the unsorted ones, each with its element, author and the action it became.
import { UNSORTED } from '../../../../../src/lib/shared/documents/board.ts';
import type { RecordLanguage } from '../../../../../src/lib/shared/framework/languages.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import type { RecordBoardNote } from '../../../../../src/lib/shared/record/record.ts';
import { bullets, sectionHeading, subHeading } from '../blocks.ts';
import { COLOUR, SIZE } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export function drawBoard(ctx: RecordContext): void {
	const { doc, record, labels, language } = ctx;
	const options = { locale: language };
	if (record.board.length === 0) return;
	sectionHeading(doc, m.exports_board_heading({}, options), { intro: m.exports_board_intro({}, options) });
	const actions = new Map(record.plan.map((a) => [a.id, a.title]));
	// The record lists notes pillar by pillar already; a new heading wherever the column changes.
	let column: string | null = null;
	let group: RecordBoardNote[] = [];
	const flush = () => {
		if (column === null) return;
		subHeading(doc, column === UNSORTED ? m.exports_board_unsorted({}, options) : `${column}. ${labels.pillar(column)}`, { size: SIZE.body, colour: COLOUR.navy });
		bullets(doc, group.map((note) => line(note, actions, language)));
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

/** A note's colour in words; a colour the app no longer knows is printed as stored. */
function colourWord(colour: string, locale: RecordLanguage): string {
	const options = { locale };
	switch (colour) {
		case 'yellow': return m.exports_board_colour_yellow({}, options);
		case 'blue': return m.exports_board_colour_blue({}, options);
		case 'green': return m.exports_board_colour_green({}, options);
		case 'pink': return m.exports_board_colour_pink({}, options);
		case 'orange': return m.exports_board_colour_orange({}, options);
		case 'grey': return m.exports_board_colour_grey({}, options);
		default: return colour;
	}
}

function line(note: RecordBoardNote, actions: Map<string, string>, locale: RecordLanguage): string {
	const options = { locale };
	const byline = m.exports_board_note_by({ colour: colourWord(note.colour, locale), author: note.author || m.exports_board_someone({}, options) }, options);
	const about = [note.elementCode, byline].filter(Boolean).join(', ');
	const title = note.actionId ? actions.get(note.actionId) : undefined;
	const text = m.exports_board_note({ text: note.text, about }, options);
	return title === undefined ? text : `${text} ${m.exports_board_became_action({ title }, options)}`;
}
