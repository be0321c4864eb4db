// Who took part, then anything else the record holds: concerns-board notes (board.ts), and
// problems found in the shared documents at freeze time (recorded, never silently dropped).
import type { RecordParticipant } from '../../../../../src/lib/shared/record/record.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import { bullets, paragraph, sectionHeading } from '../blocks.ts';
import { drawTable } from '../table.ts';
import { drawBoard } from './board.ts';
import { COLOUR, SIZE } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export function drawParticipants(ctx: RecordContext): void {
	const { doc, record, labels } = ctx;
	const options = { locale: ctx.language };
	sectionHeading(doc, m.exports_participants_heading({}, options));
	if (record.participants.length === 0) paragraph(doc, '', { empty: m.exports_participants_empty({}, options) });
	else
		drawTable<RecordParticipant>(
			doc,
			[
				{ header: m.exports_participants_name({}, options), cell: (p) => ({ text: p.name, font: 'bold' }) },
				{ header: m.exports_participants_role({}, options), width: 180, cell: (p) => labels.role(p.role) },
				{ header: m.exports_participants_department({}, options), width: 150, cell: (p) => p.department ?? '' }
			],
			record.participants.map((item) => ({ item })),
			{ size: SIZE.small, zebra: true, keepTogether: true }
		);
	drawBoard(ctx);
	if (record.problems.length > 0) {
		sectionHeading(doc, m.exports_problems_heading({}, options), { intro: m.exports_problems_intro({}, options) });
		bullets(doc, record.problems, { size: SIZE.small, colour: COLOUR.muted });
	}
}
