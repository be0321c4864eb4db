import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestServices, type TestServices } from '../../tests/helpers/services.ts';
import { createServices } from '../services.ts';
import type { DocumentRepository } from './documents.ts';

const AT = Date.UTC(2026, 10, 25);
const bytes = (...values: number[]) => new Uint8Array(values);

describe('document repository', () => {
	let services: TestServices;
	let documents: DocumentRepository;

	beforeEach(() => {
		services = createTestServices();
		documents = services.repos.documents;
	});

	afterEach(() => services.cleanup());

	it('loads an unknown document as empty', async () => {
		expect(await documents.load('review:nothing')).toEqual({ state: null, updates: [], lastSeq: 0 });
		expect(await documents.latestSeq('review:nothing')).toBe(0);
		expect(await documents.logLength('review:nothing')).toBe(0);
	});

	it('returns appended updates in order, with no state before the first compaction', async () => {
		const s1 = await documents.appendUpdate('review:a', bytes(1, 1), AT);
		const s2 = await documents.appendUpdate('review:a', bytes(2, 2, 2), AT + 1);
		const s3 = await documents.appendUpdate('review:a', bytes(3), AT + 2);
		expect(s1).toBeLessThan(s2);
		expect(s2).toBeLessThan(s3);

		expect(await documents.load('review:a')).toEqual({
			state: null,
			updates: [bytes(1, 1), bytes(2, 2, 2), bytes(3)],
			lastSeq: s3
		});
		expect(await documents.latestSeq('review:a')).toBe(s3);
		expect(await documents.logLength('review:a')).toBe(3);
	});

	it('stores exactly the bytes of an update that is a view into a larger buffer', async () => {
		const backing = bytes(9, 9, 4, 5, 6, 9, 9);
		await documents.appendUpdate('review:a', backing.subarray(2, 5), AT);
		expect((await documents.load('review:a')).updates).toEqual([bytes(4, 5, 6)]);
	});

	it('folds the log into the state on compaction, leaving an empty tail', async () => {
		await documents.appendUpdate('review:a', bytes(1), AT);
		const upto = await documents.appendUpdate('review:a', bytes(2), AT);

		await documents.compact('review:a', bytes(7, 7), upto, AT + 10);

		expect(await documents.load('review:a')).toEqual({ state: bytes(7, 7), updates: [], lastSeq: upto });
		expect(await documents.logLength('review:a')).toBe(0);
	});

	it('keeps updates appended after the compacted point as the new tail', async () => {
		await documents.appendUpdate('review:a', bytes(1), AT);
		const upto = await documents.appendUpdate('review:a', bytes(2), AT);
		// Appended before compaction ran, but not covered by the state being stored.
		const late = await documents.appendUpdate('review:a', bytes(3), AT);
		await documents.compact('review:a', bytes(7), upto, AT);
		const after = await documents.appendUpdate('review:a', bytes(4), AT);

		expect(await documents.load('review:a')).toEqual({ state: bytes(7), updates: [bytes(3), bytes(4)], lastSeq: after });
		expect(late).toBeLessThan(after);
	});

	it('replaces the state on a later compaction', async () => {
		await documents.compact('review:a', bytes(1), await documents.appendUpdate('review:a', bytes(1), AT), AT);
		const upto = await documents.appendUpdate('review:a', bytes(2), AT);
		await documents.compact('review:a', bytes(1, 2), upto, AT);
		expect(await documents.load('review:a')).toEqual({ state: bytes(1, 2), updates: [], lastSeq: upto });
	});

	it('keeps documents independent by name', async () => {
		await documents.appendUpdate('review:a', bytes(1), AT);
		await documents.appendUpdate('review:a:reviewer', bytes(2), AT);
		const b = await documents.appendUpdate('review:b', bytes(3), AT);
		await documents.compact('review:b', bytes(30), b, AT);
		await documents.appendUpdate('review:a', bytes(4), AT);

		expect((await documents.load('review:a')).state).toBeNull();
		expect((await documents.load('review:a')).updates).toEqual([bytes(1), bytes(4)]);
		expect((await documents.load('review:a:reviewer')).updates).toEqual([bytes(2)]);
		expect(await documents.load('review:b')).toEqual({ state: bytes(30), updates: [], lastSeq: b });
		expect(await documents.logLength('review:a')).toBe(2);
	});

	it('survives closing and reopening the database', async () => {
		await documents.appendUpdate('review:a', bytes(1), AT);
		const upto = await documents.appendUpdate('review:a', bytes(2), AT);
		await documents.compact('review:a', bytes(12), upto, AT);
		await documents.appendUpdate('review:a', bytes(3), AT);
		services.close();

		const reopened = createServices(services.config);
		try {
			expect(await reopened.repos.documents.load('review:a')).toMatchObject({ state: bytes(12), updates: [bytes(3)] });
		} finally {
			reopened.close();
		}
	});
});
