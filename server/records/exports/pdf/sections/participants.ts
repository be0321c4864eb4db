// Who took part, then anything else the record holds: concerns-board notes (board.ts), and
// problems found in the shared documents at freeze time (recorded, never silently dropped).
import type { RecordParticipant } from '../../../../../src/lib/shared/record/record.ts';
import { bullets, paragraph, sectionHeading } from '../blocks.ts';
import { drawTable } from '../table.ts';
import { drawBoard } from './board.ts';
import { COLOUR, SIZE } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export function drawParticipants(ctx: RecordContext): void {
	const { doc, record, labels } = ctx;
	sectionHeading(doc, 'Participants');
	if (record.participants.length === 0) paragraph(doc, '', { empty: 'No participants were recorded.' });
	else
		drawTable<RecordParticipant>(
			doc,
			[
				{ header: 'Name', cell: (p) => ({ text: p.name, font: 'bold' }) },
				{ header: 'Role in the review', width: 180, cell: (p) => labels.role(p.role) },
				{ header: 'Department', width: 150, cell: (p) => p.department ?? '' }
			],
			record.participants.map((item) => ({ item })),
			{ size: SIZE.small, zebra: true, keepTogether: true }
		);
	drawBoard(ctx);
	if (record.problems.length > 0) {
		sectionHeading(doc, 'Content problems found at freeze', { intro: 'Parts of the shared documents could not be read as expected. They are listed so nothing is silently left out.' });
		bullets(doc, record.problems, { size: SIZE.small, colour: COLOUR.muted });
	}
}
