// Text blocks of the PDF record: headings that never sit alone at a page foot, paragraphs,
// label/value lines and bullet lists. Every string goes through write() (pdf/write.ts).
import { isRightToLeft, measure, write } from './write.ts';
import { COLOUR, CONTENT_WIDTH, FONT, MARGIN, SIZE, ensureSpace, type FontName, type Pdf } from './theme.ts';

/** Where an indented block starts: indented from the left, or, right to left, from the right. */
function indentedX(doc: Pdf, indent: number): number {
	return isRightToLeft(doc) ? MARGIN.left : MARGIN.left + indent;
}

export type TextStyle = { font?: FontName; size?: number; colour?: string; gap?: number };

export function setStyle(doc: Pdf, style: TextStyle = {}): void {
	doc.font(FONT[style.font ?? 'regular']).fontSize(style.size ?? SIZE.body).fillColor(style.colour ?? COLOUR.ink);
}

/** A section title with a rule under it; `newPage` starts it on a fresh page. */
export function sectionHeading(doc: Pdf, title: string, options: { newPage?: boolean; intro?: string } = {}): void {
	if (options.newPage) doc.addPage();
	else {
		ensureSpace(doc, 90);
		doc.moveDown(0.8);
	}
	doc.x = MARGIN.left;
	setStyle(doc, { font: 'bold', size: SIZE.h1, colour: COLOUR.navy });
	write(doc, title, MARGIN.left, doc.y, { width: CONTENT_WIDTH, structure: 'H1' });
	const y = doc.y + 3;
	doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(1).strokeColor(COLOUR.navy).stroke();
	doc.y = y + 8;
	if (options.intro) paragraph(doc, options.intro, { colour: COLOUR.muted, size: SIZE.small });
}

/** A sub-heading kept with at least `keep` points of what follows. */
export function subHeading(doc: Pdf, title: string, options: { size?: number; colour?: string; keep?: number } = {}): void {
	ensureSpace(doc, options.keep ?? 60);
	setStyle(doc, { font: 'bold', size: options.size ?? SIZE.h2, colour: options.colour ?? COLOUR.ink });
	write(doc, title, MARGIN.left, doc.y, { width: CONTENT_WIDTH, structure: 'H2' });
	doc.moveDown(0.25);
}

/** Plain text; each line of the text is its own paragraph. Empty text prints `empty` muted. */
export function paragraph(doc: Pdf, text: string, style: TextStyle & { indent?: number; empty?: string } = {}): void {
	const lines = text.split('\n').filter((line) => line.trim() !== '');
	const indent = style.indent ?? 0;
	if (lines.length === 0) {
		if (style.empty === undefined) return;
		setStyle(doc, { font: 'italic', size: style.size, colour: COLOUR.faint });
		write(doc, style.empty, indentedX(doc, indent), doc.y, { width: CONTENT_WIDTH - indent });
		doc.moveDown(style.gap ?? 0.4);
		return;
	}
	setStyle(doc, style);
	for (const line of lines) {
		write(doc, line.trim(), indentedX(doc, indent), doc.y, { width: CONTENT_WIDTH - indent, lineGap: 1.5 });
		doc.moveDown(style.gap ?? 0.4);
	}
}

/** "Label  value" lines with the labels in one column, for metadata. */
export function definitionList(doc: Pdf, items: ReadonlyArray<{ label: string; value: string; font?: FontName }>, labelWidth = 120): void {
	for (const item of items) {
		if (item.value === '') continue;
		setStyle(doc, { font: item.font ?? 'regular' });
		const valueWidth = CONTENT_WIDTH - labelWidth;
		const height = measure(doc, item.value, { width: valueWidth, lineGap: 1.5 });
		ensureSpace(doc, height + 4);
		const y = doc.y;
		// Right to left, the labels' column is on the right.
		const rtl = isRightToLeft(doc);
		setStyle(doc, { size: SIZE.small, colour: COLOUR.muted });
		write(doc, item.label, rtl ? MARGIN.left + valueWidth + 8 : MARGIN.left, y + 0.8, { width: labelWidth - 8 });
		setStyle(doc, { font: item.font ?? 'regular' });
		write(doc, item.value, rtl ? MARGIN.left : MARGIN.left + labelWidth, y, { width: valueWidth, lineGap: 1.5 });
		doc.y = y + height + 4;
	}
	doc.x = MARGIN.left;
}

/** A small label above a block, such as "Answer" or "Evidence". */
export function label(doc: Pdf, text: string, indent = 0): void {
	ensureSpace(doc, 34);
	doc.moveDown(0.25);
	setStyle(doc, { font: 'bold', size: SIZE.tiny, colour: COLOUR.muted });
	write(doc, text.toUpperCase(), indentedX(doc, indent), doc.y, { width: CONTENT_WIDTH - indent, characterSpacing: 0.6 });
	doc.moveDown(0.2);
}

export function bullets(doc: Pdf, items: readonly string[], style: TextStyle & { indent?: number } = {}): void {
	const indent = style.indent ?? 0;
	setStyle(doc, style);
	for (const item of items) {
		ensureSpace(doc, 14);
		const y = doc.y;
		if (isRightToLeft(doc)) {
			// Right to left, the bullet sits at the right edge, before the text's start.
			doc.text('•', MARGIN.left + CONTENT_WIDTH - indent - 10, y, { width: 10, align: 'right' });
			write(doc, item, MARGIN.left, y, { width: CONTENT_WIDTH - indent - 12, lineGap: 1.5 });
		} else {
			doc.text('•', MARGIN.left + indent, y, { width: 10 });
			write(doc, item, MARGIN.left + indent + 10, y, { width: CONTENT_WIDTH - indent - 10, lineGap: 1.5 });
		}
		doc.moveDown(0.2);
	}
	doc.moveDown(0.2);
}

export function rule(doc: Pdf, colour: string = COLOUR.ruleLight): void {
	const y = doc.y + 4;
	doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(colour).stroke();
	doc.y = y + 8;
}
