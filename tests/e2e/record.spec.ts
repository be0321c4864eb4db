// The evaluation record end to end: a facilitator freezes, the accountable manager reads and signs
// with the password, the PDF carries the record's hash, and a second freeze shows the change.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, acceptInNewProfile, createReview, freezeVersion, invite, scoreElement, signIn, unique } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const AM_PASSWORD = 'accountable manager passphrase';

const scoreA2 = (page: Page, reviewId: string, level: RegExp, rationale: string) => scoreElement(page, reviewId, 'A2', level, rationale);
const freeze = freezeVersion;

test('a frozen record is signed by the accountable manager, exported and compared with the next version', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Record'));
	const amEmail = `${unique('amira')}@example.test`;
	const link = await invite(page, reviewId, { name: 'Amira Accountable', email: amEmail, role: 'Accountable manager' });
	const am = await acceptInNewProfile(browser, link, AM_PASSWORD);

	// Before any freeze the record page says so, and only the facilitator can freeze.
	await am.goto(`/reviews/${reviewId}/record`);
	await expect(am.getByRole('heading', { name: 'No version has been frozen yet.' })).toBeVisible();
	await expect(am.getByRole('button', { name: /Freeze version/ })).toHaveCount(0);

	await scoreA2(page, reviewId, /^2 · Present/, 'Role defined, but no direct access to the accountable manager.');
	await freeze(page, reviewId, 'Agreed at the closing meeting', 1);
	const hash = (await page.getByTestId('full-hash').textContent())?.trim() ?? '';
	expect(hash).toMatch(/^[0-9a-f]{64}$/);
	await expect(page.getByTestId('integrity')).toContainText('Integrity verified: hashes and chains intact');

	// The accountable manager opens the record from the list and signs with the password.
	await am.goto(`/reviews/${reviewId}/record`);
	await am.getByRole('link', { name: /Version 1/ }).click();
	await expect(am.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(am.getByTestId('short-hash')).toHaveText(hash.slice(0, 12));
	const signing = am.getByRole('region', { name: 'Sign this version' });
	await expect(signing).toContainText(hash);
	await signing.getByLabel('I have read the record and the declaration').check();
	await signing.getByLabel('Your password').fill('not my password');
	await signing.getByRole('button', { name: 'Sign this version' }).click();
	await expect(signing.getByText('That password is not correct. Nothing was signed.').first()).toBeVisible();
	await expect(am.getByTestId('signature-approved')).toHaveCount(0);

	await signing.getByLabel('I have read the record and the declaration').check();
	await signing.getByLabel('Your password').fill(AM_PASSWORD);
	await signing.getByRole('button', { name: 'Sign this version' }).click();
	const signature = am.getByTestId('signature-approved');
	await expect(signature).toContainText('Amira Accountable');
	await expect(signature).toContainText('Accountable manager');
	await expect(signature).toContainText('UTC');
	await expect(am.getByRole('region', { name: 'Sign this version' })).toHaveCount(0);

	// The PDF downloads with a telling name, and its text holds the full hash.
	const [download] = await Promise.all([am.waitForEvent('download'), am.getByRole('link', { name: 'Download PDF of version 1' }).click()]);
	expect(download.suggestedFilename()).toBe('psems-record-port-of-eastmouth-authority-v1.pdf');
	const pdfPath = testInfo.outputPath('record-v1.pdf');
	await download.saveAs(pdfPath);
	const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
	expect(text.replace(/\s+/g, '')).toContain(hash);

	// Screenshots of the signed record, on a wide screen, a phone and in print.
	await am.setViewportSize({ width: 1440, height: 900 });
	await am.screenshot({ path: testInfo.outputPath('record-1440.png'), fullPage: true });
	await am.emulateMedia({ media: 'print' });
	await am.screenshot({ path: testInfo.outputPath('record-print.png'), fullPage: true });
	await expect(am.getByRole('banner')).toBeHidden();
	await am.emulateMedia({ media: 'screen' });
	await am.setViewportSize({ width: 390, height: 844 });
	await am.screenshot({ path: testInfo.outputPath('record-390.png'), fullPage: true });

	// A changed score and a second freeze: v1 is superseded with its signature kept.
	await scoreA2(page, reviewId, /^3 · Suitable/, 'Direct access agreed and minuted at the closing meeting.');
	await freeze(page, reviewId, 'After the factual corrections', 2);
	await am.goto(`/reviews/${reviewId}/record/1`);
	await expect(am.getByText('This version has been superseded')).toBeVisible();
	await expect(am.getByTestId('signature-approved')).toContainText('Amira Accountable');
	await expect(am.getByRole('region', { name: 'Sign this version' })).toHaveCount(0);

	// The comparison shows the score change on A2.
	await page.goto(`/reviews/${reviewId}/record/compare?from=1&to=2`);
	const a2 = page.getByTestId('change-A2');
	await expect(a2).toContainText('Independent');
	await expect(a2).toContainText('2');
	await expect(a2).toContainText('3');
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.screenshot({ path: testInfo.outputPath('compare-1440.png'), fullPage: true });

	await am.context().close();
});

test('only members see the record, only facilitators freeze, and only the right roles sign or export', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Record access'));
	const otherReviewId = await createReview(page, unique('Someone else'));
	const headLink = await invite(page, reviewId, { name: 'Hana Harbour', email: `${unique('hana')}@example.test`, role: 'Department head', department: 'Marine Operations' });
	const observerLink = await invite(page, reviewId, { name: 'Olu Observer', email: `${unique('olu')}@example.test`, role: 'Observer' });
	const head = await acceptInNewProfile(browser, headLink, 'marine operations passphrase');
	const observer = await acceptInNewProfile(browser, observerLink, 'observer passphrase');
	await freeze(page, reviewId, 'First reading', 1);

	// Hiding the button is not the protection: a forged post is refused by the server too.
	for (const person of [head, observer]) {
		await person.goto(`/reviews/${reviewId}/record`);
		await expect(person.getByTestId('version-1')).toBeVisible();
		await expect(person.getByRole('button', { name: /Freeze version/ })).toHaveCount(0);
		const origin = new URL(person.url()).origin;
		const forged = await person.request.post(`/reviews/${reviewId}/record?/freeze`, { form: { label: 'Forged' }, headers: { origin } });
		expect(forged.status()).toBe(403);
		const signed = await person.request.post(`/reviews/${reviewId}/record/1?/sign`, {
			form: { meaning: 'approved', confirm: 'yes', password: 'whatever it is' },
			headers: { origin }
		});
		expect(signed.status()).toBe(403);
		await person.goto(`/reviews/${reviewId}/record/1`);
		await expect(person.getByRole('region', { name: 'Sign this version' })).toHaveCount(0);
	}
	await page.goto(`/reviews/${reviewId}/record`);
	await expect(page.getByTestId('version-2')).toHaveCount(0);

	// A department head may export; an observer may only read.
	expect((await head.request.get(`/reviews/${reviewId}/record/1/export/json`)).status()).toBe(200);
	expect((await observer.request.get(`/reviews/${reviewId}/record/1/export/json`)).status()).toBe(403);
	await expect(observer.getByRole('link', { name: /Download PDF/ })).toHaveCount(0);

	// Someone who is not a participant learns nothing, not even that the review exists.
	expect((await head.request.get(`/reviews/${otherReviewId}/record`)).status()).toBe(404);
	expect((await head.request.get(`/reviews/${otherReviewId}/record/1`)).status()).toBe(404);
	expect((await head.request.get(`/reviews/${otherReviewId}/record/1/export/pdf`)).status()).toBe(404);

	await head.context().close();
	await observer.context().close();
});

test('a facilitator writes the record in Spanish: the page, the PDF and the next version use it, and a department head cannot change it', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Registro'));
	const headLink = await invite(page, reviewId, { name: 'Hana Harbour', email: `${unique('hana')}@example.test`, role: 'Department head', department: 'Marine Operations' });
	const head = await acceptInNewProfile(browser, headLink, 'marine operations passphrase');

	await page.goto(`/reviews/${reviewId}`);
	await page.getByLabel('Record language').selectOption({ label: 'Español' });
	await page.getByRole('button', { name: 'Save language' }).click();
	await expect(page.getByText('Saved: Español.')).toBeVisible();

	// The department head sees the choice but has no control, and a forged post is refused.
	await head.goto(`/reviews/${reviewId}`);
	await expect(head.getByText('Record language: Español')).toBeVisible();
	await expect(head.getByRole('button', { name: 'Save language' })).toHaveCount(0);
	const forged = await head.request.post(`/reviews/${reviewId}?/recordLanguage`, { form: { language: 'ar' }, headers: { origin: new URL(head.url()).origin } });
	expect(forged.status()).toBe(403);

	await page.goto(`/reviews/${reviewId}/record`);
	await expect(page.getByTestId('freeze-language')).toContainText('Written in Español');
	await freeze(page, reviewId, 'Acordado en la reunión de cierre', 1);
	await expect(page.getByTestId('record-language')).toHaveText('Español');
	await expect(page.getByText('Evaluación de amenazas, vulnerabilidades y riesgos').first()).toBeVisible();
	await expect(page.getByText('Liderazgo y rendición de cuentas').first()).toBeVisible();

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF of version 1' }).click()]);
	const pdfPath = testInfo.outputPath('registro-v1.pdf');
	await download.saveAs(pdfPath);
	const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	expect(text).toContain('Evaluación de amenazas, vulnerabilidades y riesgos');
	expect(text).toContain('Análisis de brechas PSeMS');
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.screenshot({ path: testInfo.outputPath('record-spanish-1440.png'), fullPage: true });

	await head.context().close();
});
