// Issue 14: every page and workspace section in English, French, Spanish and Arabic, at desktop
// (1440x900) and phone (390x844) width: the page never scrolls sideways (a long French or Spanish
// word, or an Arabic label, must wrap rather than push the layout wider than the screen), and
// Arabic pages are mirrored. With E2E_SCREENSHOTS=1 each page is also saved to
// test-results/e2e/.../<language>-<width>-<page>.png to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { browserInLanguage, waitForLiveAnyLanguage } from './a11y.ts';
import { prepareSampleReviews, SIGNED_OUT_PAGES, signedInPages, WORKSPACE_SECTIONS } from './sample-reviews.ts';

test.describe.configure({ timeout: 600_000 });

const LANGUAGES = [
	{ browser: 'en-GB', locale: 'en', dir: 'ltr' },
	{ browser: 'fr-FR', locale: 'fr', dir: 'ltr' },
	{ browser: 'es-ES', locale: 'es', dir: 'ltr' },
	{ browser: 'ar', locale: 'ar', dir: 'rtl' }
] as const;
const SIZES = [
	{ width: 1440, height: 900 },
	{ width: 390, height: 844 }
] as const;

/** The widest thing on the page beyond the viewport, described, or null when nothing sticks out. */
function overflow(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth + 1) return null;
		// Name the first element that reaches past the viewport, for a useful failure message.
		const wide = [...document.querySelectorAll('body *')].find((el) => {
			const box = el.getBoundingClientRect();
			return box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1) && getComputedStyle(el).position !== 'fixed';
		});
		const name = wide ? `${wide.tagName.toLowerCase()}.${[...wide.classList].join('.')} "${(wide.textContent ?? '').trim().slice(0, 40)}"` : 'unknown';
		return `scrollWidth ${root.scrollWidth} > ${root.clientWidth}: ${name}`;
	});
}

const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';

test('every page holds its layout in all four languages, at desktop and phone width', async ({ page, browser }, testInfo) => {
	const site = await prepareSampleReviews(page);
	const shots = process.env.E2E_SCREENSHOTS === '1';
	for (const language of LANGUAGES) {
		const signedIn = await browserInLanguage(browser, page.context(), language.browser);
		const anonymous = await browserInLanguage(browser, null, language.browser);
		const visits: Array<{ on: Page; path: string; section?: string }> = [
			...SIGNED_OUT_PAGES.map((path) => ({ on: anonymous, path })),
			...signedInPages(site).map((path) => ({ on: signedIn, path })),
			...WORKSPACE_SECTIONS.map((section) => ({ on: signedIn, path: `/reviews/${site.demo}#${section}`, section }))
		];
		for (const size of SIZES) {
			await signedIn.setViewportSize(size);
			await anonymous.setViewportSize(size);
			for (const visit of visits) {
				await visit.on.goto(visit.path);
				if (visit.section) {
					// A hash change alone does not reload: go to the page, then open the section.
					await visit.on.reload();
					await waitForLiveAnyLanguage(visit.on);
				}
				const where = `${language.locale} ${size.width} ${visit.path}`;
				await expect(visit.on.locator('html'), where).toHaveAttribute('lang', language.locale === 'en' ? 'en-GB' : language.locale);
				await expect(visit.on.locator('html'), where).toHaveAttribute('dir', language.dir);
				expect.soft(await overflow(visit.on), where).toBeNull();
				if (shots) await visit.on.screenshot({ path: testInfo.outputPath(`${language.locale}-${size.width}-${slug(visit.path)}.png`), fullPage: true });
			}
		}
		await signedIn.context().close();
		await anonymous.context().close();
	}
});
