// Svelte state that follows Yjs documents: `value` is re-read after every change to any of the
// given documents, at most once per 16 ms (a timer, not requestAnimationFrame, so hidden tabs stay current too). $state.raw, because the values hold Yjs
// types (rich-text fragments) that must not be wrapped in Svelte proxies.
import type * as Y from 'yjs';

export class Live<T> {
	value = $state.raw<T>() as T;
	#read: () => T;
	#docs: Y.Doc[];
	#scheduled = false;
	#onUpdate = () => this.#schedule();

	constructor(read: () => T, docs: Y.Doc[]) {
		this.#read = read;
		this.#docs = docs;
		this.value = read();
		for (const doc of docs) doc.on('update', this.#onUpdate);
	}

	#schedule() {
		if (this.#scheduled) return;
		this.#scheduled = true;
		const run = () => {
			this.#scheduled = false;
			this.value = this.#read();
		};
		setTimeout(run, 16);
	}

	/** Re-reads now (after a local change the UI wants to reflect in the same frame). */
	refresh() {
		this.value = this.#read();
	}

	destroy() {
		for (const doc of this.#docs) doc.off('update', this.#onUpdate);
	}
}
