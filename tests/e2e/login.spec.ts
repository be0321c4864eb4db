import { expect, test } from '@playwright/test';
import { ADMIN } from './helpers.ts';

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
