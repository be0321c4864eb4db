// The evidence files of one review, as this person may see them: loaded once per page and shared
// by every attachment list on it (an interview has many entries and a plan many actions; one
// request, not one per card). The list lives on the server, never in a Yjs document.
import { getContext, setContext } from 'svelte';
import { readErrorBody } from '#lib/shared/error-contract.ts';
import { evidenceFileUrl, type EvidenceFileView, type EvidenceTargetKind } from '#lib/shared/evidence.ts';
import { m } from '#lib/paraglide/messages.js';

export class ReviewEvidence {
	readonly reviewId: string;
	files = $state<EvidenceFileView[]>([]);
	loadError = $state<string | null>(null);
	#loading: Promise<void> | null = null;

	constructor(reviewId: string) {
		this.reviewId = reviewId;
	}

	/** Loads the list the first time anyone asks; later callers share that request. */
	load(): Promise<void> {
		this.#loading ??= this.#fetch();
		return this.#loading;
	}

	async #fetch(): Promise<void> {
		try {
			const response = await fetch(`/reviews/${encodeURIComponent(this.reviewId)}/evidence`, { headers: { accept: 'application/json' } });
			const body = await response.json();
			if (response.ok) {
				this.files = body.value as EvidenceFileView[];
				this.loadError = null;
			} else this.loadError = readErrorBody(body)?.message ?? m.grid_evidence_load_failed();
		} catch {
			this.loadError = m.grid_evidence_load_unreachable();
		}
	}

	of(target: { kind: EvidenceTargetKind; id: string }): EvidenceFileView[] {
		return this.files.filter((f) => f.targetKind === target.kind && f.targetId === target.id);
	}

	added(file: EvidenceFileView): void {
		this.files = [...this.files, file];
	}

	/** Detaches a file; the answer is null or the server's sentence. */
	async remove(file: EvidenceFileView): Promise<string | null> {
		const response = await fetch(evidenceFileUrl(this.reviewId, file.id), { method: 'DELETE' }).catch(() => null);
		if (response?.ok) {
			this.files = this.files.filter((f) => f.id !== file.id);
			return null;
		}
		if (!response) return m.grid_remove_unreachable({ name: file.name });
		return readErrorBody(await response.json().catch(() => null))?.message ?? m.grid_remove_failed({ name: file.name });
	}
}

const KEY = Symbol('review-evidence');

/** The workspace provides one list for the whole review page. */
export function provideReviewEvidence(evidence: ReviewEvidence): ReviewEvidence {
	return setContext(KEY, evidence);
}

/** The page's list when there is one (the workspace), else null (a page with a single list). */
export function sharedReviewEvidence(): ReviewEvidence | null {
	return getContext<ReviewEvidence | undefined>(KEY) ?? null;
}
