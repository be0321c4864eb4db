// Evidence files in the element panel: several files at once, a progress bar while the bytes go
// up (the upload is throttled so the bar is seen), the server's refusal of a renamed executable.
import { expect, test, type Page } from '@playwright/test';
import { acceptInNewProfile, ADMIN, createReview, invite, signIn, unique, waitForLive } from './helpers.ts';

const PDF_HEADER = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';

function pdfOf(bytes: number): Buffer {
	const body = Buffer.alloc(bytes, 0x20);
	body.write(PDF_HEADER, 0, 'latin1');
	return body;
}

async function openElement(page: Page, code: string) {
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'GAP grid' }).click();
	await page.getByRole('button', { name: new RegExp(`^${code} `) }).first().click();
}

test('a facilitator attaches several files at once and sees each upload progress; a renamed program is refused', async ({ page }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Evidence'));
	await page.goto(`/reviews/${reviewId}`);
	await waitForLive(page);
	await openElement(page, 'A1');
	const evidence = page.getByTestId('evidence-element-A1');
	await expect(evidence).toContainText('No files attached yet.');

	// About 3 s of upload at 1 MB/s, so the progress bar is on screen long enough to be seen.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1_000_000 });
	await evidence.getByLabel(/^Attach evidence files to A1/).setInputFiles([
		{ name: 'Security policy.pdf', mimeType: 'application/pdf', buffer: pdfOf(3_000_000) },
		{ name: 'Patrol log.txt', mimeType: 'text/plain', buffer: Buffer.from('Gate 4 patrolled at 02:00 and 04:00.\n') }
	]);
	const bar = evidence.getByRole('progressbar', { name: 'Uploading Security policy.pdf' });
	await expect(bar).toBeVisible();
	await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
	await evidence.scrollIntoViewIfNeeded();
	await evidence.screenshot({ path: testInfo.outputPath('evidence-uploading-1440.png') });
	await expect(evidence.getByRole('link', { name: 'Security policy.pdf' })).toBeVisible({ timeout: 20_000 });
	await expect(evidence.getByRole('link', { name: 'Patrol log.txt' })).toBeVisible();
	await expect(bar).toHaveCount(0);
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

	const exe = Buffer.alloc(512);
	exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
	await evidence.getByLabel(/^Attach evidence files to A1/).setInputFiles([{ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: exe }]);
	await expect(evidence.getByRole('alert')).toContainText('“minutes.pdf” is a program (exe)');
	await evidence.screenshot({ path: testInfo.outputPath('evidence-refused-1440.png') });

	// Still there after a reload: the list comes from the server.
	await page.reload();
	await waitForLive(page);
	await openElement(page, 'A1');
	// In upload order: the short text file finished first.
	await expect(page.getByTestId('evidence-element-A1').getByRole('link')).toHaveText(['Patrol log.txt', 'Security policy.pdf']);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByTestId('evidence-element-A1').scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('evidence-390.png') });
});

test('files attach to an interview entry and to a plan action, each with its own list, at desktop and phone width; a department head attaches without the confidential box, an observer only reads', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Evidence targets'));
	await page.goto(`/reviews/${reviewId}`);
	await waitForLive(page);
	await page.setViewportSize({ width: 1440, height: 900 });

	// Interview: an entry on A2, a photo attached to it from the entry itself.
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Interview' }).click();
	await page.getByRole('button', { name: 'Add entry' }).first().click();
	await page.getByLabel('Element', { exact: true }).selectOption('A2');
	await page.getByRole('button', { name: 'Add entry' }).last().click();
	const entry = page.getByRole('article', { name: /^A2 / });
	const entryFiles = entry.getByRole('region', { name: 'Evidence files' });
	await expect(entryFiles).toContainText('No files attached yet. Drop documents or photos below, or choose them.');
	await entryFiles.getByLabel(/^Attach evidence files to entry 1 of A2/).setInputFiles([{ name: 'Gate 4 fence.pdf', mimeType: 'application/pdf', buffer: pdfOf(20_000) }]);
	await expect(entryFiles.getByRole('link', { name: 'Gate 4 fence.pdf' })).toBeVisible();
	await entryFiles.scrollIntoViewIfNeeded();
	await entry.screenshot({ path: testInfo.outputPath('evidence-interview-1440.png') });

	// Plan: an action with a quote attached; the entry's file is not listed on it.
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Improvement plan' }).click();
	await page.getByRole('button', { name: 'Add action' }).first().click();
	const form = page.getByRole('region', { name: 'Add an action' });
	await form.getByLabel('Title').fill('Repair the gate 4 fence');
	await form.getByRole('checkbox', { name: /^A2 / }).check();
	await form.getByRole('button', { name: 'Add action' }).click();
	const action = page.getByRole('article', { name: 'Repair the gate 4 fence' });
	const actionFiles = action.getByRole('region', { name: 'Evidence files' });
	await expect(actionFiles).toContainText('No files attached yet.');
	await actionFiles.getByLabel('Attach evidence files to “Repair the gate 4 fence”').setInputFiles([
		{ name: 'Contractor quote.pdf', mimeType: 'application/pdf', buffer: pdfOf(12_000) },
		{ name: 'Fence photo notes.txt', mimeType: 'text/plain', buffer: Buffer.from('North section leaning, 12 m.\n') }
	]);
	// Both at once: which finishes first is up to the network.
	await expect.poll(async () => (await actionFiles.getByRole('link').allTextContents()).sort(), { timeout: 10_000 }).toEqual(['Contractor quote.pdf', 'Fence photo notes.txt']);
	await expect(actionFiles.getByRole('link', { name: 'Gate 4 fence.pdf' })).toHaveCount(0);
	await action.screenshot({ path: testInfo.outputPath('evidence-action-1440.png') });

	// Removing keeps the keyboard in the list; the other file stays.
	await actionFiles.getByRole('button', { name: 'Remove Fence photo notes.txt' }).click();
	await expect(actionFiles.getByRole('link')).toHaveText(['Contractor quote.pdf']);
	await expect(actionFiles.getByRole('heading', { name: 'Evidence files' })).toBeFocused();
	// From there the keyboard reaches the file, its Remove button, then the file picker.
	for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
	await expect(actionFiles.getByLabel('Attach evidence files to “Repair the gate 4 fence”')).toBeFocused();

	// After a reload both lists come back from the server; then the phone width.
	await page.reload();
	await waitForLive(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(page.getByRole('article', { name: 'Repair the gate 4 fence' }).getByRole('link', { name: 'Contractor quote.pdf' })).toBeVisible();
	await page.getByRole('article', { name: 'Repair the gate 4 fence' }).screenshot({ path: testInfo.outputPath('evidence-action-390.png') });
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Interview' }).click();
	const entryAgain = page.getByRole('article', { name: /^A2 / });
	await expect(entryAgain.getByRole('link', { name: 'Gate 4 fence.pdf' })).toBeVisible();
	await entryAgain.getByRole('region', { name: 'Evidence files' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('evidence-interview-390.png') });

	// A department head attaches but cannot mark a file confidential; an observer only reads.
	await page.setViewportSize({ width: 1440, height: 900 });
	const headLink = await invite(page, reviewId, { name: 'Dee Harbour', email: `${unique('dee')}@example.test`, role: 'Department head', department: 'Marine operations' });
	const observerLink = await invite(page, reviewId, { name: 'Olu Observer', email: `${unique('olu')}@example.test`, role: 'Observer' });
	for (const [link, uploads] of [[headLink, true], [observerLink, false]] as const) {
		const other = await acceptInNewProfile(browser, link, 'a long passphrase for this test');
		await waitForLive(other);
		await other.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Improvement plan' }).click();
		const files = other.getByRole('article', { name: 'Repair the gate 4 fence' }).getByRole('region', { name: 'Evidence files' });
		await expect(files.getByRole('link', { name: 'Contractor quote.pdf' })).toBeVisible();
		await expect(files.getByLabel(/^Attach evidence files to/)).toHaveCount(uploads ? 1 : 0);
		await expect(files.getByRole('checkbox', { name: /confidential/ })).toHaveCount(0);
		await expect(files.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
		await other.context().close();
	}
});
