// The footer on every page: which review, which version, the short hash and "page X of Y".
// Drawn after all content (pages are buffered), because the page count is only known then.
import { drawBidi, hasRtl } from './bidi-text.ts';
import { pdfSafe, shortHash } from './safe-text.ts';
import { artifact } from './structure.ts';
import { COLOUR, CONTENT_WIDTH, FONT, FOOTER_Y, MARGIN, SIZE } from './theme.ts';
import { m } from '../../../../src/lib/paraglide/messages.js';
import { recordName, type RecordContext } from './context.ts';

export function footerText(ctx: Pick<RecordContext, 'version' | 'language'>, page: number, pages: number): string {
	return m.exports_footer_line({ record: recordName(ctx.version, ctx.language), hash: shortHash(ctx.version.contentHash), page, pages }, { locale: ctx.language });
}

function fit(ctx: RecordContext, text: string, width: number): string {
	if (ctx.doc.widthOfString(text) <= width) return text;
	let cut = text;
	while (cut.length > 1 && ctx.doc.widthOfString(`${cut}\u2026`) > width) cut = cut.slice(0, -1);
	return `${cut.trimEnd()}\u2026`;
}

export function drawFooters(ctx: RecordContext): void {
	const { doc, record } = ctx;
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Text below the bottom margin would otherwise make pdfkit start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		// Repeated on every page, so outside the reading order (a screen reader skips it).
		artifact(doc, () => {
			doc.moveTo(MARGIN.left, FOOTER_Y - 8).lineTo(MARGIN.left + CONTENT_WIDTH, FOOTER_Y - 8).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
			doc.font(FONT.regular).fontSize(SIZE.tiny).fillColor(COLOUR.muted);
			const right = footerText(ctx, i - range.start + 1, range.count);
			const rightWidth = doc.widthOfString(right);
			// In Arabic the footer's own words are right to left: the bidirectional layout orders them.
			if (hasRtl(right)) drawBidi(doc, right, MARGIN.left + CONTENT_WIDTH - rightWidth, FOOTER_Y, { width: rightWidth + 1 });
			else doc.text(right, MARGIN.left + CONTENT_WIDTH - rightWidth, FOOTER_Y, { lineBreak: false });
			const left = fit(ctx, pdfSafe(`${record.review.portName} \u2014 ${record.review.title}`), CONTENT_WIDTH - rightWidth - 16);
			if (hasRtl(left)) drawBidi(doc, left, MARGIN.left, FOOTER_Y, { width: CONTENT_WIDTH - rightWidth - 16 });
			else doc.text(left, MARGIN.left, FOOTER_Y, { lineBreak: false });
		});
		doc.page.margins.bottom = bottom;
	}
}
