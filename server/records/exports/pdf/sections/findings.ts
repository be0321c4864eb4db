// Findings by element: for each element, the scores in one line and then the reviewer's reasons
// in words (scores carry rationale and evidence, so the record is not a tick-box list).
import type { RecordElement } from '../../../../../src/lib/shared/record/record.ts';
import { label, paragraph, sectionHeading, setStyle, subHeading } from '../blocks.ts';
import { write } from '../write.ts';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export function scoreLine(ctx: RecordContext, e: RecordElement): string {
	const { labels } = ctx;
	const level = (n: number | null) => (n === null ? 'not scored' : `${n} ${labels.scoreName(n)}`.trim());
	return [
		`Self ${level(e.selfScore)}`,
		`Independent ${level(e.independentScore)}`,
		`Target ${e.target}`,
		`Gap ${e.gap ?? '\u2013'}`,
		e.priority ? `Priority ${labels.priority(e.priority)}` : '',
		e.confidence ? `Confidence ${labels.confidence(e.confidence).toLowerCase()}` : '',
		`${e.evidenceCount} evidence ${e.evidenceCount === 1 ? 'item' : 'items'}`
	]
		.filter(Boolean)
		.join('  \u00b7  ');
}

function drawElement(ctx: RecordContext, e: RecordElement): void {
	const { doc, labels } = ctx;
	ensureSpace(doc, 70);
	setStyle(doc, { font: 'bold', size: SIZE.h3 });
	write(doc, `${e.code}  ${e.title}${e.critical ? '  (critical)' : ''}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
	doc.moveDown(0.15);
	paragraph(doc, scoreLine(ctx, e), { size: SIZE.small, colour: COLOUR.muted, gap: 0.3 });
	paragraph(doc, e.rationale, { empty: e.independentScore === null ? 'No independent score yet.' : 'No rationale recorded.' });
	if (e.differenceRationale?.trim()) {
		paragraph(doc, `Why the independent level differs from the self-assessment (self ${e.selfScore}, independent ${e.independentScore}): ${e.differenceRationale}`, { size: SIZE.small });
	}
	if (e.applicability !== 'applicable') paragraph(doc, `${labels.applicability(e.applicability)}: ${e.justification}`, { size: SIZE.small });
	if (e.targetRationale) paragraph(doc, `Why target ${e.target}: ${e.targetRationale}`, { size: SIZE.small });
	if (e.priorityOverride) paragraph(doc, `Priority set to ${labels.priority(e.priorityOverride)} by the reviewer${e.derivedPriority ? ` (derived: ${e.derivedPriority})` : ''}: ${e.overrideReason}`, { size: SIZE.small });
	if (e.proposals.length > 0) {
		label(doc, 'Department views');
		for (const p of e.proposals) paragraph(doc, `${p.department || 'A department'} proposed ${p.score}${p.comment ? `: ${p.comment}` : '.'}`, { size: SIZE.small, gap: 0.2 });
	}
	if (e.comments) paragraph(doc, `Comments: ${e.comments}`, { size: SIZE.small, colour: COLOUR.muted });
	doc.moveDown(0.6);
}

export function drawFindings(ctx: RecordContext): void {
	const { doc, record, labels } = ctx;
	sectionHeading(doc, 'Findings by element');
	let pillar = '';
	for (const element of record.elements) {
		if (element.pillar !== pillar) {
			pillar = element.pillar;
			subHeading(doc, `${pillar}  ${labels.pillar(pillar)}`, { colour: COLOUR.navy, keep: 110 });
			doc.moveDown(0.2);
		}
		drawElement(ctx, element);
	}
}
