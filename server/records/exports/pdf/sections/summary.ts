// The summary a board reads first: how many elements carry each priority, how many fall short of
// their target, and what the plan and the interviews hold. Counts only; the detail follows.
import { PRIORITIES } from '../../../../../src/lib/shared/framework/index.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import type { EvaluationRecord } from '../../../../../src/lib/shared/record/record.ts';
import { bullets, label, paragraph, sectionHeading } from '../blocks.ts';
import { isRightToLeft, write } from '../write.ts';
import { COLOUR, CONTENT_WIDTH, FONT, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

export type RecordSummary = {
	priorities: Record<(typeof PRIORITIES)[number], number>;
	elements: number;
	belowTarget: number;
	criticalBelowTarget: number;
	independent: number;
	selfOnly: number;
	unscored: number;
	notApplicable: number;
	actions: number;
	entries: number;
	entryElements: number;
};

export function summarise(record: EvaluationRecord): RecordSummary {
	const priorities = { P1: 0, P2: 0, P3: 0, P4: 0 };
	for (const e of record.elements) if (e.priority && e.priority in priorities) priorities[e.priority as keyof typeof priorities] += 1;
	const below = record.elements.filter((e) => e.gap !== null && e.gap > 0);
	return {
		priorities,
		elements: record.elements.length,
		belowTarget: below.length,
		criticalBelowTarget: below.filter((e) => e.critical).length,
		independent: record.elements.filter((e) => e.gapBasis === 'independent').length,
		selfOnly: record.elements.filter((e) => e.gapBasis === 'self').length,
		unscored: record.elements.filter((e) => e.gapBasis === null && e.applicability !== 'not_applicable').length,
		notApplicable: record.elements.filter((e) => e.applicability === 'not_applicable').length,
		actions: record.plan.length,
		entries: record.interview.length,
		entryElements: new Set(record.interview.map((i) => i.elementCode)).size
	};
}

const TILE_FILL = { P1: COLOUR.redLight, P2: COLOUR.amberLight, P3: COLOUR.navyFaint, P4: '#f5f7f9' } as const;
const TILE_INK = { P1: COLOUR.red, P2: COLOUR.amber, P3: COLOUR.navy, P4: COLOUR.muted } as const;

function tiles(ctx: RecordContext, summary: RecordSummary): void {
	const { doc, labels } = ctx;
	const options = { locale: ctx.language };
	const gap = 8;
	const count = PRIORITIES.length + 1;
	const width = (CONTENT_WIDTH - gap * (count - 1)) / count;
	const height = 54;
	ensureSpace(doc, height + 10);
	const y = doc.y;
	const tile = (i: number, value: number, caption: string, fill: string, ink: string) => {
		// Right to left, the first tile (P1) is the rightmost.
		const x = MARGIN.left + (isRightToLeft(doc) ? count - 1 - i : i) * (width + gap);
		doc.roundedRect(x, y, width, height, 4).fill(fill);
		doc.font(FONT.bold).fontSize(20).fillColor(ink);
		write(doc, String(value), x + 10, y + 8, { width: width - 20 });
		doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOUR.ink);
		write(doc, caption, x + 10, y + 34, { width: width - 20 });
	};
	PRIORITIES.forEach((p, i) => tile(i, summary.priorities[p], labels.priority(p), TILE_FILL[p], TILE_INK[p]));
	tile(PRIORITIES.length, summary.belowTarget, m.exports_summary_tile_below_target({ count: summary.elements }, options), COLOUR.headerFill, COLOUR.ink);
	doc.x = MARGIN.left;
	doc.y = y + height + 12;
}

export function drawSummary(ctx: RecordContext): void {
	const { doc, record } = ctx;
	const options = { locale: ctx.language };
	const s = summarise(record);
	sectionHeading(doc, m.exports_summary_heading({}, options), { intro: m.exports_summary_intro({}, options) });
	tiles(ctx, s);
	const facts = [
		m.exports_summary_below_target({ count: s.belowTarget, critical: s.criticalBelowTarget }, options),
		m.exports_summary_two_clauses(
			{ first: m.exports_summary_scored_independent({ count: s.independent }, options), second: m.exports_summary_self_only({ count: s.selfOnly }, options) },
			options
		),
		s.unscored > 0 ? m.exports_summary_unscored({ count: s.unscored }, options) : '',
		s.notApplicable > 0 ? m.exports_summary_not_applicable({ count: s.notApplicable }, options) : '',
		m.exports_summary_plan_and_interviews(
			{
				actions: m.exports_count_actions({ count: s.actions }, options),
				entries: m.exports_count_entries({ count: s.entries }, options),
				elements: m.exports_count_elements({ count: s.entryElements }, options)
			},
			options
		)
	].filter((f) => f !== '');
	bullets(doc, facts);
	if (record.overviewNotes.text !== '') {
		doc.moveDown(0.3);
		label(doc, m.exports_summary_workshop_notes({}, options));
		paragraph(doc, record.overviewNotes.text);
	}
}
