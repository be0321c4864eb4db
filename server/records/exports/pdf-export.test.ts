// The PDF's text is read back with pdftotext (Debian poppler-utils), as a reader's tool would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationRecord } from '../../../src/lib/shared/record/record.ts';
import type { FrozenVersion } from '../contract.ts';
import { demoRecord, demoRecordIn, frozenVersion, signature } from './fixtures.ts';
import { renderRecordPdf } from './pdf-export.ts';

const dir = mkdtempSync(join(tmpdir(), 'psems-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of each page, in order (pdftotext separates pages with a form feed). */
async function pagesOf(version: FrozenVersion, layout = false): Promise<string[]> {
	const file = join(dir, `${crypto.randomUUID()}.pdf`);
	const pdf = await renderRecordPdf(version);
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	writeFileSync(file, pdf);
	const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	return text.split('\f').slice(0, -1);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('PDF record', () => {
	const record = demoRecord();
	const frozen = frozenVersion(record);
	const signed: FrozenVersion = { ...frozen, status: 'signed', signatures: [signature(frozen, 'attested', '2026-11-25T15:00:00.000Z'), signature(frozen, 'approved', '2026-11-26T09:12:44.000Z')] };

	it('shows the full hash on the first page and the version footer with its page number on every page', async () => {
		const pages = await pagesOf(signed);
		expect(pages.length).toBeGreaterThan(4);
		expect(pages[0]).toContain(frozen.contentHash);
		pages.forEach((page, i) => {
			expect(page).toContain(`Evaluation record v1 · ${frozen.contentHash.slice(0, 12)} · page ${i + 1} of ${pages.length}`);
		});
	});

	it('opens with the port, the review, the framework, the freeze and the status', async () => {
		const first = oneLine((await pagesOf(signed))[0]);
		for (const text of ['PSeMS EVALUATION RECORD', 'Port of Eastmouth Authority', 'Independent PSeMS review 2026', 'Independent review', 'PSeMS GAP analysis, version 1.0 (psems-gap)', 'Evaluation record v1', 'After the Eastmouth workshop', '25 November 2026 at 14:03:07 UTC, by Fran Müller', 'Signed. Approved by the accountable manager.']) {
			expect(first).toContain(text);
		}
	});

	it('prints every signature with name, role, meaning, UTC time and short record hash, and the meanings still missing', async () => {
		const first = oneLine((await pagesOf(signed))[0]);
		expect(first).toMatch(/Attested Fran Müller Facilitator \(independent reviewer\) 25 November 2026 at 15:00:00 UTC [0-9a-f]{12}/);
		expect(first).toContain('Approved and accepted');
		expect(first).toContain('Margaret Lowe Accountable manager 26 November 2026 at 09:12:44 UTC');
		expect(first).toContain(frozen.contentHash.slice(0, 12));
		expect(first).toMatch(/Reviewed Not yet signed/);
	});

	it('says "Not yet signed" on a version nobody has signed, and "Superseded" on a superseded one', async () => {
		const unsigned = oneLine((await pagesOf(frozen))[0]);
		expect(unsigned).toContain('Not yet signed.');
		expect(unsigned).toContain('Frozen. Content is locked; awaiting sign-off.');
		const old = oneLine((await pagesOf({ ...signed, superseded: true, status: 'superseded' }))[0]);
		expect(old).toContain('Superseded. A later version of this record exists.');
		expect(old).toContain('Margaret Lowe');
	});

	it('holds the summary, the grid, the findings, the plan, the interviews and the participants', async () => {
		// Layout mode keeps each table row on one line, so a row's cells can be checked together.
		const layout = (await pagesOf(signed, true)).join('\n');
		expect(layout).toMatch(/^\s*3\s+6\s+6\s+0\s+15\s*$/m);
		expect(layout).toMatch(/P1 Critical\s+P2 High\s+P3 Medium\s+P4 Low\s+below target, of/);
		expect(layout).toMatch(/A2\s+Security manager: authority,\s+3\s+2\s+5\s+3\s+P1 Critical\s+High/);
		expect(layout).toMatch(/D1\s+Performance monitoring,\s+2\s+1\s+3\s+2\s+P1 Critical \*\s+Medium/);
		const all = oneLine((await pagesOf(signed)).join(' '));
		expect(all).toContain('15 elements are below target, 4 of them critical.');
		expect(all).toContain('GAP grid');
		expect(all).toContain('Role defined but no direct access to the accountable manager in practice.');
		expect(all).toContain('Why target 3: Agreed with the accountable manager');
		expect(all).toContain('Give the security manager direct access to the accountable manager');
		expect(all).toContain('Who is the accountable manager for security');
		expect(all).toContain('Zoë Ñúñez (Responsable sûreté, Terminal Société Générale)');
		expect(all).toContain('Security policy (v2, March 2024): Received');
		expect(all).toContain('=HYPERLINK("http://example.invalid","click") was typed into the notes');
		expect(all).toContain('Participants');
		expect(all).toMatch(/Priya Shah Department head IT and OT/);
	});

	it('marks a self/independent difference of 2 or more in the grid and prints its rationale under Findings', async () => {
		const changed = demoRecord();
		const a1 = changed.elements.find((e) => e.code === 'A1');
		if (!a1) throw new Error('fixture');
		Object.assign(a1, { selfScore: 5, independentScore: 2, differenceRationale: 'The self-assessment took the draft policy as adopted.' });
		const all = oneLine((await pagesOf(frozenVersion(changed))).join(' '));
		expect(all).toContain('differs by 3');
		expect(all).toContain('Why the independent level differs from the self-assessment (self 5, independent 2): The self-assessment took the draft policy as adopted.');
	});

	it('renders the same version to the same bytes', async () => {
		const [a, b] = await Promise.all([renderRecordPdf(signed), renderRecordPdf(signed)]);
		expect(a.equals(b)).toBe(true);
	});

	it('lays out an empty record and extreme text without blank or overflowing pages', async () => {
		const empty: EvaluationRecord = { ...record, participants: [], interview: [], plan: [], overviewNotes: { json: [], text: '' }, problems: ['action x: malformed'] };
		const emptyPages = await pagesOf(frozenVersion(empty));
		expect(oneLine(emptyPages.join(' '))).toContain('The plan has no actions.');
		expect(oneLine(emptyPages.join(' '))).toContain('action x: malformed');

		const long = demoRecord();
		long.elements[0].rationale = 'Evidence was thin. '.repeat(210);
		long.plan[0].successMeasure = 'Measured monthly. '.repeat(110);
		long.plan[0].owner = 'Head of Marine Operations and Port Security (acting) '.repeat(3);
		long.review.portName = 'Autorité portuaire de Saint-Étienne-du-Rouvray ≥ “Ports de Normandie” ✓ ő';
		const pages = await pagesOf(frozenVersion(long));
		pages.forEach((page, i) => {
			const body = page.replace(/Evaluation record v1 · [0-9a-f]{12} · page \d+ of \d+/, '').replace(long.review.portName.slice(0, 20), '');
			expect(body.trim().length, `page ${i + 1} has content besides its footer`).toBeGreaterThan(40);
		});
		// Printed as typed: the embedded font has these letters and symbols (the line may break after "Saint-").
		expect(oneLine(pages[0])).toMatch(/Autorité portuaire de Saint-?Étienne-du-Rouvray ≥ “Ports de Normandie” ✓ ő/);
	});

	it('prints a table row too tall for any page as flowing paragraphs, keeping every word', async () => {
		const huge = demoRecord();
		huge.plan[1].successMeasure = 'Pasted in from a long report. '.repeat(200).trim();
		const pages = await pagesOf(frozenVersion(huge));
		const all = oneLine(pages.join(' '));
		expect(all.match(/Pasted in from a long report\./g)).toHaveLength(200);
		expect(all).toContain('Owner: Dana Okafor');
		pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} of ${pages.length}`));
	});

	it('prints the concerns board by pillar, with author and the action a note became, only when there are notes', async () => {
		const action = record.plan[0];
		const note = { colour: 'pink', author: 'Hana Harbour', createdAt: '2026-11-25T10:00:00.000Z', actionId: null };
		const withBoard: EvaluationRecord = {
			...record,
			board: [
				{ ...note, id: 'n1', text: 'Board never discusses security', elementCode: 'A1', column: 'A', actionId: action.id },
				{ ...note, id: 'n2', text: 'Who owns the fence at berth 4?', elementCode: null, column: 'unsorted', colour: 'yellow' }
			]
		};
		const all = oneLine((await pagesOf(frozenVersion(withBoard))).join(' '));
		expect(all).toContain('Concerns board');
		expect(all).toContain('A. Leadership and accountability');
		expect(all).toContain(`Board never discusses security (A1, Pink note by Hana Harbour). Became the action "${action.title}".`);
		expect(all).toContain('Not sorted under a pillar');
		expect(all).toContain('Who owns the fence at berth 4? (Yellow note by Hana Harbour).');
		expect(oneLine((await pagesOf(frozen)).join(' '))).not.toContain('Concerns board');
	});
});

/** pdftotext's text on one line, without the direction marks poppler puts around right-to-left runs. */
const plainText = (pages: string[]) => oneLine(pages.join(' ').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''));

describe('PDF record in the record language', () => {
	const signedIn = (language: 'es' | 'ar' | 'fr'): FrozenVersion => {
		const frozen = frozenVersion(demoRecordIn(language));
		return { ...frozen, status: 'signed', signatures: [signature(frozen, 'attested', '2026-11-25T15:00:00.000Z'), signature(frozen, 'approved', '2026-11-26T09:12:44.000Z')] };
	};

	it('prints a Spanish record in Spanish: headings, cover labels, table headers, summary, footer and dates', async () => {
		const version = signedIn('es');
		const pages = await pagesOf(version);
		const all = plainText(pages);
		const first = plainText(pages.slice(0, 1));
		for (const text of ['REGISTRO DE EVALUACIÓN PSeMS', 'FIRMADO', 'Tipo de revisión', 'Marco de referencia', 'Fecha de la revisión', 'Congelado', 'Estado', '24 de noviembre de 2026', '25 de noviembre de 2026 a las 14:03:07 UTC, por Fran Müller', 'Firmado. Aprobado por el gerente responsable.', 'Huella del registro (SHA-256 del registro canónico)', 'Hash de cadena anterior', 'Ninguno: esta es la primera versión', 'Firmas', 'Nombre', 'Aún sin firmar', 'Registro de evaluación v1']) {
			expect(first, text).toContain(text);
		}
		for (const text of ['Resumen', 'Matriz GAP', 'Hallazgos por elemento', 'Plan de mejora', 'Registro de entrevistas', 'Participantes', 'Cómo leer las puntuaciones', 'Autoevaluación', 'Independiente', 'Confianza', 'elementos están por debajo del objetivo', 'El plan de mejora tiene 6 acciones', 'Acción y criterio de éxito', 'Persona entrevistada:', 'Rol en la revisión', 'Departamento', 'NOTAS DEL TALLER']) {
			expect(all, text).toContain(text);
		}
		pages.forEach((page, i) => expect(page).toContain(`Registro de evaluación v1 · ${version.contentHash.slice(0, 12)} · página ${i + 1} de ${pages.length}`));
		// None of the English chrome is left.
		for (const english of ['PSeMS EVALUATION RECORD', 'Review kind', 'Framework', 'Review held', 'Record fingerprint', 'Sign-off', 'Not yet signed', 'Summary', 'GAP grid', 'Findings by element', 'Improvement plan', 'Interview record', 'Participants', 'How to read the scores', 'below target', 'Interviewee', 'November', ' of 1', 'page 1']) {
			expect(all, english).not.toContain(english);
		}
	});

	it('reads back an Arabic record’s own words in logical order, on the cover, in headings and in the footer', async () => {
		const version = signedIn('ar');
		const pages = await pagesOf(version);
		const all = plainText(pages);
		for (const text of ['تقييم نظام إدارة أمن الموانئ', 'نوع المراجعة', 'ملاحظة', 'الإطار المرجعي', 'تاريخ انعقاد المراجعة', 'بصمة السلسلة السابقة', 'الإطار المرجعي', 'البصمة الرقمية للسجل', 'التوقيعات', 'لم يوقع بعد', 'الملخص', 'جدول تحليل الفجوات', 'النتائج حسب العنصر', 'خطة التحسين', 'سجل المقابلات', 'المشاركون', 'كيفية قراءة الدرجات', 'دون المستهدف', 'اعتمده المدير المسؤول']) {
			expect(all, text).toContain(text);
		}
		// The footer's words on every page (pdftotext places the digits between right-to-left words by its own guess).
		pages.forEach((page, i) => {
			const text = plainText([page]);
			expect(text, `page ${i + 1}`).toContain('سجل التقييم');
			expect(text, `page ${i + 1}`).toContain('الصفحة');
			expect(text, `page ${i + 1}`).toContain(version.contentHash.slice(0, 12));
		});
		for (const english of ['PSeMS EVALUATION RECORD', 'Review kind', 'Sign-off', 'Summary', 'GAP grid', 'Improvement plan', 'Participants']) {
			expect(all, english).not.toContain(english);
		}
		const pdf = await renderRecordPdf(version);
		expect(pdf.toString('latin1')).toContain('/Lang (ar)');
		expect(pdf.equals(await renderRecordPdf(version))).toBe(true);
	});

	it('renders each language to its own bytes, the same every time', async () => {
		const french = signedIn('fr');
		const [a, b] = await Promise.all([renderRecordPdf(french), renderRecordPdf(french)]);
		expect(a.equals(b)).toBe(true);
		expect(a.toString('latin1')).toContain('/Lang (fr)');
		const first = plainText((await pagesOf(french)).slice(0, 1));
		expect(first).toContain('DOSSIER D’ÉVALUATION PSeMS');
		expect(first).toContain('25 novembre 2026 à 14:03:07 UTC, par Fran Müller');
	});
});
