// Port wifi drops: edits made offline stay in the browser, survive a reload, and sync on reconnect.
import { expect, test } from '@playwright/test';
import { ADMIN, createReview, signIn, unique, waitForLive } from './helpers.ts';

test('an edit made offline survives a reload while offline and reaches the server on reconnect', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Offline'));
	await page.goto(`/reviews/${reviewId}`);
	await waitForLive(page);
	// The service worker keeps this page for offline reloads once it is active.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect
		.poll(() => page.evaluate(async () => (await caches.open('psems-pages')).keys().then((k) => k.length)), { timeout: 10_000 })
		.toBeGreaterThan(0);

	await page.context().setOffline(true);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
	const notes = page.getByRole('textbox', { name: 'Workshop notes' });
	await notes.click();
	await page.keyboard.type('Written on the quay with no signal.');
	await expect(notes).toContainText('Written on the quay with no signal.');
	// The page says the edit is kept on this device only once IndexedDB has committed it: a reload
	// before that would lose what is still in flight.
	await expect(page.getByTestId('connection-status')).toContainText('kept on this device, sent when you reconnect');

	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Workshop notes' })).toContainText('Written on the quay with no signal.', { timeout: 10_000 });

	await page.context().setOffline(false);
	await waitForLive(page);

	// Another browser, another person: the server has the edit.
	const other = await browser.newContext();
	const second = await other.newPage();
	await signIn(second, ADMIN.email, ADMIN.password);
	await second.goto(`/reviews/${reviewId}`);
	await waitForLive(second);
	await expect(second.getByRole('textbox', { name: 'Workshop notes' })).toContainText('Written on the quay with no signal.');
	await other.close();
});
