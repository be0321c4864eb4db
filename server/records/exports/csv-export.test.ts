import { describe, expect, it } from 'vitest';
import { BOM, csvDocument, csvField } from './csv.ts';
import { gridColumns, gridCsv, planColumns, planCsv } from './csv-export.ts';
import { demoRecord, demoRecordIn } from './fixtures.ts';

const GRID_COLUMNS = gridColumns('en');
const PLAN_COLUMNS = planColumns('en');

/** A strict RFC 4180 reader, so the tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
	expect(text.startsWith(BOM)).toBe(true);
	const body = text.slice(1);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < body.length; i++) {
		const ch = body[i];
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\r' && body[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			(row = []), (field = ''), i++;
		} else field += ch;
	}
	expect(field).toBe('');
	expect(row).toEqual([]);
	return rows;
}

describe('CSV fields', () => {
	it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('say "red"')).toBe('"say ""red"""');
		expect(csvField('line one\nline two')).toBe('"line one\nline two"');
		expect(csvField(' padded ')).toBe('" padded "');
	});

	it('writes numbers as numbers, booleans as Yes/No and null as an empty field', () => {
		expect(csvField(3)).toBe('3');
		expect(csvField(0)).toBe('0');
		expect(csvField(true)).toBe('Yes');
		expect(csvField(false)).toBe('No');
		expect(csvField(null)).toBe('');
	});

	it('turns text a spreadsheet would run as a formula into plain text with a leading quote', () => {
		expect(csvField('=1+1')).toBe("'=1+1");
		expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
		expect(csvField('-2 levels')).toBe("'-2 levels");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\tindented')).toBe("'\tindented");
		expect(csvField('\rcarriage')).toBe(`"'\rcarriage"`);
		expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
		expect(csvField('a=b')).toBe('a=b');
	});

	it('writes a BOM, a header row and CRLF after every line, and refuses a row of the wrong width', () => {
		expect(csvDocument(['A', 'B'], [['x', 1]])).toBe('\uFEFFA,B\r\nx,1\r\n');
		expect(() => csvDocument(['A', 'B'], [['only one']])).toThrow(/row 1 has 1 cells, expected 2/);
	});
});

describe('grid CSV', () => {
	it('has the header row and one row per element, with labels and numeric scores', () => {
		const rows = parseCsv(gridCsv(demoRecord()));
		expect(rows[0]).toEqual([...GRID_COLUMNS]);
		expect(rows).toHaveLength(17);
		const byCode = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(GRID_COLUMNS.map((c, i) => [c, r[i]]))]));
		expect(byCode.get('A2')).toMatchObject({
			Element: 'Security manager: authority, resources and direct access',
			Pillar: 'A Leadership and accountability',
			Critical: 'Yes',
			Applicability: 'Applicable',
			'Self score': '3',
			'Independent score': '2',
			Target: '5',
			Gap: '3',
			'Gap basis': 'Independent score',
			Priority: 'P1',
			Confidence: 'High',
			'Evidence count': '1'
		});
		expect(byCode.get('A3')).toMatchObject({ 'Independent score': '', 'Gap basis': 'Self score', Confidence: '' });
		expect(byCode.get('C4')?.Applicability).toBe('Alternate (compensating arrangement)');
		expect(byCode.get('D1')).toMatchObject({ Target: '3', 'Priority override': 'P1', 'Override reason': 'The board has no view of performance at all.' });
		expect(byCode.get('A2')?.['Difference rationale']).toBe('');
		expect(byCode.get('B1')?.Rationale).toBe('Facility assessments are current; no port-wide, all-hazards assessment; insider threat absent.');
	});
});

describe('plan CSV', () => {
	it('has the header row and one row per action, with status labels, guarded cells and multi-line descriptions', () => {
		const record = demoRecord();
		const rows = parseCsv(planCsv(record));
		expect(rows[0]).toEqual([...PLAN_COLUMNS]);
		expect(rows).toHaveLength(record.plan.length + 1);
		const first = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c, rows[1][i]]));
		expect(first).toMatchObject({ ID: record.plan[0].id, 'Linked elements': 'A2; A1', 'Due date': '2026-03-31', Priority: 'P1', Status: 'Agreed', 'Expected level after': '4' });
		const tricky = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c, rows.at(-1)?.[i]]));
		expect(tricky).toMatchObject({
			Title: `'-1 day lag, "quick win", reports, KPIs`,
			Owner: "'@security-team",
			'Due date': '',
			'Success measure': "'+2 levels by 2027",
			'Expected level after': '',
			Description: 'Collect gate, fence and CCTV checks monthly.\nReport trends to the board, with "red" items first.'
		});
	});

	it('keeps accented text intact as UTF-8 after the BOM', () => {
		const record = demoRecord();
		record.plan[0].owner = 'Zoë Ñúñez, Société Générale';
		const bytes = Buffer.from(planCsv(record), 'utf8');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8')).toContain('"Zoë Ñúñez, Société Générale"');
	});
});

describe('CSV of a French record', () => {
	const record = demoRecordIn('fr');

	it('writes the grid with French headers, French labels and yes/no words, and the same codes, numbers and column order', () => {
		const rows = parseCsv(gridCsv(record));
		const english = parseCsv(gridCsv(demoRecord()));
		expect(rows[0]).toEqual([...gridColumns('fr')]);
		expect(rows[0]).toContain('Auto-évaluation');
		expect(rows[0]).toContain('Note indépendante');
		expect(rows[0]).not.toContain('Self score');
		expect(rows[0]).toHaveLength(english[0].length);
		const a2 = rows.find((r) => r[0] === 'A2') ?? [];
		const a2English = english.find((r) => r[0] === 'A2') ?? [];
		const cell = (name: string) => a2[rows[0].indexOf(name)];
		expect(cell('Élément')).toBe('Responsable de la sûreté : autorité, ressources et accès direct');
		expect(cell('Pilier')).toBe('A Leadership et responsabilité');
		expect(cell('Applicabilité')).toBe('Applicable');
		expect(cell('Critique')).toBe('Oui');
		expect(cell('Base de l’écart')).toBe('Note indépendante');
		// Scores, targets and gaps are the same numbers in every language.
		for (const i of [6, 7, 8, 9]) expect(a2[i]).toBe(a2English[i]);
		expect(rows.slice(1).map((r) => r[3]).every((v) => v === 'Oui' || v === 'Non')).toBe(true);
		expect(rows.slice(1).map((r) => r[3])).toContain('Non');
	});

	it('writes the plan with French headers and statuses, ISO dates and the same action ids', () => {
		const rows = parseCsv(planCsv(record));
		expect(rows[0]).toEqual(['Identifiant', 'Intitulé', 'Éléments liés', 'Porteur', 'Échéance', 'Priorité', 'Statut', 'Critère de réussite', 'Niveau attendu à l’issue', 'Description']);
		expect(rows[1]).toMatchObject({ 0: record.plan[0].id, 2: 'A2; A1', 4: '2026-03-31', 5: 'P1' });
		expect(rows[1][6]).toBe('Convenue');
	});
});
