// The interview record: each entry with the question as it was asked, who answered (role and
// department; a name only where the interviewee agreed), what was said and seen, and the evidence.
import type { RecordInterviewEntry } from '../../../../../src/lib/shared/record/record.ts';
import { bullets, label, paragraph, rule, sectionHeading, setStyle } from '../blocks.ts';
import { formatUtcShort } from '../safe-text.ts';
import { write } from '../write.ts';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '../theme.ts';
import type { RecordContext } from '../context.ts';

function interviewee(entry: RecordInterviewEntry): string {
	const who = [entry.interviewee.role, entry.interviewee.department].filter(Boolean).join(', ') || 'Interviewee not recorded';
	return entry.interviewee.name ? `${entry.interviewee.name} (${who})` : who;
}

function drawEntry(ctx: RecordContext, entry: RecordInterviewEntry, n: number): void {
	const { doc, labels } = ctx;
	const element = ctx.element(entry.elementCode);
	ensureSpace(doc, 110);
	setStyle(doc, { font: 'bold', size: SIZE.small, colour: COLOUR.navy });
	write(doc, `${n}.  ${entry.elementCode}  ${element?.title ?? ''}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
	doc.moveDown(0.2);
	setStyle(doc, { font: 'bold', size: SIZE.h3 });
	write(doc, `\u201c${entry.promptAsked}\u201d`, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
	doc.moveDown(0.2);
	const meta = [
		`Interviewee: ${interviewee(entry)}`,
		entry.indicativeLevel === null ? '' : `Indicative level ${entry.indicativeLevel} ${labels.scoreName(entry.indicativeLevel)}`,
		`Recorded by ${entry.author}, ${formatUtcShort(entry.createdAt)}`,
		entry.readBackDone ? 'Read back to the interviewee' : 'Not read back'
	].filter(Boolean);
	paragraph(doc, meta.join('  \u00b7  '), { size: SIZE.small, colour: COLOUR.muted, gap: 0.5 });
	label(doc, 'Answer');
	paragraph(doc, entry.answer.text, { empty: 'No answer recorded.' });
	label(doc, 'Observations');
	paragraph(doc, entry.observations.text, { empty: 'No observations recorded.' });
	if (entry.evidence.length > 0) {
		label(doc, 'Evidence');
		bullets(doc, entry.evidence.map((e) => `${e.title}${e.versionOrDate ? ` (${e.versionOrDate})` : ''}: ${labels.evidenceStatus(e.status)}`), { size: SIZE.small });
	}
	if (entry.followUps.length > 0) {
		label(doc, 'Follow-ups');
		bullets(doc, entry.followUps.map((f) => `${f.text}${f.done ? ' (done)' : ''}`), { size: SIZE.small });
	}
	rule(doc);
}

export function drawInterviews(ctx: RecordContext): void {
	const { doc, record } = ctx;
	sectionHeading(doc, 'Interview record', {
		newPage: true,
		intro: 'Interviewees are identified by role and department; a name appears only where the interviewee agreed to be named.'
	});
	if (record.interview.length === 0) paragraph(doc, '', { empty: 'No interview entries were recorded.' });
	record.interview.forEach((entry, i) => drawEntry(ctx, entry, i + 1));
}
