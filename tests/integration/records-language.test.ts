// The record language (issue 14, parts 3 and 5) on real temporary SQLite: a facilitator chooses
// it, the freeze writes the record in it, and the exports print it. PDFs are read back with
// poppler-utils (pdftotext, pdffonts, pdfdetach), as a reader's tools would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { setIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { sha256Hex } from '../../src/lib/shared/record/canonical-json.ts';
import { createRecordsFixture, value, type RecordsFixture } from './records-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'psems-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let f: RecordsFixture;
beforeEach(async () => (f = await createRecordsFixture()));
afterEach(() => f.services.cleanup());

/** Scores that give the grid a critical priority, so priority labels are printed too. */
function scoreSomeElements(): void {
	f.edit(({ workspace, reviewer }) => {
		setSelfScore(workspace, 'B1', 2);
		setIndependentScore(reviewer, 'B1', { score: 1, target: null, targetRationale: '', confidence: 'medium', rationale: 'Seen in the risk register', priorityOverride: null, overrideReason: '', differenceRationale: '' });
		setSelfScore(workspace, 'A1', 3);
	});
}

async function pdfOf(version: number): Promise<{ file: string; bytes: Buffer }> {
	const exported = value(await f.services.records.exportVersion(f.facilitator.id, f.reviewId, version, 'pdf'));
	const bytes = Buffer.from(exported.body as Uint8Array);
	const file = join(dir, `${crypto.randomUUID()}.pdf`);
	writeFileSync(file, bytes);
	return { file, bytes };
}

/** pdftotext's text, without the direction marks poppler puts around right-to-left runs. */
const textOf = async (file: string) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');

const auditOf = async () => (await f.services.audit.entries(f.reviewId)).filter((e) => e.action === 'record_language_changed');

describe('choosing the record language', () => {
	it('lets a facilitator set it, audited with the old and new language', async () => {
		expect((await f.services.repos.reviews.findById(f.reviewId))?.recordLanguage).toBe('en');
		expect(value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'es' }))).toEqual({ language: 'es', changed: true });
		expect((await f.services.repos.reviews.findById(f.reviewId))?.recordLanguage).toBe('es');
		expect((await auditOf()).map((e) => e.details)).toEqual([{ from: 'en', to: 'es' }]);
		// Choosing the language it already has changes nothing and logs nothing.
		expect(value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'es' }))).toEqual({ language: 'es', changed: false });
		expect(await auditOf()).toHaveLength(1);
	});

	it('refuses a department head, the security manager and the accountable manager, and changes nothing', async () => {
		for (const person of [f.departmentHead, f.securityManager, f.accountableManager]) {
			const refused = await f.services.recordLanguage.set(person, f.reviewId, { language: 'ar' });
			expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only a facilitator can choose the record language.' } });
		}
		expect((await f.services.repos.reviews.findById(f.reviewId))?.recordLanguage).toBe('en');
		expect(await auditOf()).toEqual([]);
	});

	it('refuses a language the app has no translation for, naming the choices', async () => {
		const refused = await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'de' });
		expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'language', message: 'Choose one of: English, Français, Español, العربية.' } });
	});

	it('answers a non-participant that the review does not exist', async () => {
		const stranger = { ...f.departmentHead, id: crypto.randomUUID() };
		expect(await f.services.recordLanguage.set(stranger, f.reviewId, { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});
});

describe('a record frozen in Spanish', () => {
	it('holds the Spanish framework words, says so, and keeps the codes and scores', async () => {
		scoreSomeElements();
		value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'es' }));
		const frozen = value(await f.freeze());
		const { record, recordJson } = value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, frozen.version));
		expect(record.language).toBe('es');
		expect(record.framework).toEqual({ id: 'psems-gap', version: '1.0', name: 'Análisis de brechas PSeMS' });
		expect(record.elements.find((e) => e.code === 'B1')).toMatchObject({ title: 'Evaluación de amenazas, vulnerabilidades y riesgos', selfScore: 2, independentScore: 1, priority: 'P1' });
		expect(sha256Hex(recordJson)).toBe(frozen.contentHash);
	});

	it('exports a PDF whose text pdftotext reads back in Spanish, with embedded fonts and the record attached', async () => {
		scoreSomeElements();
		value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'es' }));
		const frozen = value(await f.freeze());
		const { file, bytes } = await pdfOf(frozen.version);
		const text = await textOf(file);
		for (const words of ['Evaluación de amenazas, vulnerabilidades y riesgos', 'Liderazgo y rendición de cuentas', 'Gestión de amenazas y riesgos', 'P1 Crítica', 'Análisis de brechas PSeMS', 'La disposición está definida y documentada']) {
			expect(text).toContain(words);
		}

		// Every font is embedded (PDF/A forbids anything else) and none is a standard font.
		const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
		expect(fonts.length).toBeGreaterThanOrEqual(2);
		for (const line of fonts) expect(line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

		// The canonical record travels inside the PDF as its source, byte for byte the hashed JSON.
		expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain('1: record.json');
		const saved = join(dir, `${crypto.randomUUID()}.json`);
		execFileSync('pdfdetach', ['-save', '1', '-o', saved, file]);
		expect(sha256Hex(readFileSync(saved, 'utf8'))).toBe(frozen.contentHash);

		// PDF/A-3a: declared in the XMP metadata, tagged, with the record's language.
		const info = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
		expect(info).toContain('<pdfaid:part>3</pdfaid:part>');
		expect(info).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
		expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
		expect(bytes.toString('latin1')).toContain('/Lang (es)');
		expect(bytes.toString('latin1')).toContain('/AFRelationship /Source');

		// Tagged for screen readers: headings and paragraphs in reading order, footers left out.
		const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
		expect(structure).toMatch(/^Document/);
		expect(structure).toMatch(/H1 \(block\)\s+"Matriz GAP"/);
		expect(structure).toContain('"Evaluación de amenazas, vulnerabilidades y riesgos"');
		expect(structure).not.toContain('page 1 of');
	});

	it('renders the same version to the same bytes', async () => {
		value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'es' }));
		const frozen = value(await f.freeze());
		const [a, b] = [await pdfOf(frozen.version), await pdfOf(frozen.version)];
		expect(a.bytes.equals(b.bytes)).toBe(true);
	});

	it('writes the grid CSV with the Spanish pillar, applicability and confidence words', async () => {
		scoreSomeElements();
		value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'es' }));
		const frozen = value(await f.freeze());
		const csv = String(value(await f.services.records.exportVersion(f.facilitator.id, f.reviewId, frozen.version, 'grid.csv')).body);
		const b1 = csv.split('\r\n').find((line) => line.startsWith('B1,'));
		expect(b1).toContain('Evaluación de amenazas, vulnerabilidades y riesgos');
		expect(b1).toContain('B Gestión de amenazas y riesgos');
		expect(b1).toContain('Aplicable');
		expect(b1).toContain('Media');
	});
});

describe('a record frozen in Arabic', () => {
	it('prints Arabic words that read back in logical order', async () => {
		scoreSomeElements();
		value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'ar' }));
		const frozen = value(await f.freeze());
		const { file, bytes } = await pdfOf(frozen.version);
		const text = await textOf(file);
		// Element and pillar names, a level descriptor and a priority rule, each as one logical string.
		// "الأمن" (security) holds the lam-alef ligature, one glyph for two letters (fonts.ts).
		for (const words of ['تقييم التهديدات ونقاط الضعف والمخاطر', 'القيادة والمساءلة', 'المدير المسؤول والتزام القيادة العليا', 'أمن المعلومات والأمن السيبراني', 'نموذج سجل', 'في عنصر غير حرج']) {
			expect(text).toContain(words);
		}
		expect(bytes.toString('latin1')).toContain('/Lang (ar)');
		const [again] = [await pdfOf(frozen.version)];
		expect(again.bytes.equals(bytes)).toBe(true);
	});
});

describe('a record frozen in English', () => {
	it('has no language key, so records and hashes from before keep their form', async () => {
		const frozen = value(await f.freeze());
		const { record, recordJson } = value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, frozen.version));
		expect(record.language).toBeUndefined();
		expect(recordJson).not.toContain('"language"');
	});

	it('keeps the language it was frozen in when the review changes language later', async () => {
		const english = value(await f.freeze());
		value(await f.services.recordLanguage.set(f.facilitator, f.reviewId, { language: 'fr' }));
		const french = value(await f.freeze());
		const read = async (n: number) => value(await f.services.records.getVersion(f.facilitator.id, f.reviewId, n)).record;
		expect((await read(english.version)).elements[0].title).toBe('Accountable manager and senior leadership commitment');
		expect((await read(french.version)).elements[0].title).toBe('Dirigeant responsable et engagement de la direction');
		expect((await read(french.version)).language).toBe('fr');
	});
});
