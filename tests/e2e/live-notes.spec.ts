// The slice the foundation promises: invite a department head, both type in the shared notes and
// see each other's text and named carets; an observer reads but cannot type.
import { expect, test } from '@playwright/test';
import { ADMIN, acceptInNewProfile, createReview, invite, signIn, unique, waitForLive } from './helpers.ts';

test('a facilitator and an invited department head edit the workshop notes together', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Live notes'));
	const email = `${unique('dee')}@example.test`;
	const link = await invite(page, reviewId, { name: 'Dee Harbour', email, role: 'Department head', department: 'Harbour Master’s Office' });

	const head = await acceptInNewProfile(browser, link, 'harbour master passphrase');
	await page.goto(`/reviews/${reviewId}`);
	await Promise.all([waitForLive(page), waitForLive(head)]);

	await expect(page.getByRole('region', { name: 'Participants online' })).toContainText('Dee Harbour');
	await expect(head.getByRole('region', { name: 'Participants online' })).toContainText(ADMIN.name);

	const mine = page.getByRole('textbox', { name: 'Workshop notes' });
	const theirs = head.getByRole('textbox', { name: 'Workshop notes' });
	await mine.click();
	await page.keyboard.type('Opening: the accountable manager attends. ');
	// The head adds to the end of the line once it has arrived; pressing End before the last
	// keystrokes arrive put the cursor mid-sentence (a race in the test, not in the product).
	await expect(theirs).toContainText('Opening: the accountable manager attends.');
	await theirs.click();
	await head.keyboard.press('End');
	await head.keyboard.type('Harbour ops present.');

	await expect(mine).toContainText('Opening: the accountable manager attends.', { timeout: 1_000 });
	await expect(mine).toContainText('Harbour ops present.', { timeout: 1_000 });
	await expect(theirs).toContainText('Opening: the accountable manager attends.', { timeout: 1_000 });
	// Named carets: each side shows the other's name at their cursor.
	await expect(page.locator('.collaboration-carets__label', { hasText: 'Dee Harbour' })).toBeVisible();
	await expect(head.locator('.collaboration-carets__label', { hasText: ADMIN.name })).toBeVisible();
	await head.context().close();
});

test('an observer sees the notes but cannot type in them', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Observed'));
	await page.goto(`/reviews/${reviewId}`);
	await waitForLive(page);
	await page.getByRole('textbox', { name: 'Workshop notes' }).click();
	await page.keyboard.type('Visible to observers.');
	await waitForLive(page);

	const link = await invite(page, reviewId, { name: 'Obi Observer', email: `${unique('obi')}@example.test`, role: 'Observer' });
	const observer = await acceptInNewProfile(browser, link, 'observer passphrase here');
	await waitForLive(observer);
	const notes = observer.getByRole('textbox', { name: 'Workshop notes' });
	await expect(notes).toContainText('Visible to observers.');
	await expect(notes).toHaveAttribute('contenteditable', 'false');
	await notes.click();
	await observer.keyboard.type('observer typing');
	await expect(notes).not.toContainText('observer typing');
	await observer.context().close();
});
