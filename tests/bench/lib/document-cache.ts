// The review documents the scenarios share, built once per run on first use (the large one
// takes several seconds to build with its edit history).
import { buildReviewDocuments, type ReviewDocuments } from './review-documents.ts';

export type DocumentSize = 'large' | 'normal' | 'small';

const SPECS: Record<DocumentSize, { bytes: number; actions: number; seed: number }> = {
	/** ~5 MB: long interview answers, 300 plan actions, edit history (scenarios 3, 4, 5). */
	large: { bytes: 5_000_000, actions: 300, seed: 5 },
	/** ~300 kB: a normal review for cold join and freeze (under the 500 kB of the issue). */
	normal: { bytes: 300_000, actions: 40, seed: 3 },
	/** ~100 kB: the normal review of the memory scenario. */
	small: { bytes: 100_000, actions: 20, seed: 1 }
};

const cache = new Map<DocumentSize, ReviewDocuments>();

export function reviewDocuments(size: DocumentSize, log: (line: string) => void = () => {}): ReviewDocuments {
	let docs = cache.get(size);
	if (!docs) {
		const startedAt = Date.now();
		const spec = SPECS[size];
		docs = buildReviewDocuments(spec.bytes, spec.actions, spec.seed);
		cache.set(size, docs);
		log(`built the ${size} review: ${docs.workspace.byteLength} bytes of workspace state, ${docs.entries} interview entries, ${docs.actions} actions (${Date.now() - startedAt} ms)`);
	}
	return docs;
}
