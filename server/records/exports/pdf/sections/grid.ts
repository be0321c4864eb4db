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
	sectionHeading(doc, 'GAP grid', {
		newPage: true,
		intro: 'Self is the port\u2019s own score; Independent is the reviewer\u2019s, and sets the gap where it exists. Gap = target minus the current score. A priority marked * was set by the reviewer, with a reason given under Findings. \u201cDiffers by\u201d marks a self-score and an independent score two or more levels apart; Findings says why.'
	});
	const columns: Array<Column<RecordElement>> = [
		{ header: 'Code', width: 32, cell: (e) => ({ text: e.code, font: 'bold' }) },
		{
			header: 'Element',
			cell: (e) => ({ text: e.title, sub: [e.critical ? 'Critical element' : '', e.applicability !== 'applicable' ? labels.applicability(e.applicability) : ''].filter(Boolean).join(' \u00b7 ') || undefined })
		},
		{ header: 'Self', width: 32, align: 'center', cell: (e) => scoreCell(e.selfScore, 'muted') },
		{
			header: 'Independent',
			width: 64,
			align: 'center',
			// A difference of 2 or more from the self-score is said in words; the reason is under Findings.
			cell: (e) => (differsMarkedly(e) ? { ...scoreCell(e.independentScore, 'bold'), sub: `differs by ${Math.abs(scoreDifference(e) ?? 0)}` } : scoreCell(e.independentScore, 'bold'))
		},
		{ header: 'Target', width: 38, align: 'center', cell: (e) => String(e.target) },
		{ header: 'Gap', width: 30, align: 'center', cell: (e) => ({ text: e.gap === null ? DASH : String(e.gap), font: 'bold', colour: e.gap ? COLOUR.ink : COLOUR.faint }) },
		{
			header: 'Priority',
			width: 72,
			cell: (e) => (e.priority ? { text: `${labels.priority(e.priority)}${e.priorityOverride ? ' *' : ''}`, font: 'bold', colour: PRIORITY_INK[e.priority] ?? COLOUR.ink } : { text: DASH, colour: COLOUR.faint })
		},
		{ header: 'Confidence', width: 62, cell: (e) => labels.confidence(e.confidence) || { text: DASH, colour: COLOUR.faint } }
	];
	drawTable(doc, columns, gridRows(ctx), { size: SIZE.small });
	drawLegend(ctx);
}

function drawLegend(ctx: RecordContext): void {
	const { doc, record } = ctx;
	const framework = getFramework(record.framework.id, record.framework.version, recordLanguageOf(record));
	if (!framework) return;
	subHeading(doc, 'How to read the scores', { keep: 180 });
	paragraph(doc, framework.scale.note, { size: SIZE.small, colour: COLOUR.muted });
	drawTable(
		doc,
		[
			{ header: 'Level', width: 34, align: 'center', cell: (l) => ({ text: String(l.value), font: 'bold' }) },
			{ header: 'Name', width: 62, cell: (l) => l.label },
			{ header: 'What it means', cell: (l) => l.descriptor }
		],
		framework.scale.levels.map((item) => ({ item })),
		{ size: SIZE.tiny + 0.5, keepTogether: true }
	);
	drawTable(
		doc,
		[
			{ header: 'Priority', width: 96, cell: (r) => ({ text: `${r.code} ${r.label}`, font: 'bold', colour: PRIORITY_INK[r.code] ?? COLOUR.ink }) },
			{ header: 'When', cell: (r) => r.when }
		],
		framework.priority.rules.map((item) => ({ item })),
		{ size: SIZE.tiny + 0.5, keepTogether: true }
	);
}
