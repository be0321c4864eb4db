// The next review from the last (issue 15, part 3) in the browser: a second review started from the
// first's signed record shows last review's scores beside the new, empty grid, invites the same
// people again, and its record compares with the last review.
import { expect, test } from '@playwright/test';
import { ADMIN, acceptInNewProfile, approveVersion, createReview, freezeVersion, invite, scoreElement, signIn, unique, waitForLive } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const AM_PASSWORD = 'accountable manager passphrase';

test('a second review started from the first shows last review’s scores beside the new grid', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const firstTitle = unique('Last review 2026');
	const first = await createReview(page, firstTitle);
	const amEmail = `${unique('amina')}@example.test`;
	const am = await acceptInNewProfile(browser, await invite(page, first, { name: 'Amina Accountable', email: amEmail, role: 'Accountable manager' }), AM_PASSWORD);
	await scoreElement(page, first, 'A2', /^1 · /, 'No security manager appointed yet.');
	await freezeVersion(page, first, 'Agreed at the closing meeting', 1);
	await approveVersion(am, first, 1, AM_PASSWORD);
	await am.context().close();

	// New review, started from the signed one: its port and framework are filled in from it.
	await page.goto('/reviews/new');
	await page.getByLabel('Title').fill(unique('Next review 2027'));
	const source = page.getByLabel('Start from a signed review');
	const option = source.locator('option', { hasText: firstTitle });
	await source.selectOption(await option.getAttribute('value'));
	await expect(page.getByLabel('Port authority')).toHaveValue('Port of Eastmouth Authority');
	await expect(page.getByLabel('Country')).toHaveValue('United Kingdom');
	await expect(page.getByTestId('start-from-summary')).toContainText('Starts from version 1');
	await page.getByRole('radio', { name: 'Independent review' }).check();
	await page.getByRole('button', { name: 'Create review' }).click();
	await expect(page).toHaveURL(/\/reviews\/[^/]+\/participants/);
	const second = /\/reviews\/([^/]+)\/participants/.exec(page.url())![1];
	// The accountable manager of the first review is invited again, with the same role.
	await expect(page.getByText(amEmail).first()).toBeVisible();

	await page.goto(`/reviews/${second}#grid`);
	await waitForLive(page);
	await expect(page.getByTestId('last-review-source')).toContainText(`“${firstTitle}”, signed version 1`);
	await expect(page.getByTestId('last-review-source')).toContainText(/hash [0-9a-f]{12}/);
	await expect(page.getByTestId('last-review-A2')).toHaveText('Last review: 1');
	await expect(page.getByTestId('last-review-A1')).toHaveText('—');
	// The new scores start empty: last review's score is beside them, not in them.
	await expect(page.getByTestId('independent-A2')).toHaveText('—');
	await expect(page.getByText('0 of 16 elements have an independent score.')).toBeVisible();

	await page.setViewportSize({ width: 1440, height: 900 });
	await page.getByRole('button', { name: /^A2 / }).first().click();
	await expect(page.getByTestId('panel-last-review-A2')).toContainText('1 ·');
	await expect(page.getByTestId('panel-last-rationale-A2')).toContainText('No security manager appointed yet.');
	await page.getByTestId('grid-row-A2').scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('next-review-grid-1440.png') });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByTestId('last-review-source').scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('next-review-grid-390.png') });
	await page.getByTestId('panel-last-review-A2').scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('next-review-panel-390.png') });
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.getByRole('region', { name: /^Security manager/ }).getByRole('button', { name: 'Close' }).click();

	// Scored afresh and frozen, the new record compares with the last review's.
	await scoreElement(page, second, 'A2', /^3 · /, 'Appointed, with direct access to the accountable manager.');
	await freezeVersion(page, second, 'Agreed at the closing meeting', 1);
	await page.goto(`/reviews/${second}/record`);
	await page.getByRole('link', { name: 'Compare with the last review' }).click();
	await expect(page.getByTestId('compare-across')).toBeVisible();
	await expect(page.getByRole('heading', { name: new RegExp(`From “${firstTitle}” version 1`) })).toBeVisible();
	await expect(page.getByRole('region', { name: 'GAP grid' }).getByText('A2').first()).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('next-review-compare-1440.png'), fullPage: true });
});
