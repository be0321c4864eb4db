// Page geometry, type and colour of the PDF record, in one place so every section lines up.
// Colours are the app's own (src/app.css), so the printed record looks like the product.
import type PDFDocument from 'pdfkit';

export type Pdf = typeof PDFDocument;

/** A4 in PDF points (1/72 inch). */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 56, bottom: 72, left: 56, right: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where the footer sits, inside the bottom margin. */
export const FOOTER_Y = PAGE.height - 44;

export { FONT, type FontName } from './fonts.ts';

export const SIZE = { title: 22, subtitle: 13, h1: 15, h2: 11.5, h3: 10, body: 9.5, small: 8.5, tiny: 7.5 } as const;

export const COLOUR = {
	ink: '#17202a',
	muted: '#47566a',
	faint: '#7a8796',
	rule: '#c9d1da',
	ruleLight: '#dde3e9',
	navy: '#0b3d5c',
	navyLight: '#e3eef6',
	navyFaint: '#f1f7fb',
	headerFill: '#eef1f4',
	zebra: '#f5f7f9',
	red: '#8f1d16',
	redLight: '#fdf0ef',
	amber: '#7a4d00',
	amberLight: '#fff6e0',
	green: '#1b5e34',
	greenLight: '#edf7f0'
} as const;

/** The lowest y content may reach before a new page is needed. */
export function contentBottom(): number {
	return PAGE.height - MARGIN.bottom;
}

/** Starts a new page when fewer than `height` points are left, so a block is not split badly. */
export function ensureSpace(doc: Pdf, height: number): void {
	if (doc.y + height > contentBottom()) doc.addPage();
}
