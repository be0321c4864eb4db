import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../src/lib/shared/record/canonical-json.ts';
import { EXPORT_FORMAT as VERIFIER_FORMAT } from '../verify-export.ts';
import { EXPORT_FORMAT, exportJson } from './json-export.ts';
import { demoRecord, frozenVersion, signature } from './fixtures.ts';

function signedVersion() {
	const v = frozenVersion(demoRecord());
	return { ...v, status: 'signed' as const, signatures: [signature(v, 'approved', '2026-11-26T09:12:44.000Z'), signature(v, 'attested', '2026-11-25T15:00:00.000Z')] };
}

describe('JSON export', () => {
	it('gives byte-identical text for the same version, every time', () => {
		const version = signedVersion();
		expect(exportJson(version)).toBe(exportJson(version));
	});

	it('gives the same bytes after the inputs went through a JSON round trip, with keys in another order', () => {
		const version = signedVersion();
		const roundTripped = JSON.parse(JSON.stringify(version));
		const reordered = Object.fromEntries(Object.entries(roundTripped).reverse()) as typeof version;
		expect(exportJson(reordered)).toBe(exportJson(version));
	});

	it('lists signatures in signing order, whatever order the database returned them in', () => {
		const version = signedVersion();
		const reversed = { ...version, signatures: [...version.signatures].reverse() };
		expect(exportJson(reversed)).toBe(exportJson(version));
		const parsed = JSON.parse(exportJson(version));
		expect(parsed.signatures.map((s: { meaning: string }) => s.meaning)).toEqual(['attested', 'approved']);
	});

	it('carries the hashes, who froze it and when, and a record that hashes to the content hash', () => {
		const version = signedVersion();
		const parsed = JSON.parse(exportJson(version));
		expect(parsed).toMatchObject({
			format: 'psems-evaluation-record-export/1',
			reviewId: 'rev-eastmouth-2026',
			version: 1,
			label: 'After the Eastmouth workshop',
			contentHash: version.contentHash,
			chainHash: version.chainHash,
			previousChainHash: null,
			frozenAt: '2026-11-25T14:03:07.123Z',
			frozenBy: 'u-fac',
			frozenByName: 'Fran Müller'
		});
		expect(sha256Hex(canonicalJson(parsed.record))).toBe(version.contentHash);
		expect(parsed.record.interview).toHaveLength(8);
		expect(parsed.signatures[0]).toMatchObject({ printedName: 'Fran Müller', recordHash: version.contentHash });
	});

	it('is canonical JSON itself: sorted keys and no whitespace outside strings', () => {
		const text = exportJson(signedVersion());
		expect(text).toBe(canonicalJson(JSON.parse(text)));
		expect(Object.keys(JSON.parse(text))).toEqual([...Object.keys(JSON.parse(text))].sort());
	});

	it('leaves out status and superseded, which change after the freeze, so a later freeze does not change the export', () => {
		const version = signedVersion();
		const superseded = { ...version, superseded: true, status: 'superseded' as const };
		expect(exportJson(superseded)).toBe(exportJson(version));
		expect(exportJson(version)).not.toContain('"status":"signed"');
	});

	it('names the same format the upload verifier expects', () => {
		expect(EXPORT_FORMAT).toBe(VERIFIER_FORMAT);
	});
});
