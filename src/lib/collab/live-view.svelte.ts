// A typed, lazy view of Yjs documents for Svelte: `current` reads the documents only when someone
// asks and something changed since the last read, and re-runs the effects that read it when the
// documents change (createSubscriber), so a component never refreshes by hand.
//
// Timing: a change made in this browser is shown on the next microtask (after an edit, `await
// tick()` already sees it, and the notification never runs inside Svelte's own DOM update, where
// a focused editor's blur can write); changes from others are coalesced for 16 ms (a timer, not
// requestAnimationFrame, so hidden tabs stay current), because a busy room sends many.
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';

const REMOTE_COALESCE_MS = 16;

export class LiveView<T> {
	#read: () => T;
	#docs: readonly Y.Doc[];
	#value: T | undefined;
	#stale = true;
	#notify: (() => void) | null = null;
	#scheduled: 'microtask' | 'timer' | null = null;
	#subscribe: () => void;

	#onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
		this.#stale = true;
		if (this.#notify) this.#schedule(transaction.local ? 'microtask' : 'timer');
	};

	constructor(read: () => T, docs: readonly Y.Doc[]) {
		this.#read = read;
		this.#docs = docs;
		// Listening from the start keeps the staleness right while nobody watches; effects are only
		// notified while some effect reads `current`.
		for (const doc of docs) doc.on('update', this.#onUpdate);
		this.#subscribe = createSubscriber((update) => {
			this.#notify = update;
			return () => {
				this.#notify = null;
			};
		});
	}

	get current(): T {
		this.#subscribe();
		if (this.#stale) {
			this.#value = this.#read();
			this.#stale = false;
		}
		return this.#value as T;
	}

	#schedule(kind: 'microtask' | 'timer') {
		if (this.#scheduled === 'microtask' || this.#scheduled === kind) return;
		this.#scheduled = kind;
		const run = () => {
			if (this.#scheduled !== kind) return;
			this.#scheduled = null;
			this.#notify?.();
		};
		if (kind === 'microtask') queueMicrotask(run);
		else setTimeout(run, REMOTE_COALESCE_MS);
	}

	destroy() {
		for (const doc of this.#docs) doc.off('update', this.#onUpdate);
		this.#notify = null;
	}
}
