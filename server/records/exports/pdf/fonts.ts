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
