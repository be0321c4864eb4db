// The fonts of the PDF record: DejaVu Sans from the npm package dejavu-fonts-ttf (2.37.3, its
// licence is the Bitstream Vera / Arev free licence in node_modules/dejavu-fonts-ttf/LICENSE),
// embedded and subset by pdfkit. DejaVu Sans covers Latin with every accent, Greek, Cyrillic,
// Arabic (with its OpenType joining forms) and the symbols workshops type (≥ → ✓), so records in
// English, French, Spanish and Arabic print their own letters. The standard PDF fonts would not
// (Windows-1252 only), and PDF/A forbids fonts that are not embedded. The files come from a
// package rather than the system so the server needs no font installed (Debian's
// fonts-dejavu-core is the same release, 2.37).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Pdf } from './theme.ts';

const require = createRequire(import.meta.url);
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

/** pdfkit font names, registered on each document from the bytes read once per process. */
export const FONT = {
	regular: 'DejaVuSans',
	bold: 'DejaVuSans-Bold',
	italic: 'DejaVuSans-Oblique',
	mono: 'DejaVuSansMono'
} as const;
export type FontName = keyof typeof FONT;

const FILES: Record<FontName, string> = {
	regular: 'DejaVuSans.ttf',
	bold: 'DejaVuSans-Bold.ttf',
	italic: 'DejaVuSans-Oblique.ttf',
	mono: 'DejaVuSansMono.ttf'
};

let bytes: Record<FontName, Buffer> | null = null;
function fontBytes(): Record<FontName, Buffer> {
	bytes ??= Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, readFileSync(fontFile(file))])) as Record<FontName, Buffer>;
	return bytes;
}

/** The regular face's file, for pdfkit's default font (which would otherwise be the standard Helvetica). */
export function regularFontFile(): string {
	return fontFile(FILES.regular);
}

export function registerFonts(doc: Pdf): void {
	for (const [name, data] of Object.entries(fontBytes()) as Array<[FontName, Buffer]>) doc.registerFont(FONT[name], data);
}

type Coverage = { hasGlyphForCodePoint(codePoint: number): boolean };
const coverage = new Map<FontName, Coverage>();

/** Whether the font has a glyph for the character (what the PDF would otherwise print as a box). */
export function fontHas(name: FontName, codePoint: number): boolean {
	let font = coverage.get(name);
	if (!font) {
		font = fontkit.create(fontBytes()[name]) as unknown as Coverage;
		coverage.set(name, font);
	}
	return font.hasGlyphForCodePoint(codePoint);
}

type EmbeddedFontInternals = { unicode?: Array<number[] | undefined> };

/**
 * Makes right-to-left ligatures copy out in logical order. A glyph that stands for several
 * letters (Arabic lam-alef, "لا") gets a ToUnicode entry listing them in typing order. In the page
 * those glyphs are in visual order, and every text extractor (pdftotext, pdf.js, screen readers)
 * reverses a right-to-left run character by character, which turns "لأ" inside "الأمن" around. So
 * the entries of glyphs made only of right-to-left letters are stored reversed; extraction then
 * reverses them back. Left-to-right ligatures ("fi") are untouched.
 *
 * This reads pdfkit 0.20.2 internals (each font's `unicode` array, written into the ToUnicode map
 * when the document ends), so it runs just before `doc.end()`; records-language.test.ts fails if
 * "الأمن" stops reading back.
 */
export function readableRtlLigatures(doc: Pdf, isRtlLetter: (codePoint: number) => boolean): void {
	const families = (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontInternals> })._fontFamilies ?? {};
	// One font can be listed under two names (its file path, as the default font, and its registered
	// name): reversing it twice would undo the fix, so each font is visited once.
	for (const font of new Set(Object.values(families))) {
		if (!Array.isArray(font.unicode)) continue;
		font.unicode = font.unicode.map((codePoints) =>
			codePoints && codePoints.length > 1 && codePoints.every(isRtlLetter) ? [...codePoints].reverse() : codePoints
		);
	}
}
