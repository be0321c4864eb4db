import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

const bytes = (n: number) => new Uint8Array([n]);

describe('group commit', () => {
	it('writes the updates of one turn as one batch, in order, and hands each its own sequence number', async () => {
		const batches: number[][] = [];
		let seq = 0;
		const commit = createGroupCommit(async (rows) => {
			batches.push(rows.map((r) => r.update[0]));
			return rows.map(() => ++seq);
		});
		const seqs = await Promise.all([commit.append('d', bytes(1)), commit.append('d', bytes(2)), commit.append('e', bytes(3))]);
		expect(seqs).toEqual([1, 2, 3]);
		expect(batches).toEqual([[1, 2, 3]]);
	});

	it('starts the next batch only when the previous write has finished', async () => {
		const batches: number[][] = [];
		let release!: () => void;
		const first = new Promise<void>((resolve) => (release = resolve));
		const commit = createGroupCommit(async (rows) => {
			batches.push(rows.map((r) => r.update[0]));
			if (batches.length === 1) await first;
			return rows.map((r) => r.update[0]);
		});
		const a = commit.append('d', bytes(1));
		await new Promise((resolve) => setImmediate(resolve));
		const b = commit.append('d', bytes(2));
		const c = commit.append('d', bytes(3));
		await new Promise((resolve) => setImmediate(resolve));
		expect(batches).toEqual([[1]]);
		release();
		expect(await Promise.all([a, b, c])).toEqual([1, 2, 3]);
		expect(batches).toEqual([[1], [2, 3]]);
	});

	it('rejects every update of a failed batch, and the next batch is tried again', async () => {
		let fail = true;
		const commit = createGroupCommit(async (rows) => {
			if (fail) throw new Error('disk full');
			return rows.map(() => 7);
		});
		const results = await Promise.allSettled([commit.append('d', bytes(1)), commit.append('d', bytes(2))]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		fail = false;
		expect(await commit.append('d', bytes(3))).toBe(7);
	});
});
