// Group commit for the durable log: client updates that arrive while a write is being prepared or
// is in flight go into the next write, one transaction per batch, so a slow commit (a database over
// the network) costs one round trip per batch instead of one per update. Each caller's promise
// settles with its own row's sequence number, or with the batch's error.

type Pending = { name: string; update: Uint8Array; resolve(seq: number): void; reject(error: unknown): void };

export function createGroupCommit(write: (rows: ReadonlyArray<{ name: string; update: Uint8Array }>) => Promise<number[]>) {
	let queue: Pending[] = [];
	let running = false;

	async function drain(): Promise<void> {
		running = true;
		try {
			while (queue.length > 0) {
				const batch = queue;
				queue = [];
				try {
					const seqs = await write(batch.map(({ name, update }) => ({ name, update })));
					batch.forEach((entry, i) => entry.resolve(seqs[i]));
				} catch (error) {
					for (const entry of batch) entry.reject(error);
				}
			}
		} finally {
			running = false;
		}
	}

	return {
		/** Resolves once the update is committed (with its sequence number); rejects when the write failed. */
		append(name: string, update: Uint8Array): Promise<number> {
			return new Promise<number>((resolve, reject) => {
				queue.push({ name, update, resolve, reject });
				// The next turn of the event loop: every update received in this one joins the batch.
				if (!running && queue.length === 1) setImmediate(() => void drain());
			});
		}
	};
}
