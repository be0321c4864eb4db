// The first page's title block: whose record this is, which version, when and by whom it was
// frozen, its status, and the full fingerprint a reader can check it against.
import { COLOUR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from '../theme.ts';
import { definitionList, setStyle } from '../blocks.ts';
import { formatDate, formatUtc } from '../safe-text.ts';
import { write } from '../write.ts';
import { recordName, type RecordContext } from '../context.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import { RECORD_LANGUAGE_DIRECTIONS, type RecordLanguage } from '../../../../../src/lib/shared/framework/languages.ts';
import type { RecordStatus } from '../../../contract.ts';

const STATUS_STYLE: Record<RecordStatus, { fill: string; ink: string }> = {
	signed: { fill: COLOUR.greenLight, ink: COLOUR.green },
	frozen: { fill: COLOUR.navyLight, ink: COLOUR.navy },
	superseded: { fill: COLOUR.amberLight, ink: COLOUR.amber }
};

/** What the status means, in the record's language. */
function explain(status: RecordStatus, locale: RecordLanguage): string {
	const options = { locale };
	if (status === 'signed') return m.exports_cover_status_signed_explain({}, options);
	if (status === 'frozen') return m.exports_cover_status_frozen_explain({}, options);
	return m.exports_cover_status_superseded_explain({}, options);
}

/** A version can be superseded after it was signed; the later version takes precedence for the label. */
export function statusOf(ctx: Pick<RecordContext, 'version'>): RecordStatus {
	return ctx.version.superseded ? 'superseded' : ctx.version.status;
}

function statusChip(ctx: RecordContext, status: RecordStatus, y: number): void {
	const { doc, labels, language } = ctx;
	const text = labels.recordStatus(status).toLocaleUpperCase(language);
	doc.font(FONT.bold).fontSize(SIZE.small);
	const width = doc.widthOfString(text, { characterSpacing: 0.8 }) + 18;
	// At the end of the line the title starts on: the right in a left-to-right record, the left in Arabic.
	const x = RECORD_LANGUAGE_DIRECTIONS[language] === 'rtl' ? MARGIN.left : MARGIN.left + CONTENT_WIDTH - width;
	doc.roundedRect(x, y, width, 20, 3).fill(STATUS_STYLE[status].fill);
	doc.fillColor(STATUS_STYLE[status].ink);
	write(doc, text, x, y + 6, { width, align: 'center', characterSpacing: 0.8 });
}

function hashBox(ctx: RecordContext): void {
	const { doc, version } = ctx;
	const options = { locale: ctx.language };
	const top = doc.y + 6;
	const inner = CONTENT_WIDTH - 24;
	const rows: Array<[string, string, boolean]> = [
		[m.exports_cover_chain_hash({}, options), version.chainHash, true],
		[m.exports_cover_previous_chain_hash({}, options), version.previousChainHash ?? m.exports_cover_no_previous_chain_hash({}, options), version.previousChainHash !== null]
	];
	const note = m.exports_cover_fingerprint_note({}, options);
	setStyle(doc, { font: 'italic', size: SIZE.tiny });
	const height = 10 + 14 + 18 + rows.length * 12 + 4 + doc.heightOfString(note, { width: inner }) + 10;
	doc.roundedRect(MARGIN.left, top, CONTENT_WIDTH, height, 4).fill(COLOUR.navyFaint);
	doc.roundedRect(MARGIN.left, top, CONTENT_WIDTH, height, 4).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
	let y = top + 10;
	setStyle(doc, { font: 'bold', size: SIZE.small, colour: COLOUR.navy });
	write(doc, m.exports_cover_fingerprint({}, options), MARGIN.left + 12, y, { width: inner });
	y += 14;
	doc.font(FONT.mono).fontSize(9.6).fillColor(COLOUR.ink);
	write(doc, version.contentHash, MARGIN.left + 12, y, { width: inner, lineBreak: false });
	y += 18;
	for (const [name, value, isHash] of rows) {
		setStyle(doc, { size: SIZE.tiny, colour: COLOUR.muted });
		// Right to left, the names' column is on the right.
		const rtl = RECORD_LANGUAGE_DIRECTIONS[ctx.language] === 'rtl';
		write(doc, name, rtl ? MARGIN.left + 12 + inner - 92 : MARGIN.left + 12, y + 0.5, { width: 92 });
		// Hashes in the monospaced face; words (the "none" line) in the text face.
		doc.font(isHash ? FONT.mono : FONT.regular).fontSize(7.5).fillColor(COLOUR.muted);
		write(doc, value, rtl ? MARGIN.left + 12 : MARGIN.left + 104, y, { width: inner - 96, lineBreak: false });
		y += 12;
	}
	setStyle(doc, { font: 'italic', size: SIZE.tiny, colour: COLOUR.muted });
	write(doc, note, MARGIN.left + 12, y + 4, { width: inner });
	doc.x = MARGIN.left;
	doc.y = top + height + 14;
}

export function drawCover(ctx: RecordContext): void {
	const { doc, version, record, labels, language } = ctx;
	const options = { locale: language };
	const status = statusOf(ctx);
	const top = MARGIN.top;
	statusChip(ctx, status, top - 2);
	setStyle(doc, { font: 'bold', size: SIZE.small, colour: COLOUR.navy });
	// Wider letter spacing would make text extraction split the words.
	write(doc, m.exports_cover_kicker({}, options), MARGIN.left, top, { width: CONTENT_WIDTH, characterSpacing: 0.8 });
	doc.moveDown(0.9);
	setStyle(doc, { font: 'bold', size: SIZE.title, colour: COLOUR.ink });
	const rtl = RECORD_LANGUAGE_DIRECTIONS[language] === 'rtl';
	write(doc, record.review.portName, rtl ? MARGIN.left + 110 : MARGIN.left, doc.y, { width: CONTENT_WIDTH - 110 });
	setStyle(doc, { size: SIZE.h3, colour: COLOUR.muted });
	write(doc, record.review.portCountry, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
	doc.moveDown(0.6);
	setStyle(doc, { size: SIZE.subtitle, colour: COLOUR.ink });
	write(doc, record.review.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
	doc.moveDown(1);

	const framework = record.framework;
	definitionList(doc, [
		{ label: m.exports_cover_record({}, options), value: recordName(version, language), font: 'bold' },
		{ label: m.exports_cover_label({}, options), value: version.label },
		{ label: m.exports_cover_note({}, options), value: version.note },
		{ label: m.exports_cover_review_kind({}, options), value: labels.kind(record.review.kind) },
		{ label: m.exports_cover_framework({}, options), value: m.exports_cover_framework_value({ name: framework.name, version: framework.version, id: framework.id }, options) },
		{ label: m.exports_cover_review_held({}, options), value: formatDate(record.review.scheduledOn, language) },
		{ label: m.exports_cover_frozen({}, options), value: m.exports_cover_frozen_value({ at: formatUtc(version.frozenAt, language), name: version.frozenByName }, options) },
		{ label: m.exports_cover_status({}, options), value: m.exports_cover_status_value({ status: labels.recordStatus(status), explanation: explain(status, language) }, options), font: 'bold' }
	]);
	hashBox(ctx);
}
