// How each note colour looks: a pale paper for the note (dark text stays above 12:1) and a strong
// edge for its swatch and border. The colour's name (noteColourLabel in the board document) is
// always written on the note as well.
import type { NoteColour } from '#lib/shared/documents/board.ts';

export const NOTE_PAPER: Record<NoteColour, { paper: string; edge: string }> = {
	yellow: { paper: '#fff3b0', edge: '#9a7400' },
	blue: { paper: '#dceafd', edge: '#1d5fa8' },
	green: { paper: '#dcf2e1', edge: '#2e7d46' },
	pink: { paper: '#fde2ee', edge: '#b0336e' },
	orange: { paper: '#ffe3c7', edge: '#b35900' },
	grey: { paper: '#eceff2', edge: '#5f6b78' }
};

export function noteStyle(colour: NoteColour): string {
	const { paper, edge } = NOTE_PAPER[colour];
	return `--note-paper: ${paper}; --note-edge: ${edge};`;
}
