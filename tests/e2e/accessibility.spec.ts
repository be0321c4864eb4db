// Issue 14 part 6: axe (WCAG 2.0/2.1/2.2 A and AA) finds nothing on any page or workspace section,
// in English and in Arabic (right to left). The pages hold real content: a demo workshop with
// interview, scores, plan and notes, and a second review with a frozen version.
import { expect, test, type Page } from '@playwright/test';
import { prepareSampleReviews, SIGNED_OUT_PAGES, signedInPages, WORKSPACE_SECTIONS, type SampleReviews } from './sample-reviews.ts';
import { browserInLanguage, expectNoAxeViolations, waitForLiveAnyLanguage } from './a11y.ts';

test.describe.configure({ timeout: 240_000 });

async function checkEverything(page: Page, anonymous: Page, site: SampleReviews, language: string): Promise<void> {
	for (const path of SIGNED_OUT_PAGES) {
		await anonymous.goto(path);
		await expectNoAxeViolations(anonymous, `${language} ${path}`);
	}
	for (const path of signedInPages(site)) {
		await page.goto(path);
		await expectNoAxeViolations(page, `${language} ${path}`);
	}
	// Sections are opened as people open them, from the section tabs of one loaded page.
	await page.goto(`/reviews/${site.demo}`);
	await waitForLiveAnyLanguage(page);
	const tabs = page.locator('nav.sections');
	for (const section of WORKSPACE_SECTIONS) {
		await tabs.locator(`a[href="#${section}"]`).click();
		await expect(tabs.locator(`a[href="#${section}"][aria-current="page"]`)).toBeVisible();
		await expectNoAxeViolations(page, `${language} workspace ${section}`);
	}
	// The element panel with its level descriptors, opened from the grid.
	await tabs.locator('a[href="#grid"]').click();
	// The element buttons are named by code first in every language ("A1 ...").
	await page.getByRole('button', { name: /^A1 / }).first().click();
	await expect(page.getByRole('button', { name: /^A1 / }).first()).toHaveAttribute('aria-expanded', 'true');
	await expectNoAxeViolations(page, `${language} element panel`);
}

test('no axe violations on any page or workspace section, in English', async ({ page, browser }) => {
	const site = await prepareSampleReviews(page);
	const anonymous = await browserInLanguage(browser, null, 'en-GB');
	await checkEverything(page, anonymous, site, 'English');
});

test('no axe violations on any page or workspace section, in Arabic (right to left)', async ({ page, browser }) => {
	const site = await prepareSampleReviews(page);
	const arabic = await browserInLanguage(browser, page.context(), 'ar');
	await arabic.goto('/');
	await expect(arabic.locator('html')).toHaveAttribute('dir', 'rtl');
	const anonymous = await browserInLanguage(browser, null, 'ar');
	await checkEverything(arabic, anonymous, site, 'Arabic');
});
