// Progress over time (issue 15, part 4) in the browser: two signed reviews of one port, and the
// board's page shows each element's level in both, the gap closed, and prints on one page.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ADMIN, acceptInNewProfile, approveVersion, createReview, freezeVersion, invite, scoreElement, signIn, unique } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const AM_PASSWORD = 'accountable manager passphrase';

test('the accountable manager sees the port improve across two signed reviews', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const first = await createReview(page, unique('Progress 2026'));
	const amEmail = `${unique('amira')}@example.test`;
	const am = await acceptInNewProfile(browser, await invite(page, first, { name: 'Amira Accountable', email: amEmail, role: 'Accountable manager' }), AM_PASSWORD);

	// Before any signature the page says what will appear there.
	await am.goto(`/reviews/${first}/progress`);
	await expect(am.getByRole('heading', { name: 'No review of this port has been signed yet.' })).toBeVisible();

	await scoreElement(page, first, 'A2', /^1 · /, 'No security manager appointed yet.');
	await freezeVersion(page, first, 'Agreed at the closing meeting', 1);
	await approveVersion(am, first, 1, AM_PASSWORD);

	// A year on, the next review of the same port; Amira, already an account, accepts signed in.
	const second = await createReview(page, unique('Progress 2027'));
	await am.goto(await invite(page, second, { name: 'Amira Accountable', email: amEmail, role: 'Accountable manager' }));
	await am.getByRole('button', { name: 'Accept and open the review' }).click();
	await expect(am).toHaveURL(new RegExp(`/reviews/${second}(#.*)?$`));
	await scoreElement(page, second, 'A2', /^3 · /, 'Appointed, with direct access to the accountable manager.');
	await freezeVersion(page, second, 'Agreed at the closing meeting', 1);
	await approveVersion(am, second, 1, AM_PASSWORD);

	await am.goto(`/reviews/${second}`);
	await am.getByRole('link', { name: 'Progress over time' }).click();
	await expect(am.getByRole('heading', { level: 1, name: 'Progress over time' })).toBeVisible();
	const signed = am.getByRole('region', { name: 'Signed reviews' });
	await expect(signed.getByRole('row')).toHaveCount(3);
	const table = am.getByRole('region', { name: 'Every level, as signed' });
	const a2 = table.getByRole('row', { name: /^A2 / });
	await expect(a2.getByRole('cell')).toHaveText(['1', '3', '5', '2 closed']);
	await expect(am.getByRole('img', { name: /across 2 signed reviews: 1 closer to target, 0 further/ })).toBeVisible();

	await am.setViewportSize({ width: 1440, height: 900 });
	await am.screenshot({ path: testInfo.outputPath('progress-1440.png'), fullPage: true });
	await am.setViewportSize({ width: 390, height: 844 });
	await am.screenshot({ path: testInfo.outputPath('progress-390.png'), fullPage: true });
	await am.emulateMedia({ media: 'print' });
	await expect(am.getByRole('banner')).toBeHidden();
	await expect(am.getByRole('button', { name: 'Print for the board' })).toBeHidden();
	await am.setViewportSize({ width: 1123, height: 794 });
	await am.screenshot({ path: testInfo.outputPath('progress-print.png'), fullPage: true });
	// Printed for the board: one A4 page (the page's own @page size), as Chromium lays it out.
	const pdfPath = testInfo.outputPath('progress.pdf');
	await am.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
	expect(execFileSync('/usr/bin/pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);

	// An Arabic-speaking reader gets the page mirrored: the chart's element names on the right,
	// level 0 beside them, the levels rising leftwards; the numbers stay the same.
	const state = await am.context().storageState();
	const arabic = await browser.newContext({ locale: 'ar', storageState: { ...state, cookies: state.cookies.filter((c) => c.name !== 'psems-locale') } });
	const ar = await arabic.newPage();
	await ar.setViewportSize({ width: 1440, height: 900 });
	await ar.goto(`/reviews/${second}/progress`);
	await expect(ar.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(ar.getByRole('heading', { level: 1, name: 'التقدم عبر الزمن' })).toBeVisible();
	const plot = ar.getByRole('img', { name: /في 2 من المراجعات الموقّعة/ });
	await expect(plot).toHaveAttribute('direction', 'rtl');
	const box = (await plot.boundingBox())!;
	const label = (await plot.locator('text.label').first().boundingBox())!;
	const zero = (await plot.locator('line.axis').boundingBox())!;
	expect(label.x + label.width).toBeGreaterThan(box.x + box.width * 0.9);
	expect(zero.x).toBeGreaterThan(box.x + box.width / 2);
	await expect(ar.getByRole('region', { name: 'جميع المستويات كما وُقّعت' }).getByRole('row', { name: /A2/ }).getByRole('cell')).toHaveText(['1', '3', '5', 'أُغلق 2']);
	await ar.screenshot({ path: testInfo.outputPath('progress-ar-1440.png'), fullPage: true });
	await arabic.close();
	await am.context().close();
});
