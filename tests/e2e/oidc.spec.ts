// Sign-in with the organisation's identity provider in the browser: the real test provider runs
// beside the app (playwright.config.ts, tests/e2e/services.ts) with its own login page. An
// invited person who has no account here continues with the provider from the invitation and
// lands in the review. She signs a frozen version after a fresh login at the provider (she has
// no password here), and later the login page's button signs her in on the provider's session.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, createReview, invite, signIn, unique } from './helpers.ts';
import { OIDC, OIDC_PERSON } from './services.ts';

test.describe.configure({ timeout: 120_000 });

const SHOTS = process.env.E2E_SCREENSHOTS === '1';
async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	for (const [w, h] of [[1440, 900], [390, 844]] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.screenshot({ path: `test-results/oidc-${name}-${w}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test('an invited person continues with the identity provider, lands in the review, signs a version after a fresh login there, and signs in with it again', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Provider review'));
	const link = await invite(page, reviewId, { name: 'Olga (as invited)', email: OIDC_PERSON.email, role: 'Security manager' });

	const context = await browser.newContext();
	const olga = await context.newPage();
	await olga.goto(link);
	await shoot(olga, 'invitation');
	await olga.getByRole('link', { name: `Continue with ${OIDC.name}` }).click();

	// The provider's own page, with her address already filled in from the invitation.
	await expect(olga).toHaveURL(new RegExp(`^${OIDC.issuer}/interaction/`));
	await expect(olga.getByLabel('Email')).toHaveValue(OIDC_PERSON.email);
	await olga.getByLabel('Password').fill('not her password');
	await olga.getByRole('button', { name: 'Sign in' }).click();
	await expect(olga.getByRole('alert')).toHaveText('Wrong email or password.');
	await olga.getByLabel('Password').fill(OIDC_PERSON.password);
	await olga.getByRole('button', { name: 'Sign in' }).click();

	await expect(olga).toHaveURL(new RegExp(`/reviews/${reviewId}(#.*)?$`), { timeout: 15_000 });
	// The account was made with the provider's name for her, and she took part as invited.
	await expect(olga.getByText(OIDC_PERSON.name).first()).toBeVisible();
	await olga.goto(`/reviews/${reviewId}/participants`);
	await expect(olga.getByText(OIDC_PERSON.name).first()).toBeVisible();

	// The facilitator freezes; her signature asks for a new login at the provider, not a password.
	await page.goto(`/reviews/${reviewId}/record`);
	const freeze = page.getByRole('button', { name: 'Freeze version 1' });
	// Enabled once the page runs and knows this browser's changes are on the server.
	await expect(freeze).toBeEnabled({ timeout: 15_000 });
	await page.getByLabel('Label').fill('For signature');
	await freeze.click();
	await expect(page.getByText('Version 1 is frozen')).toBeVisible();

	await olga.goto(`/reviews/${reviewId}/record/1`);
	const signing = olga.getByRole('region', { name: 'Sign this version' });
	await expect(signing).toContainText(`Your signature is confirmed with a new sign-in at ${OIDC.name}`);
	await expect(signing.getByLabel('Your password')).toHaveCount(0);
	await expect(signing.getByRole('button', { name: 'Sign this version' })).toHaveCount(0);
	await shoot(olga, 'sign-confirm');
	if (SHOTS) await signing.screenshot({ path: 'test-results/oidc-sign-confirm-form.png' });
	await signing.getByRole('link', { name: `Confirm with ${OIDC.name}` }).click();
	// prompt=login: the provider asks again although she signed in there minutes ago.
	await expect(olga).toHaveURL(new RegExp(`^${OIDC.issuer}/interaction/`));
	await expect(olga.getByRole('status')).toHaveText('Sign in again to confirm it is you.');
	await olga.getByLabel('Password').fill(OIDC_PERSON.password);
	await olga.getByRole('button', { name: 'Sign in' }).click();
	await expect(olga).toHaveURL(new RegExp(`/reviews/${reviewId}/record/1#sign$`), { timeout: 15_000 });
	const confirmed = olga.getByRole('region', { name: 'Sign this version' });
	await expect(confirmed.getByRole('status')).toContainText(`You signed in again with ${OIDC.name}`);
	await shoot(olga, 'sign-confirmed');
	if (SHOTS) await confirmed.screenshot({ path: 'test-results/oidc-sign-confirmed-form.png' });
	await confirmed.getByLabel('I have read the record and the declaration').check();
	await confirmed.getByRole('button', { name: 'Sign this version' }).click();
	await expect(olga.getByTestId('signature-reviewed')).toContainText(OIDC_PERSON.name);

	// Her account page says how she signs in: through the provider, no password here.
	await olga.goto('/account');
	await expect(olga.getByText(`Your account is linked to your sign-in at ${OIDC.name}`)).toBeVisible();
	await expect(olga.getByText('This account has no password here.')).toBeVisible();

	await olga.getByRole('button', { name: 'Sign out' }).click();
	await olga.goto('/login');
	await shoot(olga, 'login');
	await olga.getByRole('link', { name: `Sign in with ${OIDC.name}` }).click();
	// The provider still has her session: no login form, straight back here.
	await expect(olga).toHaveURL(/127\.0\.0\.1:\d+\/$/, { timeout: 15_000 });
	await expect(olga.getByText(OIDC_PERSON.name).first()).toBeVisible();
	await context.close();
});
