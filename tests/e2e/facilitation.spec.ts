// Facilitation in a live workshop, with a facilitator and two department heads in three browsers:
// the room's focus moves the followers (not the one who switched following off), the room timer
// shows the same time everywhere and only the facilitator can run it, and the journey on the
// overview is the same for all.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { ADMIN, acceptInNewProfile, createReview, invite, signIn, unique, waitForLive } from './helpers.ts';

// Serial: the three tests share one review and three signed-in browsers (creating accounts hashes
// passwords, which is slow on a busy machine, hence the longer budget).
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let reviewId: string;
let lead: Page;
let dee: Page;
let hal: Page;

async function facilitatorPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, ADMIN.email, ADMIN.password);
	return page;
}

const bar = (page: Page) => page.getByRole('region', { name: 'Facilitation' });
const sectionTab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name });
const timer = (page: Page) => page.getByRole('timer', { name: 'Room timer' });

function seconds(text: string): number {
	const match = /^(\d+):(\d{2})$/.exec(text.trim());
	if (!match) throw new Error(`not a countdown: ${text}`);
	return Number(match[1]) * 60 + Number(match[2]);
}

/** Reads the three timers as close together as the browsers allow. */
async function readTimers(): Promise<number[]> {
	const texts = await Promise.all([lead, dee, hal].map((page) => timer(page).textContent()));
	return texts.map((t) => seconds(t ?? ''));
}

/** The top of the page (where the facilitation bar is) at desktop and phone sizes. */
async function shoot(page: Page, name: string, testInfo: TestInfo, region?: string) {
	for (const [width, height] of [[1440, 900], [390, 844]]) {
		await page.setViewportSize({ width, height });
		await page.evaluate(() => window.scrollTo(0, 0));
		if (region) await page.getByRole('region', { name: region }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

async function setFocus(section: string, element: string | null) {
	const controls = bar(lead);
	await controls.getByLabel('Section').selectOption({ label: section });
	await controls.getByLabel('Element').selectOption(element ? { value: element } : { label: 'The whole section' });
	await controls.getByRole('button', { name: 'Set focus' }).click();
}

test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000);
	lead = await facilitatorPage(browser);
	reviewId = await createReview(lead, unique('Facilitated review'));
	const deeLink = await invite(lead, reviewId, { name: 'Dee Harbour', email: `${unique('dee')}@example.test`, role: 'Department head', department: 'Marine operations' });
	const halLink = await invite(lead, reviewId, { name: 'Hal Quay', email: `${unique('hal')}@example.test`, role: 'Department head', department: 'Port police' });
	dee = await acceptInNewProfile(browser, deeLink, 'marine operations passphrase');
	hal = await acceptInNewProfile(browser, halLink, 'port police passphrase here');
	await lead.goto(`/reviews/${reviewId}`);
	await Promise.all([waitForLive(lead), waitForLive(dee), waitForLive(hal)]);
});

test.afterAll(async () => {
	for (const page of [lead, dee, hal]) await page?.context().close();
});

test('the facilitator moves the focus and the following staff views move; a staff member not following stays', async ({}, testInfo) => {
	await expect(hal.getByRole('switch', { name: 'Follow the facilitator' })).toHaveAttribute('aria-checked', 'true');
	await hal.getByRole('switch', { name: 'Follow the facilitator' }).click();
	await expect(hal.getByRole('switch', { name: 'Follow the facilitator' })).toHaveAttribute('aria-checked', 'false');
	await expect(lead.getByRole('switch', { name: 'Follow the facilitator' })).toHaveCount(0);

	await bar(lead).getByRole('button', { name: 'Lead the room' }).click();
	await bar(lead).getByRole('button', { name: 'Interview', pressed: false }).click();
	await expect(bar(dee).getByTestId('facilitation-phase')).toHaveText('Interview');
	await expect(bar(hal).getByTestId('facilitation-phase')).toHaveText('Interview');

	await setFocus('GAP grid', null);
	await expect(sectionTab(dee, 'GAP grid')).toHaveAttribute('aria-current', 'page');
	await expect(bar(dee).getByTestId('facilitation-focus')).toHaveText('GAP grid');
	await expect(bar(hal).getByTestId('facilitation-focus')).toHaveText('GAP grid');
	await expect(sectionTab(hal, 'Overview')).toHaveAttribute('aria-current', 'page');
	await expect(sectionTab(lead, 'GAP grid')).toHaveAttribute('aria-current', 'page');

	// An element in the interview: the follower's interview shows that element's entries.
	await setFocus('Interview', 'A2');
	await expect(sectionTab(dee, 'Interview')).toHaveAttribute('aria-current', 'page');
	await expect(dee.getByRole('navigation', { name: 'Interview entries by element' }).locator('button[aria-current="true"]')).toContainText('A2');
	await expect(bar(dee).getByTestId('facilitation-focus')).toContainText('A2');

	// An element in the grid: the follower's grid opens that element's panel.
	await setFocus('GAP grid', 'B1');
	await expect(sectionTab(dee, 'GAP grid')).toHaveAttribute('aria-current', 'page');
	await expect(dee.locator('#panel-B1')).toBeInViewport();
	await expect(sectionTab(hal, 'Overview')).toHaveAttribute('aria-current', 'page');

	// Looking elsewhere by hand keeps following on and offers the way back.
	await sectionTab(dee, 'Improvement plan').click();
	await expect(sectionTab(dee, 'Improvement plan')).toHaveAttribute('aria-current', 'page');
	await bar(dee).getByRole('button', { name: 'Back to the facilitator’s focus' }).click();
	await expect(dee.locator('#panel-B1')).toBeInViewport();
	await expect(bar(dee).getByRole('button', { name: 'Back to the facilitator’s focus' })).toHaveCount(0);
	await expect(bar(hal).getByRole('button', { name: 'Go to the facilitator’s focus' })).toBeVisible();

	// Hal's choice is remembered for this review across a reload.
	await hal.reload();
	await waitForLive(hal);
	await expect(hal.getByRole('switch', { name: 'Follow the facilitator' })).toHaveAttribute('aria-checked', 'false');
	await expect(sectionTab(hal, 'Overview')).toHaveAttribute('aria-current', 'page');

	await shoot(hal, 'bar-staff-not-following', testInfo);
});

test('the room timer shows the same time in every browser, and pause and reset reach everyone', async ({}, testInfo) => {
	await bar(lead).getByRole('button', { name: 'Start timer' }).click();
	await bar(lead).getByRole('button', { name: 'Start a 5-minute timer' }).click();
	for (const page of [lead, dee, hal]) await expect(timer(page)).toHaveText(/^[45]:\d\d$/);
	const running = await readTimers();
	expect(Math.max(...running) - Math.min(...running)).toBeLessThanOrEqual(1);
	expect(Math.min(...running)).toBeGreaterThan(280);

	await shoot(lead, 'bar-facilitator', testInfo);
	await shoot(dee, 'bar-staff', testInfo);

	await bar(lead).getByRole('button', { name: 'Pause timer' }).click();
	for (const page of [dee, hal]) await expect(bar(page)).toContainText('paused');
	const paused = await readTimers();
	expect(new Set(paused).size).toBe(1);

	// A department head forging the facilitator's post is refused and the timer stays paused.
	const forged = await dee.evaluate(async (id) => {
		const response = await fetch(`/reviews/${id}/timer`, { method: 'POST', body: new URLSearchParams({ command: 'reset' }) });
		return { status: response.status, body: await response.json() };
	}, reviewId);
	expect(forged.status).toBe(403);
	expect(forged.body.error.message).toBe('Only a facilitator can run the room timer.');
	await expect(bar(lead).getByRole('button', { name: 'Resume timer' })).toBeVisible();
	expect(await readTimers()).toEqual(paused);

	await bar(lead).getByRole('button', { name: 'Resume timer' }).click();
	for (const page of [dee, hal]) await expect(bar(page)).not.toContainText('paused');

	await bar(lead).getByRole('button', { name: 'Reset timer' }).click();
	for (const page of [lead, dee, hal]) await expect(timer(page)).toHaveCount(0);
});

test('everyone sees where the review stands on the journey, and the facilitator’s label edit reaches staff', async ({}, testInfo) => {
	for (const page of [lead, hal]) await sectionTab(page, 'Overview').click();
	const journey = (page: Page) => page.getByRole('region', { name: 'The PSeMS journey' });
	const current = (page: Page) => journey(page).locator('li[aria-current="step"]');
	await expect(current(hal)).toContainText('Independent review');
	await expect(journey(hal).getByRole('listitem')).toHaveText([/Commit and register/, /Self-help GAP analysis/, /Independent review/, /Certify and continuing assurance/]);
	await expect(journey(hal).getByRole('button', { name: 'Edit journey' })).toHaveCount(0);

	await journey(lead).getByRole('button', { name: 'Edit journey' }).click();
	await journey(lead).getByLabel('Step 4 label').fill('');
	await journey(lead).getByRole('button', { name: 'Save journey' }).click();
	await expect(journey(lead).getByText('Give every step a label.')).toBeVisible();
	await expect(journey(lead).getByLabel('Step 4 label')).toBeFocused();

	await journey(lead).getByLabel('Step 4 label').fill('Certified, with annual assurance');
	await journey(lead).getByLabel('This review is at').selectOption({ label: 'Step 4: Certified, with annual assurance' });
	await journey(lead).getByRole('button', { name: 'Save journey' }).click();
	await expect(journey(lead).getByRole('button', { name: 'Edit journey' })).toBeFocused();

	await expect(current(hal)).toContainText('Certified, with annual assurance');
	await expect(journey(hal).getByRole('listitem').nth(2)).toContainText('done');

	await shoot(hal, 'journey-staff', testInfo, 'The PSeMS journey');
	await journey(lead).getByRole('button', { name: 'Edit journey' }).click();
	await shoot(lead, 'journey-form', testInfo, 'The PSeMS journey');
});
