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

	it('loads an unknown document as empty', () => {
		expect(documents.load('review:nothing')).toEqual({ state: null, updates: [], lastSeq: 0 });
		expect(documents.latestSeq('review:nothing')).toBe(0);
		expect(documents.logLength('review:nothing')).toBe(0);
	});

	it('returns appended updates in order, with no state before the first compaction', () => {
		const s1 = documents.appendUpdate('review:a', bytes(1, 1), AT);
		const s2 = documents.appendUpdate('review:a', bytes(2, 2, 2), AT + 1);
		const s3 = documents.appendUpdate('review:a', bytes(3), AT + 2);
		expect(s1).toBeLessThan(s2);
		expect(s2).toBeLessThan(s3);

		expect(documents.load('review:a')).toEqual({
			state: null,
			updates: [bytes(1, 1), bytes(2, 2, 2), bytes(3)],
			lastSeq: s3
		});
		expect(documents.latestSeq('review:a')).toBe(s3);
		expect(documents.logLength('review:a')).toBe(3);
	});

	it('stores exactly the bytes of an update that is a view into a larger buffer', () => {
		const backing = bytes(9, 9, 4, 5, 6, 9, 9);
		documents.appendUpdate('review:a', backing.subarray(2, 5), AT);
		expect(documents.load('review:a').updates).toEqual([bytes(4, 5, 6)]);
	});

	it('folds the log into the state on compaction, leaving an empty tail', () => {
		documents.appendUpdate('review:a', bytes(1), AT);
		const upto = documents.appendUpdate('review:a', bytes(2), AT);

		documents.compact('review:a', bytes(7, 7), upto, AT + 10);

		expect(documents.load('review:a')).toEqual({ state: bytes(7, 7), updates: [], lastSeq: upto });
		expect(documents.logLength('review:a')).toBe(0);
	});

	it('keeps updates appended after the compacted point as the new tail', () => {
		documents.appendUpdate('review:a', bytes(1), AT);
		const upto = documents.appendUpdate('review:a', bytes(2), AT);
		// Appended before compaction ran, but not covered by the state being stored.
		const late = documents.appendUpdate('review:a', bytes(3), AT);
		documents.compact('review:a', bytes(7), upto, AT);
		const after = documents.appendUpdate('review:a', bytes(4), AT);

		expect(documents.load('review:a')).toEqual({ state: bytes(7), updates: [bytes(3), bytes(4)], lastSeq: after });
		expect(late).toBeLessThan(after);
	});

	it('replaces the state on a later compaction', () => {
		documents.compact('review:a', bytes(1), documents.appendUpdate('review:a', bytes(1), AT), AT);
		const upto = documents.appendUpdate('review:a', bytes(2), AT);
		documents.compact('review:a', bytes(1, 2), upto, AT);
		expect(documents.load('review:a')).toEqual({ state: bytes(1, 2), updates: [], lastSeq: upto });
	});

	it('keeps documents independent by name', () => {
		documents.appendUpdate('review:a', bytes(1), AT);
		documents.appendUpdate('review:a:reviewer', bytes(2), AT);
		const b = documents.appendUpdate('review:b', bytes(3), AT);
		documents.compact('review:b', bytes(30), b, AT);
		documents.appendUpdate('review:a', bytes(4), AT);

		expect(documents.load('review:a').state).toBeNull();
		expect(documents.load('review:a').updates).toEqual([bytes(1), bytes(4)]);
		expect(documents.load('review:a:reviewer').updates).toEqual([bytes(2)]);
		expect(documents.load('review:b')).toEqual({ state: bytes(30), updates: [], lastSeq: b });
		expect(documents.logLength('review:a')).toBe(2);
	});

	it('survives closing and reopening the database', () => {
		documents.appendUpdate('review:a', bytes(1), AT);
		const upto = documents.appendUpdate('review:a', bytes(2), AT);
		documents.compact('review:a', bytes(12), upto, AT);
		documents.appendUpdate('review:a', bytes(3), AT);
		services.close();

		const reopened = createServices(services.config);
		try {
			expect(reopened.repos.documents.load('review:a')).toMatchObject({ state: bytes(12), updates: [bytes(3)] });
		} finally {
			reopened.close();
		}
	});
});
