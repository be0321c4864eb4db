// A blind round with three people: the facilitator opens it, two department heads score
// privately, the facilitator sees who has scored but not what, and the reveal shows everyone the
// anonymous spread. A department head's forged reveal is refused by the server.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { facilitatorAndTwoHeads } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const threePeople = (page: Page, browser: Browser) => facilitatorAndTwoHeads(page, browser, 'Blind round');

async function openElement(page: Page, code: string) {
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'GAP grid' }).click();
	await page.getByRole('button', { name: new RegExp(`^${code} `) }).first().click();
}

const panel = (page: Page) => page.getByRole('region', { name: 'Blind scoring' });

/**
 * The round panel at desktop and phone width, for people to look at (test-results, not committed).
 * Only with E2E_SCREENSHOTS=1: resizing three pages twice per state re-lays the panel out while
 * the test runs (a detached element now and then) and adds two minutes; CI asserts, people look.
 */
async function shoot(pages: Record<string, Page>, state: string, testInfo: TestInfo) {
	if (process.env.E2E_SCREENSHOTS !== '1') return;
	for (const [who, page] of Object.entries(pages)) {
		for (const [width, height] of [[1440, 900], [390, 844]]) {
			await page.setViewportSize({ width, height });
			await panel(page).scrollIntoViewIfNeeded();
			await panel(page).screenshot({ path: testInfo.outputPath(`round-${state}-${who}-${width}.png`) });
			// The wide layout scrolls the element panel inside its own column: show its end too.
			await panel(page).locator(':scope > :last-child').scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`round-${state}-${who}-${width}-view.png`) });
		}
		await page.setViewportSize({ width: 1280, height: 720 });
	}
}

test('staff score privately, the facilitator sees who but not what, and the reveal shows everyone the spread', async ({ page, browser }, testInfo) => {
	const { reviewId, hana, ivan } = await threePeople(page, browser);
	const everyone = [page, hana, ivan];
	for (const p of everyone) await openElement(p, 'A2');

	for (const p of [hana, ivan]) await expect(panel(p)).toContainText('The facilitator can open one');
	await panel(page).getByRole('button', { name: 'Open a blind scoring round' }).click();
	for (const p of everyone) await expect(panel(p)).toContainText('Round 1 is open');
	for (const p of [hana, ivan]) {
		await expect(panel(p)).toContainText('Your score is private until the facilitator reveals the round.');
		await expect(panel(p)).toContainText('Nobody, not even the facilitator, will see your individual score');
		await expect(panel(p).getByRole('button', { name: 'Submit my score' })).toBeVisible();
	}
	await expect(panel(page).getByTestId('round-voters')).toHaveText('Nobody has voted yet (3 can vote).');
	await shoot({ facilitator: page, staff: hana }, 'open', testInfo);

	const comments = { hana: 'Tugs report straight to the harbour master', ivan: 'Nobody owns the OT firewall' };
	await panel(hana).getByRole('radio', { name: /^3 · / }).check();
	await panel(hana).getByLabel(/^Comment/).fill(comments.hana);
	await panel(hana).getByRole('button', { name: 'Submit my score' }).click();
	await expect(panel(hana).getByRole('status').filter({ hasText: 'Received' })).toContainText('Received: your score is 3 ·');

	await panel(ivan).getByRole('radio', { name: /^0 · / }).check();
	await panel(ivan).getByRole('button', { name: 'Submit my score' }).click();
	await expect(panel(ivan).getByRole('button', { name: 'Change my score' })).toBeVisible();
	// Ivan changes his mind: still one vote, now 1 with a comment.
	await panel(ivan).getByRole('radio', { name: /^1 · / }).check();
	await panel(ivan).getByLabel(/^Comment/).fill(comments.ivan);
	await panel(ivan).getByRole('button', { name: 'Change my score' }).click();
	await expect(panel(ivan)).toContainText('Changed: your score is 1 ·');

	// The facilitator sees who has scored, and nothing about what.
	const voters = panel(page).getByTestId('round-voters');
	await expect(voters).toHaveText('2 of 3 have voted: Hana Harbour, Ivan IT.');
	for (const p of everyone) await expect(panel(p).getByTestId('round-voters')).toHaveText('2 of 3 have voted: Hana Harbour, Ivan IT.');
	const facilitatorText = await page.locator('body').innerText();
	for (const comment of Object.values(comments)) expect(facilitatorText).not.toContain(comment);
	const status = await panel(page).getByRole('status').first().innerText();
	expect(status).not.toMatch(/[0-5] · |score is/);
	expect(await panel(page).innerText()).not.toMatch(/Hana Harbour[^,.]*[0-5]|Ivan IT[^,.]*[0-5]|your score is/);
	// Hana cannot see Ivan's comment either.
	expect(await hana.locator('body').innerText()).not.toContain(comments.ivan);
	await shoot({ facilitator: page, staff: ivan }, 'voted', testInfo);

	// A department head forging the facilitator's reveal from their own signed-in browser is refused.
	const roundId = await panel(hana).getAttribute('data-round-id');
	expect(roundId).toBeTruthy();
	const forged = await hana.evaluate(async (url) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}' });
		return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
	}, `/reviews/${reviewId}/rounds/${roundId}/reveal`);
	expect(forged).toEqual({ status: 403, body: { error: { code: 'forbidden', message: 'Only the facilitator can open, reveal or cancel a scoring round.' } } });
	const forgedOpen = await ivan.evaluate(async (url) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"elementCode":"B1"}' })).status, `/reviews/${reviewId}/rounds`);
	expect(forgedOpen).toBe(403);
	for (const p of everyone) await expect(panel(p)).toContainText('Round 1 is open');

	await panel(page).getByRole('button', { name: 'Reveal the scores' }).click();
	for (const p of everyone) {
		const result = panel(p);
		await expect(result).toContainText('Round 1 revealed');
		const table = result.getByRole('table', { name: 'Round 1 for A2: people per level' });
		await expect(table.getByRole('row', { name: /^3 · .* 1$/ })).toBeVisible();
		await expect(table.getByRole('row', { name: /^1 · .* 1$/ })).toBeVisible();
		await expect(table.getByRole('row', { name: /^4 · .* 0$/ })).toBeVisible();
		await expect(result.getByRole('list', { name: 'Comments, without names' }).getByRole('listitem')).toHaveText([comments.ivan, comments.hana]);
		await expect(result).toContainText('Median');
		await expect(result.getByRole('button', { name: 'Submit my score' })).toHaveCount(0);
	}
	// With the spread in view, the facilitator sets the independent score as before.
	await expect(page.getByRole('button', { name: 'Save independent score' })).toBeVisible();
	await shoot({ facilitator: page, staff: hana }, 'revealed', testInfo);

	// Run again: round 2 opens and round 1 moves to the earlier rounds.
	await panel(page).getByRole('button', { name: 'Run again (round 2)' }).click();
	for (const p of everyone) {
		await expect(panel(p)).toContainText('Round 2 is open');
		await expect(panel(p).getByText('Earlier rounds (1)')).toBeVisible();
	}
	await expect(panel(hana).getByRole('button', { name: 'Submit my score' })).toBeVisible();
});
