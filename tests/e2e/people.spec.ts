// Issue 13 in the browser: the administrator lets a colleague create reviews, and a department
// head who forgot the password gets back into the review from the mail. The app mails to a real
// SMTP sink started beside it (playwright.config.ts); the spec reads what arrived there.
import { expect, test, type Page } from '@playwright/test';
import { openInbox, type ReceivedMail } from '../helpers/infra/smtp-sink.ts';
import { ADMIN, acceptInNewProfile, createReview, invite, signIn, unique } from './helpers.ts';
import { APP_URL, INBOX_URL } from './services.ts';

const inbox = openInbox(INBOX_URL);

/** The link on this app in a mail, checked to be in its HTML part too. */
function linkIn(mail: ReceivedMail, prefix: string): string {
	const link = mail.links.find((l) => l.startsWith(`${APP_URL}${prefix}`));
	expect(link, `a ${prefix} link in "${mail.subject}"`).toBeDefined();
	expect(mail.html).toContain(link!);
	return link!;
}

const SHOTS = process.env.E2E_SCREENSHOTS === '1';
async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	for (const [w, h] of [[1440, 900], [390, 844]] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.screenshot({ path: `test-results/people-${name}-${w}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test('an administrator grants a colleague facilitator rights and that colleague creates a review', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Pool review'));
	const email = `${unique('colin')}@example.test`;
	const link = await invite(page, reviewId, { name: 'Colin Colleague', email, role: 'Observer' });
	const colin = await acceptInNewProfile(browser, link, 'colleague passphrase 1');

	await colin.goto('/');
	await expect(colin.getByRole('link', { name: 'New review' })).toHaveCount(0);
	await colin.goto('/reviews/new');
	await expect(colin.getByText('Creating reviews needs the reviewer right')).toBeVisible();

	await page.goto('/admin');
	await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
	await shoot(page, 'admin');
	await page.getByRole('button', { name: 'Allow creating reviews (Colin Colleague)' }).click();
	await expect(page.getByText('Colin Colleague can now create reviews.')).toBeVisible();
	await expect(page.getByRole('row', { name: 'Colin Colleague' }).getByText('Creates reviews')).toBeVisible();

	const title = unique('Colin own review');
	await colin.goto('/reviews/new');
	await colin.getByLabel('Title').fill(title);
	await colin.getByLabel('Port authority').fill('Port of Westmouth');
	await colin.getByLabel('Country').fill('United Kingdom');
	await colin.getByRole('radio', { name: 'Independent review' }).check();
	await colin.getByRole('button', { name: 'Create review' }).click();
	await expect(colin).toHaveURL(/\/reviews\/[^/]+\/participants/);
	await colin.goto('/');
	await expect(colin.getByText(title)).toBeVisible();
});

test('a department head resets a forgotten password from the mail and lands back in the review', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Reset review'));
	const email = `${unique('hana')}@example.test`;
	await invite(page, reviewId, { name: 'Hana Harbour', email, role: 'Department head', department: 'Marine Operations' });
	// She joins from the invitation mail, not from a link copied by the facilitator.
	const invitation = await inbox.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Invitation:'), 15_000);
	const first = await acceptInNewProfile(browser, linkIn(invitation, '/invite/'), 'the first passphrase');
	await first.context().close();

	// A new browser, the password forgotten: the review's address leads to sign-in.
	const context = await browser.newContext();
	const hana = await context.newPage();
	await hana.goto(`/reviews/${reviewId}`);
	await expect(hana).toHaveURL(/\/login\?redirectTo=/);
	await hana.getByRole('link', { name: 'Forgot your password?' }).click();
	// Sign-in has an "Email address" field too: fill only once the forgot page is there.
	await expect(hana.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
	await hana.getByLabel('Email address').fill(email);
	await hana.getByRole('button', { name: 'Send the reset link' }).click();
	await expect(hana.getByText('If that address belongs to an account')).toBeVisible();
	await shoot(hana, 'forgot');

	const mail = await inbox.waitFor((m) => m.to.includes(email) && m.subject === 'Reset your password', 15_000);
	expect(mail.text).toContain('30 minutes');
	const resetLink = linkIn(mail, '/reset/');
	expect(resetLink).toMatch(/\/reset\/[a-z0-9]+$/);

	await hana.goto(resetLink);
	await hana.getByLabel('New password', { exact: true }).fill('a new marine passphrase');
	await hana.getByLabel('Confirm new password').fill('a new marine passphrase');
	await shoot(hana, 'reset');
	await hana.getByRole('button', { name: 'Save the new password' }).click();
	await expect(hana).toHaveURL(new RegExp(`/reviews/${reviewId}(#.*)?$`), { timeout: 15_000 });
	await expect(hana.getByText('Hana Harbour').first()).toBeVisible();

	// The link worked once, and the mail went out once.
	await hana.goto(resetLink);
	await expect(hana.getByRole('heading', { name: 'This reset link cannot be used' })).toBeVisible();
	const resets = (await inbox.messages()).filter((m) => m.to.includes(email) && m.subject === 'Reset your password');
	expect(resets).toHaveLength(1);
	await context.close();
});
