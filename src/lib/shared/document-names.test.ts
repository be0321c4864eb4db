import { describe, it, expect } from 'vitest';
import { parseDocumentName, reviewerDocumentName, workspaceDocumentName } from './document-names.ts';

describe('document names', () => {
	it('parses a workspace document name', () => {
		expect(parseDocumentName('review:abc-123_X')).toEqual({ reviewId: 'abc-123_X', kind: 'workspace' });
	});

	it('parses a reviewer document name', () => {
		expect(parseDocumentName('review:abc-123_X:reviewer')).toEqual({ reviewId: 'abc-123_X', kind: 'reviewer' });
	});

	it('round-trips the names it builds for a review id', () => {
		const id = crypto.randomUUID();
		expect(workspaceDocumentName(id)).toBe(`review:${id}`);
		expect(reviewerDocumentName(id)).toBe(`review:${id}:reviewer`);
		expect(parseDocumentName(workspaceDocumentName(id))).toEqual({ reviewId: id, kind: 'workspace' });
		expect(parseDocumentName(reviewerDocumentName(id))).toEqual({ reviewId: id, kind: 'reviewer' });
	});

	it('accepts a review id of up to 64 characters', () => {
		const id = 'a'.repeat(64);
		expect(parseDocumentName(`review:${id}`)).toEqual({ reviewId: id, kind: 'workspace' });
	});

	it('rejects anything that is not exactly one of the two shapes', () => {
		const rejected = [
			'',
			'review',
			'review:',
			'review::reviewer',
			'review:abc:reviewer:extra',
			'review:abc:workspace',
			'review:abc:',
			'review:abc:Reviewer',
			'Review:abc',
			'reviews:abc',
			'other:abc',
			'abc',
			' review:abc',
			'review:abc ',
			'review:a b',
			'review:abc\n',
			'review:abc\n:reviewer',
			'review:../etc',
			'review:abc/def',
			'review:abc%20',
			'review:ábc',
			`review:${'a'.repeat(65)}`,
			`review:${'a'.repeat(10_000)}:reviewer`
		];
		for (const name of rejected) {
			expect(parseDocumentName(name), JSON.stringify(name)).toBeNull();
		}
	});
});
