// The benchmark's output: one row per figure (ours, bare, their ratio, the target and whether it
// is met), printed as a table and written with the raw figures to tests/bench/results/.
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './config.ts';
import { round } from './stats.ts';

/** `value` compares our figure; `ratio` compares ours divided by bare. */
export type Target = { max?: number; equals?: number; on?: 'value' | 'ratio'; label?: string };

export type Row = {
	scenario: string;
	metric: string;
	unit: string;
	ours: number | null;
	bare: number | null;
	target?: Target;
	note?: string;
};

export type Verdict = 'met' | 'missed' | 'n/a';

export function ratioOf(row: Row): number | null {
	if (row.ours === null || row.bare === null || !Number.isFinite(row.ours) || !Number.isFinite(row.bare) || row.bare === 0) return null;
	return row.ours / row.bare;
}

export function verdictOf(row: Row): Verdict {
	const t = row.target;
	if (!t) return 'n/a';
	const value = t.on === 'ratio' ? ratioOf(row) : row.ours;
	if (value === null || !Number.isFinite(value)) return 'n/a';
	if (t.equals !== undefined) return value === t.equals ? 'met' : 'missed';
	if (t.max !== undefined) return value <= t.max ? 'met' : 'missed';
	return 'n/a';
}

function targetText(row: Row): string {
	const t = row.target;
	if (!t) return '';
	if (t.label) return t.label;
	const what = t.on === 'ratio' ? 'ratio' : '';
	if (t.equals !== undefined) return `${what} = ${t.equals}`.trim();
	return `${what} ≤ ${t.max}${t.on === 'ratio' ? '' : ` ${row.unit}`}`.trim();
}

const show = (n: number | null, unit: string): string => (n === null || Number.isNaN(n) ? '–' : `${round(n, n >= 100 ? 0 : n >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`);

export function formatTable(rows: Row[]): string {
	const header = ['scenario', 'metric', 'ours', 'bare', 'ours/bare', 'target', 'result'];
	const body = rows.map((row) => {
		const ratio = ratioOf(row);
		return [row.scenario, row.metric + (row.note ? ` (${row.note})` : ''), show(row.ours, row.unit), show(row.bare, row.unit), ratio === null ? '–' : `${round(ratio, 2)}×`, targetText(row), verdictOf(row)];
	});
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

export function resultFileName(date: Date, quick: boolean, only: string | null): string {
	const day = date.toISOString().slice(0, 10);
	return `${day}${quick ? '-quick' : ''}${only ? `-only-${only.replace(/[^0-9]+/g, '-')}` : ''}.json`;
}

export function writeResults(fileName: string, content: unknown): string {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const file = path.join(RESULTS_DIR, fileName);
	fs.writeFileSync(file, JSON.stringify(content, null, '\t') + '\n');
	return file;
}
