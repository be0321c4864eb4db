// The PDF of a frozen version, rendered on the server from the stored canonical record: a document
// one can hand to a board. Sections live in pdf/sections; layout helpers in pdf/.
//
// Determinism: the creation date is the freeze time and pdfkit derives the file ID from the
// document info, so the same version with the same signatures renders the same bytes (tested).
// Only the standard PDF fonts are used (nothing embedded); see pdf/safe-text.ts for the
// character set that implies.
import PDFDocument from 'pdfkit';
import type { FrozenVersion } from '../contract.ts';
import { labelsFor } from './labels.ts';
import { recordName, type RecordContext } from './pdf/context.ts';
import { drawFooters } from './pdf/footer.ts';
import { pdfSafe } from './pdf/safe-text.ts';
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
	const frozenAt = new Date(version.frozenAt);
	const doc = new PDFDocument({
		size: 'A4',
		margins: { ...MARGIN },
		bufferPages: true,
		lang: 'en-GB',
		displayTitle: true,
		info: {
			Title: pdfSafe(`${recordName(version)}: ${record.review.portName}, ${record.review.title}`),
			Author: pdfSafe(version.frozenByName),
			Subject: `PSeMS evaluation record, SHA-256 ${version.contentHash}`,
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
	const elements = new Map(record.elements.map((e) => [e.code, e]));
	const ctx: RecordContext = { doc, version, record, labels: labelsFor(record), element: (code) => elements.get(code) };
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
	} catch (cause) {
		// A half-drawn document is never sent: the caller gets the error, the stream is closed.
		doc.end();
		return Promise.reject(cause instanceof Error ? cause : new Error(String(cause)));
	}
	doc.end();
	return done;
}
