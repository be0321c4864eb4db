// The improvement plan: one table row per action, then the longer descriptions.
import type { RecordAction } from '../../../../../src/lib/shared/record/record.ts';
import { label, paragraph, sectionHeading, setStyle } from '../blocks.ts';
import { formatDate } from '../safe-text.ts';
import { write } from '../write.ts';
import { drawTable, type Column } from '../table.ts';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

type Numbered = { n: number; action: RecordAction };

export function drawPlan(ctx: RecordContext): void {
	const { doc, record, labels } = ctx;
	sectionHeading(doc, 'Improvement plan', { newPage: true, intro: 'Each action names one accountable owner and the level the linked elements are expected to reach once it is done.' });
	if (record.plan.length === 0) {
		paragraph(doc, '', { empty: 'The plan has no actions.' });
		return;
	}
	const numbered = record.plan.map((action, i): Numbered => ({ n: i + 1, action }));
	const columns: Array<Column<Numbered>> = [
		{ header: 'No.', width: 22, cell: (r) => ({ text: String(r.n), font: 'bold' }) },
		{ header: 'Action and success measure', cell: (r) => ({ text: r.action.title, font: 'bold', sub: r.action.successMeasure || undefined }) },
		{ header: 'Elements', width: 46, cell: (r) => r.action.linkedElements.join(', ') },
		{ header: 'Owner', width: 72, cell: (r) => r.action.owner || { text: 'None named', font: 'italic', colour: COLOUR.red } },
		{ header: 'Due', width: 60, cell: (r) => formatDate(r.action.dueDate, true) || { text: 'No date', font: 'italic', colour: COLOUR.faint } },
		{ header: 'Priority', width: 40, cell: (r) => ({ text: r.action.priority, font: 'bold' }) },
		{ header: 'Status', width: 60, cell: (r) => labels.planStatus(r.action.status) },
		{ header: 'Level after', width: 34, align: 'center', cell: (r) => (r.action.expectedLevelAfter === null ? '\u2013' : String(r.action.expectedLevelAfter)) }
	];
	drawTable(doc, columns, numbered.map((item) => ({ item })), { size: SIZE.small, zebra: true });

	const described = numbered.filter((r) => r.action.description.text !== '');
	if (described.length === 0) return;
	label(doc, 'Action descriptions');
	for (const r of described) {
		ensureSpace(doc, 40);
		setStyle(doc, { font: 'bold', size: SIZE.body });
		write(doc, `${r.n}. ${r.action.title}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
		doc.moveDown(0.2);
		paragraph(doc, r.action.description.text, { indent: 12, gap: 0.3 });
		doc.moveDown(0.3);
	}
}
