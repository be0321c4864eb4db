// The GAP grid as one table, grouped by pillar, followed by the scale and priority rules a
// reader needs to interpret it.
import { getFramework } from '../../../../../src/lib/shared/framework/index.ts';
import { recordLanguageOf } from '../../../../../src/lib/shared/record/record.ts';
import type { RecordElement } from '../../../../../src/lib/shared/record/record.ts';
import { paragraph, sectionHeading, subHeading } from '../blocks.ts';
import { drawTable, type Cell, type Column, type Row } from '../table.ts';
import { COLOUR, SIZE } from '../theme.ts';
import type { RecordContext } from '../context.ts';
import { differsMarkedly, scoreDifference } from '../../../../../src/lib/shared/documents/self-vs-independent.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';

const PRIORITY_INK: Record<string, string> = { P1: COLOUR.red, P2: COLOUR.amber, P3: COLOUR.navy, P4: COLOUR.muted };
const DASH = '\u2013';

function scoreCell(value: number | null, emphasis: 'muted' | 'bold'): Exclude<Cell, string> {
	if (value === null) return { text: DASH, colour: COLOUR.faint };
	return emphasis === 'bold' ? { text: String(value), font: 'bold' } : { text: String(value), colour: COLOUR.muted };
}

export function gridRows(ctx: RecordContext): Array<Row<RecordElement>> {
	const rows: Array<Row<RecordElement>> = [];
	let pillar = '';
	for (const element of ctx.record.elements) {
		if (element.pillar !== pillar) {
			pillar = element.pillar;
			rows.push({ group: `${pillar}  ${ctx.labels.pillar(pillar)}` });
		}
		rows.push({ item: element });
	}
	return rows;
}

export function drawGrid(ctx: RecordContext): void {
	const { doc, labels } = ctx;
	const options = { locale: ctx.language };
	sectionHeading(doc, m.exports_grid_heading({}, options), { newPage: true, intro: m.exports_grid_intro({}, options) });
	const columns: Array<Column<RecordElement>> = [
		{ header: m.exports_grid_code({}, options), width: 32, cell: (e) => ({ text: e.code, font: 'bold' }) },
		{
			header: m.exports_grid_element({}, options),
			cell: (e) => ({ text: e.title, sub: [e.critical ? m.exports_grid_critical_element({}, options) : '', e.applicability !== 'applicable' ? labels.applicability(e.applicability) : ''].filter(Boolean).join(' \u00b7 ') || undefined })
		},
		{ header: m.exports_grid_self({}, options), width: 32, align: 'center', cell: (e) => scoreCell(e.selfScore, 'muted') },
		{
			header: m.exports_grid_independent({}, options),
			width: 64,
			align: 'center',
			// A difference of 2 or more from the self-score is said in words; the reason is under Findings.
			cell: (e) => (differsMarkedly(e) ? { ...scoreCell(e.independentScore, 'bold'), sub: m.exports_grid_differs_by({ count: Math.abs(scoreDifference(e) ?? 0) }, options) } : scoreCell(e.independentScore, 'bold'))
		},
		{ header: m.exports_grid_target({}, options), width: 44, align: 'center', cell: (e) => String(e.target) },
		{ header: m.exports_grid_gap({}, options), width: 30, align: 'center', cell: (e) => ({ text: e.gap === null ? DASH : String(e.gap), font: 'bold', colour: e.gap ? COLOUR.ink : COLOUR.faint }) },
		{
			header: m.exports_grid_priority({}, options),
			width: 72,
			cell: (e) => (e.priority ? { text: `${labels.priority(e.priority)}${e.priorityOverride ? ' *' : ''}`, font: 'bold', colour: PRIORITY_INK[e.priority] ?? COLOUR.ink } : { text: DASH, colour: COLOUR.faint })
		},
		{ header: m.exports_grid_confidence({}, options), width: 62, cell: (e) => labels.confidence(e.confidence) || { text: DASH, colour: COLOUR.faint } }
	];
	drawTable(doc, columns, gridRows(ctx), { size: SIZE.small });
	drawLegend(ctx);
}

function drawLegend(ctx: RecordContext): void {
	const { doc, record } = ctx;
	const options = { locale: ctx.language };
	const framework = getFramework(record.framework.id, record.framework.version, recordLanguageOf(record));
	if (!framework) return;
	subHeading(doc, m.exports_grid_legend_heading({}, options), { keep: 180 });
	paragraph(doc, framework.scale.note, { size: SIZE.small, colour: COLOUR.muted });
	drawTable(
		doc,
		[
			{ header: m.exports_grid_legend_level({}, options), width: 40, align: 'center', cell: (l) => ({ text: String(l.value), font: 'bold' }) },
			{ header: m.exports_grid_legend_name({}, options), width: 62, cell: (l) => l.label },
			{ header: m.exports_grid_legend_meaning({}, options), cell: (l) => l.descriptor }
		],
		framework.scale.levels.map((item) => ({ item })),
		{ size: SIZE.tiny + 0.5, keepTogether: true }
	);
	drawTable(
		doc,
		[
			{ header: m.exports_grid_priority({}, options), width: 96, cell: (r) => ({ text: `${r.code} ${r.label}`, font: 'bold', colour: PRIORITY_INK[r.code] ?? COLOUR.ink }) },
			{ header: m.exports_grid_legend_when({}, options), cell: (r) => r.when }
		],
		framework.priority.rules.map((item) => ({ item })),
		{ size: SIZE.tiny + 0.5, keepTogether: true }
	);
}
