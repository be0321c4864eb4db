// Sign-in with the organisation's identity provider in the browser: the real test provider runs
// beside the app (playwright.config.ts, tests/e2e/services.ts) with its own login page. An
// invited person who has no account here continues with the provider from the invitation and
// lands in the review; later the login page's button signs her in on the provider's session.
import { expect, test } from '@playwright/test';
import { ADMIN, createReview, invite, signIn, unique } from './helpers.ts';
import { OIDC, OIDC_PERSON } from './services.ts';

test('an invited person continues with the identity provider, lands in the review, and signs in with it again', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Provider review'));
	const link = await invite(page, reviewId, { name: 'Olga (as invited)', email: OIDC_PERSON.email, role: 'Department head', department: 'Harbour master' });

	const context = await browser.newContext();
	const olga = await context.newPage();
	await olga.goto(link);
	await olga.getByRole('link', { name: `Continue with ${OIDC.name}` }).click();

	// The provider's own page, with her address already filled in from the invitation.
	await expect(olga).toHaveURL(new RegExp(`^${OIDC.issuer}/interaction/`));
	await expect(olga.getByLabel('Email')).toHaveValue(OIDC_PERSON.email);
	await olga.getByLabel('Password').fill('not her password');
	await olga.getByRole('button', { name: 'Sign in' }).click();
	await expect(olga.getByRole('alert')).toHaveText('Wrong email or password.');
	await olga.getByLabel('Password').fill(OIDC_PERSON.password);
	await olga.getByRole('button', { name: 'Sign in' }).click();

	await expect(olga).toHaveURL(new RegExp(`/reviews/${reviewId}$`), { timeout: 15_000 });
	// The account was made with the provider's name for her, and she took part as invited.
	await expect(olga.getByText(OIDC_PERSON.name).first()).toBeVisible();
	await olga.goto(`/reviews/${reviewId}/participants`);
	await expect(olga.getByText(OIDC_PERSON.name).first()).toBeVisible();

	await olga.getByRole('button', { name: 'Sign out' }).click();
	await olga.goto('/login');
	await olga.getByRole('link', { name: `Sign in with ${OIDC.name}` }).click();
	// The provider still has her session: no login form, straight back here.
	await expect(olga).toHaveURL(/127\.0\.0\.1:\d+\/$/, { timeout: 15_000 });
	await expect(olga.getByText(OIDC_PERSON.name).first()).toBeVisible();
	await context.close();
});
