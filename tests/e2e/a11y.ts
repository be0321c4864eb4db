// Accessibility checks shared by the specs: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules,
// and the steps that put a signed-in person's browser in another language.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with one readable line per violation: rule, what it means, and where (up to three nodes). */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
	const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const found = result.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`
	);
	expect.soft(found, `axe on ${where}`).toEqual([]);
}

/**
 * A new browser whose languages are `locale` (its Accept-Language), signed in with the session of
 * `signedIn`: the person's account keeps no saved choice, so the page follows the browser, and
 * other specs signed in as the same person stay in English.
 */
export async function browserInLanguage(browser: Browser, signedIn: BrowserContext | null, locale: string): Promise<Page> {
	const context = await browser.newContext({ locale, storageState: signedIn ? await signedIn.storageState() : undefined });
	return context.newPage();
}

/** Waits until the workspace has its documents and nothing is waiting to be sent (any language). */
export async function waitForLiveAnyLanguage(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveClass(/\bok\b/, { timeout: 15_000 });
}
