// Findings by element: for each element, the scores in one line and then the reviewer's reasons
// in words (scores carry rationale and evidence, so the record is not a tick-box list).
import type { RecordElement } from '../../../../../src/lib/shared/record/record.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import { label, paragraph, sectionHeading, setStyle, subHeading } from '../blocks.ts';
import { write } from '../write.ts';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export function scoreLine(ctx: RecordContext, e: RecordElement): string {
	const { labels, language } = ctx;
	const options = { locale: language };
	const level = (n: number | null) => (n === null ? m.exports_findings_not_scored({}, options) : `${n} ${labels.scoreName(n)}`.trim());
	return [
		m.exports_findings_self({ level: level(e.selfScore) }, options),
		m.exports_findings_independent({ level: level(e.independentScore) }, options),
		m.exports_findings_target({ target: e.target }, options),
		m.exports_findings_gap({ gap: e.gap ?? '\u2013' }, options),
		e.priority ? m.exports_findings_priority({ priority: labels.priority(e.priority) }, options) : '',
		e.confidence ? m.exports_findings_confidence({ confidence: labels.confidence(e.confidence).toLocaleLowerCase(language) }, options) : '',
		m.exports_findings_evidence_count({ count: e.evidenceCount }, options)
	]
		.filter(Boolean)
		.join('  \u00b7  ');
}

function drawElement(ctx: RecordContext, e: RecordElement): void {
	const { doc, labels } = ctx;
	const options = { locale: ctx.language };
	ensureSpace(doc, 70);
	setStyle(doc, { font: 'bold', size: SIZE.h3 });
	write(doc, `${e.code}  ${e.title}${e.critical ? `  ${m.exports_findings_critical({}, options)}` : ''}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
	doc.moveDown(0.15);
	paragraph(doc, scoreLine(ctx, e), { size: SIZE.small, colour: COLOUR.muted, gap: 0.3 });
	paragraph(doc, e.rationale, { empty: e.independentScore === null ? m.exports_findings_no_independent_score({}, options) : m.exports_findings_no_rationale({}, options) });
	if (e.differenceRationale?.trim()) {
		paragraph(doc, m.exports_findings_difference_rationale({ self: e.selfScore ?? '', independent: e.independentScore ?? '', reason: e.differenceRationale }, options), { size: SIZE.small });
	}
	if (e.applicability !== 'applicable') paragraph(doc, `${labels.applicability(e.applicability)}: ${e.justification}`, { size: SIZE.small });
	if (e.targetRationale) paragraph(doc, m.exports_findings_target_rationale({ target: e.target, reason: e.targetRationale }, options), { size: SIZE.small });
	if (e.priorityOverride) {
		const priority = labels.priority(e.priorityOverride);
		const text = e.derivedPriority
			? m.exports_findings_priority_override_derived({ priority, derived: e.derivedPriority, reason: e.overrideReason }, options)
			: m.exports_findings_priority_override({ priority, reason: e.overrideReason }, options);
		paragraph(doc, text, { size: SIZE.small });
	}
	if (e.proposals.length > 0) {
		label(doc, m.exports_findings_department_views({}, options));
		for (const p of e.proposals) {
			const department = p.department || m.exports_findings_a_department({}, options);
			const text = p.comment ? m.exports_findings_proposal_comment({ department, score: p.score, comment: p.comment }, options) : m.exports_findings_proposal({ department, score: p.score }, options);
			paragraph(doc, text, { size: SIZE.small, gap: 0.2 });
		}
	}
	if (e.comments) paragraph(doc, m.exports_findings_comments({ comments: e.comments }, options), { size: SIZE.small, colour: COLOUR.muted });
	doc.moveDown(0.6);
}

export function drawFindings(ctx: RecordContext): void {
	const { doc, record, labels } = ctx;
	sectionHeading(doc, m.exports_findings_heading({}, { locale: ctx.language }));
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
