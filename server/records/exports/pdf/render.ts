// The export route imports the renderer from here; the implementation is ../pdf-export.ts.
export { renderRecordPdf } from '../pdf-export.ts';
