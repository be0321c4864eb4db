// Reviews with real content for the checks that walk every page (accessibility, layouts in every
// language): the demo workshop (interview, scores, plan, notes) and a review with a frozen version.
import { expect, type Page } from '@playwright/test';
import { ADMIN, createReview, freezeVersion, scoreElement, signIn, unique } from './helpers.ts';

export type SampleReviews = { demo: string; frozen: string };

export async function prepareSampleReviews(page: Page): Promise<SampleReviews> {
	await signIn(page, ADMIN.email, ADMIN.password);
	const frozen = await createReview(page, unique('Sample'));
	await scoreElement(page, frozen, 'A2', /^2 · /, 'Appointed last year; direct access not yet written down.');
	await freezeVersion(page, frozen, 'Agreed at the closing meeting', 1);
	await page.goto('/');
	await page.getByRole('button', { name: 'Create a demo review' }).click();
	await expect(page).toHaveURL(/\/reviews\/[^/]+$/);
	return { demo: /\/reviews\/([^/]+)$/.exec(page.url())![1], frozen };
}

export const SIGNED_OUT_PAGES = ['/login', '/forgot', '/reset/not-a-real-token', '/invite/not-a-real-token', '/verify', '/no-such-page'];
export const WORKSPACE_SECTIONS = ['overview', 'interview', 'grid', 'plan', 'board'] as const;

export function signedInPages(site: SampleReviews): string[] {
	return [
		'/',
		'/reviews/new',
		'/account',
		'/admin',
		'/actions',
		`/reviews/${site.demo}/participants`,
		`/reviews/${site.demo}/follow-up`,
		`/reviews/${site.demo}/progress`,
		`/reviews/${site.demo}/self-scores`,
		`/reviews/${site.frozen}/record`,
		`/reviews/${site.frozen}/record/1`,
		`/reviews/${site.frozen}/record/compare`
	];
}
