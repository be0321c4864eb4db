// The PDF of a frozen version, rendered on the server from the stored canonical record: a document
// one can hand to a board. Sections live in pdf/sections; layout helpers in pdf/.
//
// Determinism: the creation date is the freeze time and pdfkit derives the file ID from the
// document info, so the same version with the same signatures renders the same bytes (tested).
//
// PDF/A-3a (ISO 19005-3): fonts embedded (DejaVu Sans, pdf/fonts.ts), an sRGB output intent and
// XMP metadata (pdfkit writes both for `subset`), the document language, the title shown instead
// of the file name, and the canonical record (the exact JSON whose SHA-256 is the record hash)
// attached as the file's source (AFRelationship Source), so the PDF carries what it was rendered
// from and anyone can check one against the other.
//
// Language (issue 14): the whole PDF speaks the record's language, recordLanguageOf(record),
// never the request's (an export can run outside any request, and two people downloading the same
// version must get the same bytes). The framework's words are already in that language in the
// record itself; the PDF's own words (headings, labels, intros, footer, dates) are messages
// called with that locale explicitly, and dates go through src/lib/shared/format.ts in it. It
// also sets /Lang and the structure tree's language.
import PDFDocument from 'pdfkit';
import { RECORD_LANGUAGE_DIRECTIONS, RECORD_LANGUAGE_TAGS } from '../../../src/lib/shared/framework/languages.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import { recordLanguageOf } from '../../../src/lib/shared/record/record.ts';
import type { FrozenVersion } from '../contract.ts';
import { labelsFor } from './labels.ts';
import { recordName, type RecordContext } from './pdf/context.ts';
import { drawFooters } from './pdf/footer.ts';
import { readableRtlLigatures, registerFonts, regularFontFile } from './pdf/fonts.ts';
import { hasRtl } from './pdf/bidi-text.ts';
import { beginStructure } from './pdf/structure.ts';
import { pdfSafe } from './pdf/safe-text.ts';
import { setDirection } from './pdf/write.ts';
import { drawCover } from './pdf/sections/cover.ts';
import { drawFindings } from './pdf/sections/findings.ts';
import { drawGrid } from './pdf/sections/grid.ts';
import { drawInterviews } from './pdf/sections/interviews.ts';
import { drawParticipants } from './pdf/sections/participants.ts';
import { drawPlan } from './pdf/sections/plan.ts';
import { drawSignatures } from './pdf/sections/signatures.ts';
import { drawSummary } from './pdf/sections/summary.ts';
import { MARGIN } from './pdf/theme.ts';

export function renderRecordPdf(version: FrozenVersion): Promise<Buffer> {
	const record = version.record;
	const language = recordLanguageOf(record);
	const options = { locale: language };
	const frozenAt = new Date(version.frozenAt);
	const doc = new PDFDocument({
		size: 'A4',
		margins: { ...MARGIN },
		bufferPages: true,
		// Never the standard Helvetica, which PDF/A forbids because it is not embedded.
		font: regularFontFile(),
		subset: 'PDF/A-3a',
		tagged: true,
		pdfVersion: '1.7',
		lang: RECORD_LANGUAGE_TAGS[language],
		displayTitle: true,
		info: {
			Title: pdfSafe(m.exports_pdf_title({ record: recordName(version, language), port: record.review.portName, review: record.review.title }, options)),
			Author: pdfSafe(version.frozenByName),
			Subject: pdfSafe(m.exports_pdf_subject({ hash: version.contentHash }, options)),
			Keywords: `PSeMS; ${record.framework.id} ${record.framework.version}; ${version.contentHash}`,
			Creator: 'PSeMS Review Workshop',
			CreationDate: frozenAt,
			ModDate: frozenAt
		}
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	registerFonts(doc);
	beginStructure(doc, RECORD_LANGUAGE_TAGS[language]);
	setDirection(doc, RECORD_LANGUAGE_DIRECTIONS[language]);
	// `relationship` is pdfkit 0.20's option (AFRelationship); @types/pdfkit 0.17 does not list it yet.
	const source: PDFKit.Mixins.PDFAttachmentOptions & { relationship: 'Source' } = {
		name: 'record.json',
		type: 'application/json',
		relationship: 'Source',
		description: m.exports_pdf_attachment_description({ version: version.version, hash: version.contentHash }, options),
		creationDate: frozenAt,
		modifiedDate: frozenAt
	};
	doc.file(Buffer.from(version.recordJson, 'utf8'), source);
	const elements = new Map(record.elements.map((e) => [e.code, e]));
	const ctx: RecordContext = { doc, version, record, labels: labelsFor(record), language, element: (code) => elements.get(code) };
	try {
		drawCover(ctx);
		drawSignatures(ctx);
		drawSummary(ctx);
		drawGrid(ctx);
		drawFindings(ctx);
		drawPlan(ctx);
		drawInterviews(ctx);
		drawParticipants(ctx);
		drawFooters(ctx);
		readableRtlLigatures(doc, (codePoint) => hasRtl(String.fromCodePoint(codePoint)));
	} catch (cause) {
		// A half-drawn document is never sent: the caller gets the error, the stream is closed.
		doc.end();
		return Promise.reject(cause instanceof Error ? cause : new Error(String(cause)));
	}
	doc.end();
	return done;
}
