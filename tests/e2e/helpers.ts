// Shared steps of the browser tests, written the way a person uses the app: by labels and roles.
import { expect, type Browser, type Page } from '@playwright/test';

export const ADMIN = { name: 'Alex Reviewer', email: 'alex.reviewer@example.test', password: 'a long admin passphrase' };

let sequence = 0;
export function unique(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${++sequence}`;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** Creates a review as the signed-in administrator and returns its id. */
export async function createReview(page: Page, title: string): Promise<string> {
	await page.goto('/reviews/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Port authority').fill('Port of Eastmouth Authority');
	await page.getByLabel('Country').fill('United Kingdom');
	await page.getByRole('radio', { name: 'Independent review' }).check();
	await page.getByRole('button', { name: 'Create review' }).click();
	await expect(page).toHaveURL(/\/reviews\/[^/]+\/participants/);
	const id = /\/reviews\/([^/]+)\/participants/.exec(page.url())?.[1];
	if (!id) throw new Error('no review id in ' + page.url());
	return id;
}

/** Invites someone from the participants page and returns the invitation link shown to copy. */
export async function invite(
	page: Page,
	reviewId: string,
	person: { name: string; email: string; role: string; department?: string }
): Promise<string> {
	await page.goto(`/reviews/${reviewId}/participants`);
	const form = page.getByRole('region', { name: 'Invite someone' });
	await form.getByLabel('Name').fill(person.name);
	await form.getByLabel('Email address').fill(person.email);
	await form.getByLabel('Role').selectOption({ label: person.role });
	if (person.department) await form.getByLabel('Department').fill(person.department);
	await form.getByRole('button', { name: 'Create invitation link' }).click();
	const link = page.getByLabel(`Invitation link for ${person.name}`);
	await expect(link).toBeVisible();
	return link.inputValue();
}

/** Opens an invitation in a fresh browser profile, sets a password, lands in the review. */
export async function acceptInNewProfile(browser: Browser, link: string, password: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create account and open the review' }).click();
	// Hashing the new password (argon2id) takes seconds on a busy machine.
	await expect(page).toHaveURL(/\/reviews\/[^/]+$/, { timeout: 15_000 });
	return page;
}

export async function waitForLive(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveText('All changes saved', { timeout: 10_000 });
}

/**
 * The usual room: the administrator facilitates a new review and two department heads (Hana
 * Harbour, Marine Operations; Ivan IT, IT and OT) join from invitations in their own browsers.
 */
export async function facilitatorAndTwoHeads(page: Page, browser: Browser, title: string) {
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique(title));
	const links = [
		await invite(page, reviewId, { name: 'Hana Harbour', email: `${unique('hana')}@example.test`, role: 'Department head', department: 'Marine Operations' }),
		await invite(page, reviewId, { name: 'Ivan IT', email: `${unique('ivan')}@example.test`, role: 'Department head', department: 'IT and OT' })
	];
	const hana = await acceptInNewProfile(browser, links[0], 'marine operations passphrase');
	const ivan = await acceptInNewProfile(browser, links[1], 'it and ot passphrase');
	await page.goto(`/reviews/${reviewId}`);
	await Promise.all([page, hana, ivan].map(waitForLive));
	return { reviewId, hana, ivan };
}

/** Sets an element's independent score from the grid's element panel, as a facilitator. */
export async function scoreElement(page: Page, reviewId: string, code: string, level: RegExp, rationale: string): Promise<void> {
	await page.goto(`/reviews/${reviewId}#grid`);
	await waitForLive(page);
	await page.getByRole('button', { name: new RegExp(`^${code} `) }).first().click();
	await page.getByRole('radio', { name: level }).first().check();
	await page.getByLabel(/^Rationale/).fill(rationale);
	await page.getByRole('button', { name: 'Save independent score' }).click();
	await waitForLive(page);
}

/** Freezes the next version from the record page, once this browser's edits are on the server. */
export async function freezeVersion(page: Page, reviewId: string, label: string, version: number): Promise<void> {
	await page.goto(`/reviews/${reviewId}`);
	await page.getByRole('link', { name: 'Evaluation record' }).click();
	await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/record$`));
	await page.getByLabel('Label').fill(label);
	const button = page.getByRole('button', { name: `Freeze version ${version}` });
	// Enabled once this browser's changes are known to be on the server.
	await expect(button).toBeEnabled({ timeout: 15_000 });
	await button.click();
	await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/record/${version}\\?frozen=1$`));
	await expect(page.getByText(`Version ${version} is frozen`)).toBeVisible();
}

/** The accountable manager approves a frozen version with the password. */
export async function approveVersion(page: Page, reviewId: string, version: number, password: string): Promise<void> {
	await page.goto(`/reviews/${reviewId}/record/${version}`);
	const signing = page.getByRole('region', { name: 'Sign this version' });
	await signing.getByLabel('I have read the record and the declaration').check();
	await signing.getByLabel('Your password').fill(password);
	await signing.getByRole('button', { name: 'Sign this version' }).click();
	await expect(page.getByTestId('signature-approved')).toBeVisible({ timeout: 15_000 });
}
