// The sign-off block: one line per signature meaning, in signing order, with the printed name,
// role, UTC time and the short hash of the record each signature was given to. A meaning nobody
// has signed yet shows as "Not yet signed", so a reader sees at once what is missing.
import { SIGNATURE_MEANINGS } from '../../../../../src/lib/shared/framework/index.ts';
import { m } from '../../../../../src/lib/paraglide/messages.js';
import type { SignatureView } from '../../../contract.ts';
import { paragraph, sectionHeading } from '../blocks.ts';
import { formatUtc, shortHash } from '../safe-text.ts';
import { drawTable, type Column, type Row } from '../table.ts';
import { COLOUR, SIZE } from '../theme.ts';
import type { RecordContext } from '../context.ts';

type Line = { meaning: string; signature: SignatureView | null };

export function drawSignatures(ctx: RecordContext): void {
	const { doc, version, labels, language } = ctx;
	const options = { locale: language };
	sectionHeading(doc, m.exports_signatures_heading({}, options));
	const known = new Set<string>(SIGNATURE_MEANINGS);
	const meanings = [...SIGNATURE_MEANINGS, ...version.signatures.map((s) => s.meaning).filter((m) => !known.has(m))];
	const lines = meanings.flatMap((meaning): Line[] => {
		const signed = version.signatures.filter((s) => s.meaning === meaning).sort((a, b) => a.signedAt.localeCompare(b.signedAt));
		return signed.length > 0 ? signed.map((signature) => ({ meaning, signature })) : [{ meaning, signature: null }];
	});
	const notYet = { text: m.exports_signatures_not_yet_signed({}, options), font: 'italic', colour: COLOUR.faint } as const;
	const columns: Array<Column<Line>> = [
		{ header: m.exports_signatures_meaning({}, options), width: 92, cell: (l) => ({ text: labels.meaning(l.meaning), font: 'bold' }) },
		{ header: m.exports_signatures_printed_name({}, options), cell: (l) => (l.signature ? l.signature.printedName : notYet) },
		{ header: m.exports_signatures_role({}, options), width: 100, cell: (l) => (l.signature ? labels.role(l.signature.role) : '') },
		{ header: m.exports_signatures_signed_at({}, options), width: 96, cell: (l) => (l.signature ? formatUtc(l.signature.signedAt, language) : '') },
		{
			header: m.exports_signatures_record_hash({}, options),
			width: 74,
			cell: (l) => {
				if (!l.signature) return '';
				const matches = l.signature.recordHash === version.contentHash;
				return { text: shortHash(l.signature.recordHash), font: 'mono', colour: matches ? COLOUR.ink : COLOUR.red, sub: matches ? undefined : m.exports_signatures_hash_differs({}, options) };
			}
		}
	];
	const rows: Array<Row<Line>> = lines.map((item) => ({ item }));
	if (version.signatures.length === 0) paragraph(doc, m.exports_signatures_none_yet({ signed: labels.recordStatus('signed') }, options), { size: SIZE.small, colour: COLOUR.muted });
	drawTable(doc, columns, rows, { size: SIZE.small, keepTogether: true });
}
