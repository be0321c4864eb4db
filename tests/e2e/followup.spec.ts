// Action follow-up after sign-off (issue 15, part 2): the facilitator plans an action owned by a
// department head, the record is frozen and signed, the owner marks the action done with an
// evidence file on My actions, and the facilitator verifies it with the level reached, which the
// review's follow-up page then shows. Screenshots of both pages at desktop and phone width.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, acceptInNewProfile, createReview, invite, signIn, unique, waitForLive } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const AM_PASSWORD = 'accountable manager passphrase';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function addAction(page: Page, reviewId: string, action: { title: string; owner: string; dueDate: string }) {
	await page.goto(`/reviews/${reviewId}`);
	await waitForLive(page);
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Improvement plan' }).click();
	await page.getByRole('button', { name: 'Add action' }).first().click();
	const form = page.getByRole('region', { name: 'Add an action' });
	await form.getByLabel('Title').fill(action.title);
	await form.getByLabel(/^Owner/).fill(action.owner);
	await form.getByLabel(/^Due date/).fill(action.dueDate);
	await form.getByRole('checkbox', { name: /^A2 / }).check();
	await form.getByRole('button', { name: 'Add action' }).click();
	await expect(page.getByRole('heading', { name: action.title })).toBeVisible();
	await waitForLive(page);
}

async function freezeAndSign(page: Page, am: Page, reviewId: string) {
	await page.goto(`/reviews/${reviewId}/record`);
	const button = page.getByRole('button', { name: 'Freeze version 1' });
	// Enabled once the page is live and this browser's changes are on the server; filled after
	// that, so hydration cannot clear what was typed.
	await expect(button).toBeEnabled({ timeout: 15_000 });
	await page.getByLabel('Label').fill('Agreed at the closing meeting');
	await button.click();
	await expect(page.getByText('Version 1 is frozen')).toBeVisible();

	await am.goto(`/reviews/${reviewId}/record/1`);
	const signing = am.getByRole('region', { name: 'Sign this version' });
	await signing.getByLabel('I have read the record and the declaration').check();
	await signing.getByLabel('Your password').fill(AM_PASSWORD);
	await signing.getByRole('button', { name: 'Sign this version' }).click();
	await expect(am.getByTestId('signature-approved')).toContainText('Amira Accountable');
}

async function screenshots(page: Page, name: string, outputPath: (file: string) => string) {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.screenshot({ path: outputPath(`${name}-1440.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });
}

test('an owner marks a signed action done with evidence, and the facilitator verifies it with the level reached', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Follow-up'));
	const hanaLink = await invite(page, reviewId, { name: 'Hana Harbour', email: `${unique('hana')}@example.test`, role: 'Department head', department: 'Marine Operations' });
	const amLink = await invite(page, reviewId, { name: 'Amira Accountable', email: `${unique('amira')}@example.test`, role: 'Accountable manager' });
	const hana = await acceptInNewProfile(browser, hanaLink, 'marine operations passphrase');
	const am = await acceptInNewProfile(browser, amLink, AM_PASSWORD);

	// Before sign-off there is nothing to follow up.
	await hana.goto('/actions');
	await expect(hana.getByRole('heading', { name: 'No actions to follow up' })).toBeVisible();
	await hana.setViewportSize({ width: 390, height: 844 });
	await hana.screenshot({ path: testInfo.outputPath('my-actions-empty-390.png'), fullPage: true });
	await hana.setViewportSize({ width: 1280, height: 720 });

	await addAction(page, reviewId, { title: 'Fence the north quay', owner: 'Hana Harbour', dueDate: '2026-01-15' });
	await addAction(page, reviewId, { title: 'Brief the gate staff', owner: 'Harbour master', dueDate: '2099-06-30' });
	await freezeAndSign(page, am, reviewId);

	// The owner finds the action from the header, overdue, attaches a file and marks it done.
	await hana.goto('/');
	await hana.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My actions' }).click();
	await expect(hana).toHaveURL(/\/actions$/);
	const card = hana.getByRole('article', { name: 'Fence the north quay' });
	await expect(card).toContainText('Overdue');
	await expect(card).toContainText('Not started');
	await expect(hana.getByRole('article', { name: 'Brief the gate staff' })).toHaveCount(0);
	await card.getByLabel('Attach evidence files to Fence the north quay').setInputFiles([{ name: 'Fence handover.pdf', mimeType: 'application/pdf', buffer: PDF }]);
	await expect(card.getByRole('link', { name: 'Fence handover.pdf' })).toBeVisible({ timeout: 20_000 });
	await card.getByRole('radio', { name: 'Done, awaiting verification' }).check();
	await card.getByLabel(/^Progress note/).fill('Fence installed along the north quay; handover signed by the contractor.');
	await card.getByRole('button', { name: 'Save progress' }).click();
	await expect(card.getByText('Saved.')).toBeVisible();
	await expect(card).toContainText('Done, awaiting verification');
	await screenshots(hana, 'my-actions', (file) => testInfo.outputPath(file));

	// A department head may not open the review's follow-up, nor verify by a forged post.
	expect((await hana.request.get(`/reviews/${reviewId}/follow-up`)).status()).toBe(403);
	const forged = await hana.request.post(`/reviews/${reviewId}/follow-up?/verify`, { form: { actionId: 'any', level: '5' }, headers: { origin: new URL(hana.url()).origin } });
	expect(forged.status()).toBe(403);

	// The accountable manager owns nothing, but sees what is overdue in the review on My actions.
	await am.goto('/actions');
	await expect(am.getByText('You own no actions in a signed record.')).toBeVisible();
	const overdue = am.getByRole('region', { name: /Overdue in your reviews/ });
	await expect(overdue.getByRole('row', { name: /Fence the north quay/ })).toContainText('Hana Harbour');
	await expect(overdue.getByRole('row', { name: /Brief the gate staff/ })).toHaveCount(0);
	await screenshots(am, 'overdue', (file) => testInfo.outputPath(file));

	// The facilitator opens the follow-up from the signed record, sees the evidence, verifies with a level.
	await page.goto(`/reviews/${reviewId}/record/1`);
	await page.getByRole('link', { name: 'Follow-up of actions' }).click();
	await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/follow-up$`));
	await page.getByRole('navigation', { name: 'Show actions' }).getByRole('link', { name: /Awaiting verification/ }).click();
	const followed = page.getByRole('article', { name: 'Fence the north quay' });
	await expect(followed).toContainText('Hana Harbour');
	await expect(followed.getByRole('link', { name: 'Fence handover.pdf' })).toBeVisible();
	await expect(followed).toContainText('Fence installed along the north quay');
	await expect(page.getByRole('article', { name: 'Brief the gate staff' })).toHaveCount(0);
	await screenshots(page, 'follow-up-awaiting', (file) => testInfo.outputPath(file));

	// Sending back needs a reason: an empty one is refused with a sentence and nothing changes.
	await followed.getByRole('button', { name: 'Send back to the owner' }).click();
	await expect(followed.getByText('Say why the action is sent back')).toBeVisible();
	await expect(followed).toContainText('Done, awaiting verification');

	await followed.getByLabel(/^Level reached/).selectOption('3');
	await followed.getByRole('button', { name: 'Verify action' }).click();
	await expect(followed.getByText('Verified at level 3.')).toBeVisible();
	await page.getByRole('navigation', { name: 'Show actions' }).getByRole('link', { name: /All actions/ }).click();
	const verified = page.getByRole('article', { name: 'Fence the north quay' });
	await expect(verified.getByTestId(/^level-reached-/)).toContainText('3');
	await expect(verified).toContainText('Verified');
	await expect(page.getByTestId('count-verified')).toHaveText('1');
	// The other action's owner is a role, not a person: the page says nobody can report on it.
	await expect(page.getByRole('article', { name: 'Brief the gate staff' })).toContainText('no participant matches this owner');
	await screenshots(page, 'follow-up', (file) => testInfo.outputPath(file));

	// The accountable manager sees the follow-up, without the verifier's controls.
	await am.goto(`/reviews/${reviewId}/follow-up`);
	await expect(am.getByRole('article', { name: 'Fence the north quay' }).getByTestId(/^level-reached-/)).toContainText('3');
	await expect(am.getByRole('button', { name: 'Verify action' })).toHaveCount(0);

	// The progress page for the board counts it closed, with the level it reached.
	await am.goto(`/reviews/${reviewId}/progress`);
	await expect(am.getByRole('region', { name: 'Summary' })).toContainText('1 of 2');
	const closed = am.getByRole('region', { name: 'Actions verified closed' }).getByRole('row', { name: /Fence the north quay/ });
	await expect(closed.getByRole('cell').nth(2)).toHaveText('3');

	// The owner sees it verified.
	await hana.goto('/actions');
	await expect(hana.getByRole('region', { name: /Verified/ }).getByRole('article', { name: 'Fence the north quay' })).toContainText('Level reached');

	await hana.context().close();
	await am.context().close();
});
