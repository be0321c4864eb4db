// The one way record text reaches the page: made printable for the embedded fonts (pdfSafe), then
// drawn by pdfkit, or by the bidirectional layout when it holds right-to-left letters
// (bidi-text.ts). Measuring goes through the same choice, so a measured block and the drawn block
// always have the same height.
import { drawBidi, hasRtl, heightOfBidi } from './bidi-text.ts';
import { pdfSafe } from './safe-text.ts';
import { tagged, type StructureType } from './structure.ts';
import { FONT, type Pdf } from './theme.ts';

/** Documents written right to left (an Arabic record): lines start at the right edge. */
const rightToLeft = new WeakSet<Pdf>();

/** Sets the reading direction of a document's text, from its record language. */
export function setDirection(doc: Pdf, direction: 'ltr' | 'rtl'): void {
	if (direction === 'rtl') rightToLeft.add(doc);
	else rightToLeft.delete(doc);
}

export function isRightToLeft(doc: Pdf): boolean {
	return rightToLeft.has(doc);
}

const MIRRORED = { left: 'right', right: 'left', center: 'center' } as const;

/**
 * DejaVu Sans Oblique has no Arabic letters (and Arabic has no italic convention): right-to-left
 * text set in it is drawn and measured in the regular face, which has them, instead of blanks.
 */
function inRtlFace<T>(doc: Pdf, draw: () => T): T {
	const current = (doc as unknown as { _font?: { name?: string } })._font?.name;
	if (current !== FONT.italic) return draw();
	doc.font(FONT.regular);
	try {
		return draw();
	} finally {
		doc.font(FONT.italic);
	}
}

export type WriteOptions = {
	width: number;
	align?: 'left' | 'center' | 'right';
	lineGap?: number;
	characterSpacing?: number;
	lineBreak?: boolean;
	/** What the text is in the document's structure: a paragraph unless it says it is a heading. */
	structure?: StructureType;
};

/** Draws `text` at (x, y) within `options.width`, leaving doc.y below it, like doc.text. */
export function write(doc: Pdf, text: string, x: number, y: number, options: WriteOptions): void {
	const safe = pdfSafe(text);
	const { structure = 'P', ...textOptions } = options;
	const rtl = rightToLeft.has(doc);
	tagged(doc, structure, () => {
		// In a right-to-left document Arabic lines are right to left whatever they start with, and a
		// line without Arabic (a name, a code, a date in Latin letters) is set against the right edge too.
		if (hasRtl(safe)) inRtlFace(doc, () => drawBidi(doc, safe, x, y, { width: options.width, align: options.align, lineGap: options.lineGap, direction: rtl ? 'rtl' : 'ltr' }));
		else doc.text(safe, x, y, rtl ? { ...textOptions, align: MIRRORED[textOptions.align ?? 'left'] } : textOptions);
	});
}

/** The height `write` takes for `text`, in the current font and size. */
export function measure(doc: Pdf, text: string, options: Pick<WriteOptions, 'width' | 'lineGap'>): number {
	const safe = pdfSafe(text);
	return hasRtl(safe) ? inRtlFace(doc, () => heightOfBidi(doc, safe, options)) : doc.heightOfString(safe, options);
}
