// The interview record: each entry with the question as it was asked, who answered (role and
// department; a name only where the interviewee agreed), what was said and seen, and the evidence.
import type { RecordInterviewEntry } from '../../../../../src/lib/shared/record/record.ts';
import type { RecordLanguage } from '../../../../../src/lib/shared/framework/languages.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import { bullets, label, paragraph, rule, sectionHeading, setStyle } from '../blocks.ts';
import { formatUtcShort } from '../safe-text.ts';
import { write } from '../write.ts';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

function interviewee(entry: RecordInterviewEntry, locale: RecordLanguage): string {
	const who = [entry.interviewee.role, entry.interviewee.department].filter(Boolean).join(', ') || m.exports_interviews_interviewee_unknown({}, { locale });
	return entry.interviewee.name ? `${entry.interviewee.name} (${who})` : who;
}

function drawEntry(ctx: RecordContext, entry: RecordInterviewEntry, n: number): void {
	const { doc, labels, language } = ctx;
	const options = { locale: language };
	const element = ctx.element(entry.elementCode);
	ensureSpace(doc, 110);
	setStyle(doc, { font: 'bold', size: SIZE.small, colour: COLOUR.navy });
	write(doc, `${n}.  ${entry.elementCode}  ${element?.title ?? ''}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
	doc.moveDown(0.2);
	setStyle(doc, { font: 'bold', size: SIZE.h3 });
	write(doc, m.exports_interviews_quoted({ text: entry.promptAsked }, options), MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
	doc.moveDown(0.2);
	const meta = [
		m.exports_interviews_interviewee({ who: interviewee(entry, language) }, options),
		entry.indicativeLevel === null ? '' : m.exports_interviews_indicative_level({ level: `${entry.indicativeLevel} ${labels.scoreName(entry.indicativeLevel)}`.trim() }, options),
		m.exports_interviews_recorded_by({ author: entry.author, at: formatUtcShort(entry.createdAt, language) }, options),
		entry.readBackDone ? m.exports_interviews_read_back({}, options) : m.exports_interviews_not_read_back({}, options)
	].filter(Boolean);
	paragraph(doc, meta.join('  \u00b7  '), { size: SIZE.small, colour: COLOUR.muted, gap: 0.5 });
	label(doc, m.exports_interviews_answer({}, options));
	paragraph(doc, entry.answer.text, { empty: m.exports_interviews_no_answer({}, options) });
	label(doc, m.exports_interviews_observations({}, options));
	paragraph(doc, entry.observations.text, { empty: m.exports_interviews_no_observations({}, options) });
	if (entry.evidence.length > 0) {
		label(doc, m.exports_interviews_evidence({}, options));
		bullets(doc, entry.evidence.map((e) => `${e.title}${e.versionOrDate ? ` (${e.versionOrDate})` : ''}: ${labels.evidenceStatus(e.status)}`), { size: SIZE.small });
	}
	if (entry.followUps.length > 0) {
		label(doc, m.exports_interviews_follow_ups({}, options));
		bullets(doc, entry.followUps.map((f) => (f.done ? m.exports_interviews_follow_up_done({ text: f.text }, options) : f.text)), { size: SIZE.small });
	}
	rule(doc);
}

export function drawInterviews(ctx: RecordContext): void {
	const { doc, record } = ctx;
	const options = { locale: ctx.language };
	sectionHeading(doc, m.exports_interviews_heading({}, options), { newPage: true, intro: m.exports_interviews_intro({}, options) });
	if (record.interview.length === 0) paragraph(doc, '', { empty: m.exports_interviews_empty({}, options) });
	record.interview.forEach((entry, i) => drawEntry(ctx, entry, i + 1));
}
