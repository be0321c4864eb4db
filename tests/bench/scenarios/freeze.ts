// Scenario 4: freezing the record, in this process. Always: build the record from both documents,
// canonical JSON and SHA-256 (the core of a freeze). When the records service exists: the full
// freeze (read, build, hash, encode both states, insert the snapshot and the audit entry), and
// the PDF export when server/records/exports/pdf-export.ts exists.
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '../../../src/lib/shared/framework/index.ts';
import { buildRecord, type EvaluationRecord } from '../../../src/lib/shared/record/record.ts';
import { canonicalJson, sha256Hex } from '../../../src/lib/shared/record/canonical-json.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../../src/lib/shared/document-names.ts';
import type { FrozenVersion, RecordsService } from '../../../server/records/contract.ts';
import type { Services } from '../../../server/services.ts';
import { ROOT } from '../lib/config.ts';
import { reviewDocuments, type DocumentSize } from '../lib/document-cache.ts';
import { addReview, benchTempDir, openServices, removeDir } from '../lib/fixtures.ts';
import { median } from '../lib/stats.ts';
import type { ScenarioContext } from './context.ts';

type Sizes = Extract<DocumentSize, 'normal' | 'large'>;
type Timings = { runs: number[]; note?: string };

function decode(state: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc;
}

/** Runs `fn` once to warm up, then `runs` times; returns the times in ms. */
async function time(runs: number, fn: () => unknown): Promise<number[]> {
	await fn();
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const startedAt = performance.now();
		await fn();
		out.push(performance.now() - startedAt);
	}
	return out;
}

type LiveSlot = { attach(source: { get(name: string): Y.Doc | null }): () => void };

/** The slot through which the records service reads open documents, if the services have one. */
function liveSlotOf(services: Services): LiveSlot | null {
	for (const key of ['documentStore', 'live', 'liveDocuments']) {
		const slot = (services as unknown as Record<string, unknown>)[key];
		if (slot && typeof (slot as LiveSlot).attach === 'function') return slot as LiveSlot;
	}
	return null;
}

async function pdfExporter(): Promise<((version: FrozenVersion) => unknown) | null> {
	const file = path.join(ROOT, 'server/records/exports/pdf-export.ts');
	if (!fs.existsSync(file)) return null;
	const module = (await import(file)) as Record<string, unknown>;
	const name = Object.keys(module).find((k) => /pdf/i.test(k) && typeof module[k] === 'function');
	return name ? (module[name] as (version: FrozenVersion) => unknown) : null;
}

export async function freeze(ctx: ScenarioContext): Promise<void> {
	const runs = ctx.config.freeze.runs;
	const core: Partial<Record<Sizes, Timings>> = {};
	const full: Partial<Record<Sizes, { open?: Timings; stored?: Timings }>> = {};
	const pdf: Partial<Record<Sizes, Timings>> = {};
	/** The same review frozen with Arabic as its record language (issue 14): bidirectional layout and shaping. */
	const pdfArabic: Partial<Record<Sizes, Timings>> = {};
	const dataDir = benchTempDir('freeze');
	const services = openServices(dataDir);
	const exportPdf = await pdfExporter().catch((error: unknown) => (ctx.log(`PDF export not loadable: ${String(error)}`), null));
	try {
		for (const size of ['normal', 'large'] as const) {
			const docs = reviewDocuments(size, ctx.log);
			const workspace = decode(docs.workspace);
			const reviewer = decode(docs.reviewer);
			const review = addReview(services, { participants: [{ role: 'facilitator' }], documents: docs });
			const reviewInfo = { id: review.id, title: 'Benchmark review', portName: 'Port of Benchmark', portCountry: 'Nowhere', kind: 'independent_review', scheduledOn: null };
			const participants = await services.repos.reviews.participants(review.id);
			let record: EvaluationRecord | null = null;
			core[size] = {
				runs: await time(runs, () => {
					record = buildRecord({ review: reviewInfo, framework: DEFAULT_FRAMEWORK, participants: participants.map((p) => ({ userId: p.userId, name: p.name, role: p.role, department: p.department })), workspace, reviewer });
					return sha256Hex(canonicalJson(record));
				})
			};
			ctx.log(`scenario 4: ${size} record + hash median ${median(core[size].runs).toFixed(1)} ms`);

			const records = (services as unknown as { records?: Partial<RecordsService> }).records;
			if (typeof records?.freeze !== 'function') continue;
			const me = participants[0];
			const actor = { id: me.userId, email: me.email, name: me.name, isAdmin: false, mayCreateReviews: false };
			let n = 0;
			const freezeOnce = async () => {
				const result = await records.freeze!(actor, review.id, { label: `Benchmark ${++n}`, note: '' });
				if (!result.ok) throw new Error(`freeze refused: ${result.error.message}`);
			};
			full[size] = { stored: { runs: await time(runs, freezeOnce), note: 'documents loaded from storage' } };
			const slot = liveSlotOf(services);
			if (slot) {
				const open = new Map([[workspaceDocumentName(review.id), workspace], [reviewerDocumentName(review.id), reviewer]]);
				const detach = slot.attach({ get: (name) => open.get(name) ?? null });
				try {
					full[size].open = { runs: await time(runs, freezeOnce), note: 'documents open' };
				} finally {
					detach();
				}
			}
			if (exportPdf && records.getVersion) {
				const version = await records.getVersion(me.userId, review.id, n);
				if (version.ok) pdf[size] = { runs: await time(Math.min(runs, 3), () => exportPdf(version.value)) };
				else ctx.log(`PDF export skipped: ${version.error.message}`);
				const repo = services.repos.reviews as unknown as Partial<{ setRecordLanguage(id: string, language: 'ar'): Promise<boolean> | boolean }>;
				if (await repo.setRecordLanguage?.(review.id, 'ar')) {
					await freezeOnce();
					const arabic = await records.getVersion(me.userId, review.id, n);
					if (arabic.ok) pdfArabic[size] = { runs: await time(Math.min(runs, 3), () => exportPdf(arabic.value)) };
				}
			}
		}
	} finally {
		services.close();
		removeDir(dataDir);
	}
	ctx.details.freeze = { runs, core, full, pdf, pdfArabic, pdfExportFound: exportPdf !== null };

	const scenario = '4 freeze';
	const targets: Record<Sizes, number> = { normal: 100, large: 500 };
	const hasFull = Object.keys(full).length > 0;
	for (const size of ['normal', 'large'] as const) {
		const label = size === 'normal' ? 'normal review' : 'large review';
		const target = { max: targets[size] };
		const m = (t: Timings | undefined) => (t && t.runs.length > 0 ? median(t.runs) : null);
		ctx.rows.push({ scenario, metric: `build record + canonical JSON + SHA-256, ${label}, median`, unit: 'ms', ours: m(core[size]), bare: null, target: hasFull ? undefined : target, note: hasFull ? undefined : 'records service not present: core only' });
		if (full[size]?.open) ctx.rows.push({ scenario, metric: `full freeze, ${label}, median`, unit: 'ms', ours: m(full[size]?.open), bare: null, target, note: 'documents open' });
		if (full[size]?.stored) ctx.rows.push({ scenario, metric: `full freeze, ${label}, median`, unit: 'ms', ours: m(full[size]?.stored), bare: null, target: full[size]?.open ? undefined : target, note: 'loaded from storage' });
		if (pdf[size]) ctx.rows.push({ scenario, metric: `PDF export, ${label}, median`, unit: 'ms', ours: m(pdf[size]), bare: null });
		if (pdfArabic[size]) ctx.rows.push({ scenario, metric: `PDF export, ${label}, Arabic record, median`, unit: 'ms', ours: m(pdfArabic[size]), bare: null });
	}
	if (!exportPdf) ctx.rows.push({ scenario, metric: 'PDF export', unit: 'ms', ours: null, bare: null, note: 'server/records/exports/pdf-export.ts not present yet' });
}
