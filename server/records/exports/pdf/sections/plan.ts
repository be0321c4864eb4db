// The improvement plan: one table row per action, then the longer descriptions.
import type { RecordAction } from '../../../../../src/lib/shared/record/record.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import { label, paragraph, sectionHeading, setStyle } from '../blocks.ts';
import { formatDate } from '../safe-text.ts';
import { write } from '../write.ts';
import { drawTable, type Column } from '../table.ts';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

type Numbered = { n: number; action: RecordAction };

export function drawPlan(ctx: RecordContext): void {
	const { doc, record, labels, language } = ctx;
	const options = { locale: language };
	sectionHeading(doc, m.exports_plan_heading({}, options), { newPage: true, intro: m.exports_plan_intro({}, options) });
	if (record.plan.length === 0) {
		paragraph(doc, '', { empty: m.exports_plan_empty({}, options) });
		return;
	}
	const numbered = record.plan.map((action, i): Numbered => ({ n: i + 1, action }));
	const columns: Array<Column<Numbered>> = [
		{ header: m.exports_plan_number({}, options), width: 22, cell: (r) => ({ text: String(r.n), font: 'bold' }) },
		{ header: m.exports_plan_action({}, options), cell: (r) => ({ text: r.action.title, font: 'bold', sub: r.action.successMeasure || undefined }) },
		{ header: m.exports_plan_elements({}, options), width: 46, cell: (r) => r.action.linkedElements.join(', ') },
		{ header: m.exports_plan_owner({}, options), width: 72, cell: (r) => r.action.owner || { text: m.exports_plan_no_owner({}, options), font: 'italic', colour: COLOUR.red } },
		{ header: m.exports_plan_due({}, options), width: 60, cell: (r) => formatDate(r.action.dueDate, language, true) || { text: m.exports_plan_no_date({}, options), font: 'italic', colour: COLOUR.faint } },
		{ header: m.exports_plan_priority({}, options), width: 40, cell: (r) => ({ text: r.action.priority, font: 'bold' }) },
		{ header: m.exports_plan_status({}, options), width: 60, cell: (r) => labels.planStatus(r.action.status) },
		{ header: m.exports_plan_level_after({}, options), width: 40, align: 'center', cell: (r) => (r.action.expectedLevelAfter === null ? '\u2013' : String(r.action.expectedLevelAfter)) }
	];
	drawTable(doc, columns, numbered.map((item) => ({ item })), { size: SIZE.small, zebra: true });

	const described = numbered.filter((r) => r.action.description.text !== '');
	if (described.length === 0) return;
	label(doc, m.exports_plan_descriptions({}, options));
	for (const r of described) {
		ensureSpace(doc, 40);
		setStyle(doc, { font: 'bold', size: SIZE.body });
		write(doc, `${r.n}. ${r.action.title}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
		doc.moveDown(0.2);
		paragraph(doc, r.action.description.text, { indent: 12, gap: 0.3 });
		doc.moveDown(0.3);
	}
}
