// The one way record text reaches the page: made printable for the embedded fonts (pdfSafe), then
// drawn by pdfkit, or by the bidirectional layout when it holds right-to-left letters
// (bidi-text.ts). Measuring goes through the same choice, so a measured block and the drawn block
// always have the same height.
import { drawBidi, hasRtl, heightOfBidi } from './bidi-text.ts';
import { pdfSafe } from './safe-text.ts';
import { tagged, type StructureType } from './structure.ts';
import type { Pdf } from './theme.ts';

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
	tagged(doc, structure, () => {
		if (hasRtl(safe)) drawBidi(doc, safe, x, y, { width: options.width, align: options.align, lineGap: options.lineGap });
		else doc.text(safe, x, y, textOptions);
	});
}

/** The height `write` takes for `text`, in the current font and size. */
export function measure(doc: Pdf, text: string, options: Pick<WriteOptions, 'width' | 'lineGap'>): number {
	const safe = pdfSafe(text);
	return hasRtl(safe) ? heightOfBidi(doc, safe, options) : doc.heightOfString(safe, options);
}
