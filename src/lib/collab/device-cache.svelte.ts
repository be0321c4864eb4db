// The review's documents kept in this browser's IndexedDB (y-indexeddb), and whether every edit
// is committed there yet: the page says "kept on this device" only once it is true, because an
// edit still in an open IndexedDB transaction is lost if the tab is reloaded or closed.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** y-indexeddb's object store of updates. */
const UPDATES_STORE = 'updates';

export class DeviceCache {
	/** False from a local edit until IndexedDB has committed it (and every edit before it). */
	kept = $state(true);
	#entries: Array<{ doc: Y.Doc; cache: IndexeddbPersistence }>;
	#generation = 0;

	constructor(documents: Array<{ name: string; doc: Y.Doc }>) {
		// Each cache registers its own update listener first, so ours runs after it has opened
		// the write transaction for the same update.
		this.#entries = documents.map(({ name, doc }) => {
			const cache = new IndexeddbPersistence(name, doc);
			doc.on('update', this.#onUpdate);
			return { doc, cache };
		});
	}

	#onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (this.#entries.some((e) => e.cache === origin)) return; // read back from the cache itself
		this.kept = false;
		const generation = ++this.#generation;
		void this.#allCommitted().then((committed) => {
			if (committed && generation === this.#generation) this.kept = true;
		});
	};

	/**
	 * IndexedDB starts a read-only transaction only after every read-write transaction on the same
	 * store that was created before it has finished, so its completion means every earlier write
	 * is committed. An error or abort leaves `kept` false: nothing is claimed that is not true.
	 */
	async #allCommitted(): Promise<boolean> {
		const results = await Promise.all(
			this.#entries.map(async ({ cache }) => {
				await cache.whenSynced;
				const db = await cache._db;
				return new Promise<boolean>((resolve) => {
					const tx = db.transaction([UPDATES_STORE], 'readonly');
					tx.oncomplete = () => resolve(true);
					tx.onerror = tx.onabort = () => resolve(false);
				});
			})
		);
		return results.every(Boolean);
	}

	destroy() {
		for (const { doc, cache } of this.#entries) {
			doc.off('update', this.#onUpdate);
			void cache.destroy();
		}
	}
}
