// The PDF's logical structure (PDF/A-3a, "accessible"): a Document element holding, in reading
// order, a heading or paragraph element for every piece of record text, so a screen reader reads
// the record as text rather than as positioned glyphs. Footers are marked as pagination artifacts,
// which readers skip. Rules, fills and boxes stay untagged decoration.
import type { Pdf } from './theme.ts';

export type StructureType = 'H1' | 'H2' | 'P';

const roots = new WeakMap<Pdf, PDFKit.PDFStructureElement>();

/** Starts the structure tree of a tagged document, in the record's language. */
export function beginStructure(doc: Pdf, lang: string): void {
	const root = doc.struct('Document', { lang });
	doc.addStructure(root);
	roots.set(doc, root);
}

/** Draws `draw`'s content as one structure element of `type` (untagged when the document has no tree). */
export function tagged(doc: Pdf, type: StructureType, draw: () => void): void {
	const root = roots.get(doc);
	if (!root) {
		draw();
		return;
	}
	const content = doc.markStructureContent(type);
	draw();
	root.add(doc.struct(type, {}, [content]));
}

/** Draws `draw`'s content as a pagination artifact (a footer), outside the reading order. */
export function artifact(doc: Pdf, draw: () => void): void {
	if (!roots.has(doc)) {
		draw();
		return;
	}
	doc.markContent('Artifact', { type: 'Pagination' });
	draw();
	doc.endMarkedContent();
}
