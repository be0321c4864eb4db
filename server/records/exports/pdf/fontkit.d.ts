// The one function of fontkit (pdfkit's font engine) the PDF code calls itself: opening a font to
// ask which characters it covers. fontkit ships no type definitions.
declare module 'fontkit' {
	export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
