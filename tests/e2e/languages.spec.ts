// Issue 14 in the browser: people in one review each read their own interface language while
// they co-edit; an Arabic participant's page is mirrored; a review whose record language is
// Spanish freezes into a Spanish PDF, and an Arabic one into a PDF whose words read back in order.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, createReview, freezeVersion, invite, signIn, unique, waitForLive } from './helpers.ts';
import { waitForLiveAnyLanguage } from './a11y.ts';

test.describe.configure({ timeout: 180_000 });

/** Accepts an invitation in a new browser whose language is `locale`, whatever words its page uses. */
async function acceptInLanguage(browser: Browser, link: string, password: string, locale: string): Promise<Page> {
	const context = await browser.newContext({ locale });
	const page = await context.newPage();
	await page.goto(link);
	await page.locator('main input[type="password"]').fill(password);
	await page.locator('main form button[type="submit"]').last().click();
	await expect(page).toHaveURL(/\/reviews\/[^/]+$/, { timeout: 15_000 });
	return page;
}

const notes = (page: Page) => page.locator('#main .ProseMirror').first();
const sectionLink = (page: Page, id: string) => page.locator(`nav a[href="#${id}"]`);

test('a French department head and an English facilitator co-edit, each in their own language; an Arabic one reads right to left', async ({ page, browser }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Langues'));
	const claire = await acceptInLanguage(browser, await invite(page, reviewId, { name: 'Claire Quai', email: `${unique('claire')}@example.test`, role: 'Department head', department: 'Capitainerie' }), 'passe du port de Brest', 'fr-FR');
	const samir = await acceptInLanguage(browser, await invite(page, reviewId, { name: 'سمير الميناء', email: `${unique('samir')}@example.test`, role: 'Department head', department: 'العمليات البحرية' }), 'كلمة مرور طويلة للميناء', 'ar');
	await page.goto(`/reviews/${reviewId}`);
	await Promise.all([waitForLive(page), waitForLiveAnyLanguage(claire), waitForLiveAnyLanguage(samir)]);

	// Each interface in its own language, on the same review.
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	await expect(claire.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(samir.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('link', { name: 'Reviews' })).toBeVisible();
	await expect(claire.getByRole('link', { name: 'Revues' })).toBeVisible();
	await expect(samir.getByRole('link', { name: 'المراجعات' })).toBeVisible();
	await expect(sectionLink(page, 'grid')).toHaveText('GAP grid');
	await expect(sectionLink(claire, 'grid')).not.toHaveText('GAP grid');

	// Co-editing the workshop notes: what each types reaches the other as typed, in any language.
	await notes(page).click();
	await page.keyboard.type('Night patrols are not logged. ');
	await expect(notes(claire)).toContainText('Night patrols are not logged.');
	await notes(claire).click();
	await claire.keyboard.press('End');
	await claire.keyboard.type('Les rondes de nuit ne sont pas consignées.');
	await expect(notes(page)).toContainText('Les rondes de nuit ne sont pas consignées.');
	await notes(samir).click();
	await samir.keyboard.press('End');
	await samir.keyboard.type(' الدوريات الليلية غير مسجلة.');
	await expect(notes(page)).toContainText('الدوريات الليلية غير مسجلة.');
	await expect(notes(claire)).toContainText('الدوريات الليلية غير مسجلة.');

	// The framework in each reader's language, the same element and codes.
	for (const p of [page, claire, samir]) await sectionLink(p, 'grid').click();
	await expect(page.getByText('Accountable manager and senior leadership commitment').first()).toBeVisible();
	await expect(claire.getByText('Dirigeant responsable et engagement de la direction').first()).toBeVisible();
	await expect(samir.getByText('المدير المسؤول والتزام القيادة العليا').first()).toBeVisible();

	// Mirrored: the section tabs run from right to left, and the page starts at the right.
	const first = await sectionLink(samir, 'overview').boundingBox();
	const last = await sectionLink(samir, 'board').boundingBox();
	expect(first!.x).toBeGreaterThan(last!.x);
	const brand = await samir.locator('.brand').boundingBox();
	expect(brand!.x + brand!.width).toBeGreaterThan((samir.viewportSize()?.width ?? 1280) / 2);
	await samir.screenshot({ path: testInfo.outputPath('arabic-workspace.png'), fullPage: true });
	// Nothing pinned the language: visiting pages set no language cookie of its own.
	expect((await claire.context().cookies()).map((c) => c.name)).not.toContain('psems-locale');
});

/** Sets the review's record language from the overview, as its facilitator. */
async function setRecordLanguage(page: Page, reviewId: string, language: string): Promise<void> {
	await page.goto(`/reviews/${reviewId}#overview`);
	await waitForLive(page);
	await page.getByLabel('Record language').selectOption({ label: language });
	await page.getByRole('button', { name: 'Save language' }).click();
	await expect(page.getByText(`Saved: ${language}.`)).toBeVisible();
}

/** Downloads a version's PDF with the signed-in browser and returns its text as pdftotext reads it. */
async function pdfText(page: Page, reviewId: string, version: number, path: string): Promise<string> {
	const response = await page.request.get(`/reviews/${reviewId}/record/${version}/export/pdf`);
	expect(response.status()).toBe(200);
	writeFileSync(path, await response.body());
	return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

test('a record frozen in Spanish prints in Spanish, and one frozen in Arabic reads back in logical order', async ({ page }, testInfo) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Revisión del puerto'));
	await setRecordLanguage(page, reviewId, 'Español');
	await freezeVersion(page, reviewId, 'Acordado en la reunión de cierre', 1);
	const spanish = await pdfText(page, reviewId, 1, testInfo.outputPath('es.pdf'));
	expect(spanish).toContain('Gerente responsable y compromiso de la alta dirección');
	expect(spanish).toContain('Análisis de brechas PSeMS');
	expect(spanish).toContain('Plan de mejora');
	expect(spanish).not.toContain('Improvement plan');
	expect(spanish).not.toContain('Accountable manager and senior leadership commitment');

	await setRecordLanguage(page, reviewId, 'العربية');
	await freezeVersion(page, reviewId, 'نسخة عربية', 2);
	const arabic = await pdfText(page, reviewId, 2, testInfo.outputPath('ar.pdf'));
	expect(arabic).toContain('المدير المسؤول والتزام القيادة العليا');
});
