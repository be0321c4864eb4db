import { expect, test } from '@playwright/test';
import { ADMIN, acceptInNewProfile, createReview, invite, signIn, unique } from './helpers.ts';

test('a failed sign-in shows one generic message and keeps the user on the sign-in page', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email address').fill(ADMIN.email);
	await page.getByLabel('Password').fill('not the right password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('That email and password do not match an account.');
	await expect(page).toHaveURL(/\/login/);

	await page.getByLabel('Email address').fill('nobody@example.test');
	await page.getByLabel('Password').fill('not the right password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('That email and password do not match an account.');
});

test('a signed-out visitor is sent to sign in before seeing a review', async ({ page }) => {
	await page.goto('/reviews/some-review-id');
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test('the sign-in page and the account service answer in the browser\'s language, right to left in Arabic', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ar' });
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByLabel('عنوان البريد الإلكتروني').fill(`${unique('nobody')}@example.test`);
	await page.getByLabel('كلمة المرور').fill('not the right password');
	await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
	// Said by server/auth (the source copy of the message runtime), in the request's language.
	await expect(page.getByRole('alert')).toContainText('البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب.');
	await context.close();
});

test('the account page saves an interface language, and "my browser\'s language" hands the choice back', async ({ page, browser }) => {
	// A fresh account, so no other test's pages change language while this one runs.
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Language'));
	const link = await invite(page, reviewId, { name: 'Lena Language', email: `${unique('lena')}@example.test`, role: 'Observer' });
	const lena = await acceptInNewProfile(browser, link, 'a language passphrase');

	await lena.goto('/account');
	await expect(lena.getByRole('radio', { name: /Use my browser's language/ })).toBeChecked();
	await lena.getByRole('radio', { name: 'Español' }).check();
	await lena.getByRole('button', { name: 'Save language' }).click();
	await expect(lena.getByRole('heading', { name: 'Su cuenta', level: 1 })).toBeVisible();
	await expect(lena.getByText('Idioma guardado: las páginas se muestran ahora en Español.')).toBeVisible();
	await expect(lena.locator('html')).toHaveAttribute('lang', /^es/);
	expect((await lena.context().cookies()).find((c) => c.name === 'psems-locale')?.value).toBe('es');
	// Saved to the account: another page, without the cookie, still speaks Spanish.
	await lena.context().clearCookies({ name: 'psems-locale' });
	await lena.goto('/');
	await expect(lena.locator('html')).toHaveAttribute('lang', /^es/);

	await lena.goto('/account');
	await lena.getByRole('radio', { name: /Usar el idioma de mi navegador/ }).check();
	await lena.getByRole('button', { name: 'Guardar el idioma' }).click();
	await expect(lena.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
	await expect(lena.getByText("Language saved: pages now follow your browser's language.")).toBeVisible();
	// The server removed the Spanish cookie; the page's own runtime may write back the language it shows.
	expect((await lena.context().cookies()).find((c) => c.name === 'psems-locale')?.value ?? 'en').toBe('en');
	await lena.context().close();
});
