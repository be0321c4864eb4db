// A simple ruled table: fixed column widths, text that wraps within its cell, a header row
// repeated on every page the table runs onto, and full-width group rows (for pillars). Rows are
// measured before they are drawn, so a row is never split across pages.
import { hasRtl } from './bidi-text.ts';
import { pdfSafe } from './safe-text.ts';
import { measure, write } from './write.ts';
import { COLOUR, CONTENT_WIDTH, FONT, MARGIN, SIZE, contentBottom, type FontName, type Pdf } from './theme.ts';

export type Cell = string | { text: string; font?: FontName; colour?: string; fill?: string; sub?: string };

export type Column<T> = {
	header: string;
	/** Points; one column may leave it out and takes the remaining width. */
	width?: number;
	align?: 'left' | 'center' | 'right';
	cell: (row: T) => Cell;
};

export type Row<T> = { item: T } | { group: string };

const PAD_X = 4;
const PAD_Y = 4;
const SUB_GAP = 1.5;

type Measured = { text: string; font: FontName; colour: string; fill?: string; sub?: string };

function normalise(cell: Cell): Measured {
	if (typeof cell === 'string') return { text: cell, font: 'regular', colour: COLOUR.ink };
	return { text: cell.text, font: cell.font ?? 'regular', colour: cell.colour ?? COLOUR.ink, fill: cell.fill, sub: cell.sub };
}

function widths<T>(columns: ReadonlyArray<Column<T>>): number[] {
	const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
	const flexible = columns.filter((c) => c.width === undefined).length;
	const rest = flexible > 0 ? (CONTENT_WIDTH - fixed) / flexible : 0;
	return columns.map((c) => c.width ?? rest);
}

function cellHeight(doc: Pdf, cell: Measured, width: number, size: number): number {
	doc.font(FONT[cell.font]).fontSize(size);
	let height = measure(doc, cell.text || ' ', { width: width - 2 * PAD_X });
	if (cell.sub) {
		doc.font(FONT.regular).fontSize(size - 1);
		height += SUB_GAP + measure(doc, cell.sub, { width: width - 2 * PAD_X });
	}
	return height + 2 * PAD_Y;
}

function drawCell(doc: Pdf, cell: Measured, x: number, y: number, width: number, height: number, size: number, align: Column<unknown>['align']): void {
	if (cell.fill) doc.rect(x, y, width, height).fill(cell.fill);
	doc.font(FONT[cell.font]).fontSize(size).fillColor(cell.colour);
	write(doc, cell.text, x + PAD_X, y + PAD_Y, { width: width - 2 * PAD_X, align: align ?? 'left' });
	if (cell.sub) {
		doc.font(FONT.regular).fontSize(size - 1).fillColor(COLOUR.muted);
		write(doc, cell.sub, x + PAD_X, doc.y + SUB_GAP, { width: width - 2 * PAD_X, align: align ?? 'left' });
	}
}

/**
 * A column header is set smaller, down to 6 points, rather than broken inside a word ("Priorit y"):
 * the widths were chosen for English and the words of other languages are often longer.
 */
function headerSize(doc: Pdf, text: string, width: number, size: number): number {
	const widest = (at: number) => {
		doc.font(FONT.bold).fontSize(at);
		return Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
	};
	let at = size;
	while (at > 6 && widest(at) > width - 2 * PAD_X) at -= 0.5;
	return at;
}

function line(doc: Pdf, y: number, colour: string, width = 0.5): void {
	doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(width).strokeColor(colour).stroke();
}

/**
 * A row too tall for any page (text far beyond what the forms allow) is printed as labelled
 * paragraphs that flow across pages instead: nothing is clipped from a signed record.
 */
function stacked(doc: Pdf, headers: readonly Measured[], cells: readonly Measured[], size: number): void {
	doc.x = MARGIN.left;
	cells.forEach((cell, i) => {
		const width = CONTENT_WIDTH - 2 * PAD_X;
		if (hasRtl(cell.text)) {
			// Right-to-left text is laid out line by line (bidi-text.ts): its label goes on a line of its own.
			doc.font(FONT.bold).fontSize(size).fillColor(COLOUR.muted);
			write(doc, `${headers[i].text}:`, MARGIN.left + PAD_X, doc.y + PAD_Y, { width });
			doc.font(FONT[cell.font]).fillColor(cell.colour);
			write(doc, cell.text, MARGIN.left + PAD_X, doc.y, { width });
		} else {
			doc.font(FONT.bold).fontSize(size).fillColor(COLOUR.muted).text(pdfSafe(`${headers[i].text}: `), MARGIN.left + PAD_X, doc.y + PAD_Y, { continued: true, width });
			doc.font(FONT[cell.font]).fillColor(cell.colour).text(pdfSafe(cell.text || '\u2013'));
		}
		if (cell.sub) {
			doc.font(FONT.regular).fillColor(COLOUR.muted);
			write(doc, cell.sub, MARGIN.left + PAD_X, doc.y, { width });
		}
	});
	line(doc, doc.y + PAD_Y, COLOUR.ruleLight);
	doc.y += PAD_Y;
}

type Prepared = { group: Measured; cells: null; height: number } | { group: null; cells: Measured[]; height: number };

/**
 * Draws the table from doc.y. `keepTogether` moves a table that fits on one page but not in the
 * space left to the next page, so a short table (participants, signatures) is never split.
 */
export function drawTable<T>(
	doc: Pdf,
	columns: ReadonlyArray<Column<T>>,
	rows: ReadonlyArray<Row<T>>,
	options: { size?: number; zebra?: boolean; keepTogether?: boolean } = {}
): void {
	const size = options.size ?? SIZE.small;
	const w = widths(columns);
	const xs = w.map((_, i) => MARGIN.left + w.slice(0, i).reduce((a, b) => a + b, 0));
	const headers = columns.map((c): Measured => ({ text: c.header, font: 'bold', colour: COLOUR.ink }));
	const headerSizes = headers.map((h, i) => headerSize(doc, h.text, w[i], size - 0.5));
	const headerHeight = Math.max(...headers.map((h, i) => cellHeight(doc, h, w[i], headerSizes[i])));
	const prepared: Prepared[] = rows.map((row) => {
		if ('group' in row) {
			const group: Measured = { text: row.group, font: 'bold', colour: COLOUR.navy };
			return { group, cells: null, height: cellHeight(doc, group, CONTENT_WIDTH, size) };
		}
		const cells = columns.map((c) => normalise(c.cell(row.item)));
		return { group: null, cells, height: Math.max(...cells.map((c, i) => cellHeight(doc, c, w[i], size))) };
	});

	const drawHeader = () => {
		const y = doc.y;
		doc.rect(MARGIN.left, y, CONTENT_WIDTH, headerHeight).fill(COLOUR.headerFill);
		headers.forEach((h, i) => drawCell(doc, h, xs[i], y, w[i], headerHeight, headerSizes[i], columns[i].align));
		line(doc, y + headerHeight, COLOUR.faint, 0.75);
		doc.y = y + headerHeight;
	};

	const total = headerHeight + prepared.reduce((sum, r) => sum + r.height, 0);
	const pageRoom = contentBottom() - MARGIN.top;
	const firstRow = prepared[0]?.height ?? 0;
	if (options.keepTogether && total <= pageRoom && doc.y + total > contentBottom()) doc.addPage();
	else if (doc.y + headerHeight + firstRow > contentBottom()) doc.addPage();
	drawHeader();
	let striped = false;
	let headerDue = false;
	prepared.forEach((row, i) => {
		if (!row.group && row.height > pageRoom - headerHeight) {
			stacked(doc, headers, row.cells, size);
			headerDue = true;
			return;
		}
		// A group row is kept with the first row after it.
		const keep = row.group ? (prepared[i + 1]?.height ?? 0) : 0;
		if (doc.y + row.height + keep + (headerDue ? headerHeight : 0) > contentBottom()) {
			doc.addPage();
			headerDue = true;
		}
		if (headerDue) {
			drawHeader();
			headerDue = false;
		}
		const y = doc.y;
		if (row.group) {
			doc.rect(MARGIN.left, y, CONTENT_WIDTH, row.height).fill(COLOUR.navyFaint);
			drawCell(doc, row.group, MARGIN.left, y, CONTENT_WIDTH, row.height, size, 'left');
			striped = false;
		} else {
			if (options.zebra && striped) doc.rect(MARGIN.left, y, CONTENT_WIDTH, row.height).fill(COLOUR.zebra);
			striped = !striped;
			row.cells.forEach((c, j) => drawCell(doc, c, xs[j], y, w[j], row.height, size, columns[j].align));
		}
		line(doc, y + row.height, COLOUR.ruleLight);
		doc.y = y + row.height;
	});
	doc.x = MARGIN.left;
	doc.y += 10;
}
