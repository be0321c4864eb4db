// Text that may hold right-to-left script (Arabic, Hebrew), drawn so it reads correctly.
//
// Why this exists: pdfkit shapes text through fontkit, which joins Arabic letters and, for a run
// of right-to-left script, reverses its glyphs into visual order. But pdfkit has no bidirectional
// layout: it wraps and draws a line's words left to right in their logical order, so an Arabic
// sentence comes out with its words backwards, and numbers or Latin words inside it (A1, 2026,
// PSeMS) land in the wrong place. Here each line is broken first (in logical order, as a reader
// would break it), then the Unicode Bidirectional Algorithm (bidi-js, UAX #9) resolves the line's
// embedding levels and reorders it into visual runs; each run is drawn separately at its own x,
// as one fontkit run (pdfkit's `features` option keeps a run whole instead of splitting it at
// spaces, which would move every space to the wrong side of its word). A right-to-left run is
// handed over in logical order so fontkit shapes it and reverses it itself; a run without
// right-to-left letters (brackets, punctuation between Arabic words) is handed over already
// reversed. Brackets in right-to-left runs are mirrored here, since fontkit does not mirror. The PDF's text is then in visual order, as PDF text is, and a
// reader (pdftotext, a screen reader using the ToUnicode maps) recovers the logical order.
//
// Text without right-to-left letters takes pdfkit's own path unchanged.
import bidiFactory from 'bidi-js';
import type { Pdf } from './theme.ts';

const bidi = bidiFactory();

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** Whether text needs the bidirectional path (it holds Hebrew or Arabic letters). */
export function hasRtl(text: string): boolean {
	return RTL_LETTER.test(text);
}

/** A visual run: drawn left to right in this order; `text` is what fontkit is given. */
export type VisualRun = { text: string; level: number };

/** Keeps each run one fontkit layout (pdfkit splits text at spaces only when no features are given). */
const WHOLE_RUN: PDFKit.Mixins.OpenTypeFeatures[] = [];

/** One line (no line breaks) as its runs in visual order, and whether its base direction is right to left. */
export function visualRuns(line: string, base: 'ltr' | 'rtl' | 'auto' = 'auto'): { runs: VisualRun[]; rtl: boolean } {
	const embedding = bidi.getEmbeddingLevels(line, base);
	const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
	const order = Array.from(line, (_, i) => i);
	for (const [start, end] of bidi.getReorderSegments(line, embedding)) {
		const flipped = order.slice(start, end + 1).reverse();
		order.splice(start, flipped.length, ...flipped);
	}
	const runs: Array<{ indices: number[]; level: number }> = [];
	for (const i of order) {
		// A surrogate pair's second half travels with its first (no right-to-left script needs them).
		if (line.charCodeAt(i) >= 0xdc00 && line.charCodeAt(i) <= 0xdfff) continue;
		const level = embedding.levels[i];
		const last = runs.at(-1);
		if (last && last.level === level) last.indices.push(i);
		else runs.push({ indices: [i], level });
	}
	// Brackets in right-to-left runs are mirrored here (rule L4): fontkit reverses glyphs but mirrors nothing.
	const char = (i: number) => mirrored.get(i) ?? String.fromCodePoint(line.codePointAt(i) ?? 32);
	return {
		rtl: (embedding.paragraphs[0]?.level ?? 0) % 2 === 1,
		runs: runs.map(({ indices, level }) => {
			const visual = indices.map(char);
			// fontkit reverses a run whose script is right to left: give it that run in logical order,
			// so it also joins the letters as typed. Any other run is drawn as given, in visual order.
			const text = level % 2 === 1 && hasRtl(visual.join('')) ? visual.reverse().join('') : visual.join('');
			return { text, level };
		})
	};
}

export type BidiOptions = {
	width: number;
	align?: 'left' | 'center' | 'right';
	lineGap?: number;
	/** The document's reading direction: in a right-to-left record, text with Arabic is right to left. */
	direction?: 'ltr' | 'rtl';
};

/** Greedy line breaking at spaces in logical order, with pdfkit's own measure of the current font. */
function breakLines(doc: Pdf, paragraph: string, width: number): string[] {
	const words = paragraph.split(/(?<=\s)/);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const candidate = line + word;
		if (line === '' || doc.widthOfString(candidate.trimEnd()) <= width) {
			line = candidate;
			continue;
		}
		lines.push(line.trimEnd());
		line = word;
	}
	if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
	// A word wider than the line on its own is cut by characters, as pdfkit would.
	return lines.flatMap((l) => (doc.widthOfString(l) <= width ? [l] : cutByCharacters(doc, l, width)));
}

function cutByCharacters(doc: Pdf, text: string, width: number): string[] {
	const out: string[] = [];
	let piece = '';
	for (const ch of text) {
		if (piece !== '' && doc.widthOfString(piece + ch) > width) {
			out.push(piece);
			piece = '';
		}
		piece += ch;
	}
	if (piece !== '') out.push(piece);
	return out;
}

function lines(doc: Pdf, text: string, width: number): string[] {
	return text.split('\n').flatMap((paragraph) => breakLines(doc, paragraph, width));
}

function lineHeight(doc: Pdf, options: BidiOptions): number {
	return doc.currentLineHeight(true) + (options.lineGap ?? 0);
}

/** The height `drawBidi` will take, in the current font and size. */
export function heightOfBidi(doc: Pdf, text: string, options: BidiOptions): number {
	return lines(doc, text, options.width).length * lineHeight(doc, options);
}

/**
 * Draws text from (x, y) within `width`, line by line, starting a new page when a line would pass
 * the bottom margin (as pdfkit's own text does). Alignment is by reading direction: "left" means
 * the start of the line, so a right-to-left line sits at the right edge.
 */
export function drawBidi(doc: Pdf, text: string, x: number, y: number, options: BidiOptions): void {
	const height = lineHeight(doc, options);
	const base = options.direction === 'rtl' ? 'rtl' : 'auto';
	let top = y;
	for (const line of lines(doc, text, options.width)) {
		if (top + height > doc.page.maxY() && top > doc.page.margins.top) {
			doc.addPage();
			top = doc.page.margins.top;
		}
		const { runs, rtl } = visualRuns(line, base);
		const widths = runs.map((run) => doc.widthOfString(run.text, { features: WHOLE_RUN }));
		const total = widths.reduce((sum, w) => sum + w, 0);
		const align = options.align ?? 'left';
		const start = align === 'center' ? 'center' : (align === 'left') !== rtl ? 'left' : 'right';
		let cx = start === 'left' ? x : start === 'right' ? x + options.width - total : x + (options.width - total) / 2;
		runs.forEach((run, i) => {
			doc.text(run.text, cx, top, { lineBreak: false, features: WHOLE_RUN });
			cx += widths[i];
		});
		top += height;
	}
	doc.x = x;
	doc.y = top;
}
