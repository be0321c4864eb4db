// Runs first against the empty database: the app offers to create the first account.
import { expect, test } from '@playwright/test';
import { ADMIN } from './helpers.ts';

test('a fresh installation leads to setup, which creates the administrator and then closes', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');

	await page.getByLabel('Your name').fill(ADMIN.name);
	await page.getByLabel('Email address').fill(ADMIN.email);
	await page.getByLabel('Password').fill('too short');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Password must be at least 10 characters.').first()).toBeVisible();

	await page.getByLabel('Password').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByText(ADMIN.name).first()).toBeVisible();

	await page.goto('/setup');
	await expect(page).not.toHaveURL(/\/setup$/);
});
