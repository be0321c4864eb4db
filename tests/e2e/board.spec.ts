// The concerns board with a facilitator and a department head in separate browsers: notes posted,
// moved by keyboard while being edited by someone else, dragged, deleted and undone, and turned
// into an improvement action; an observer reads but cannot change anything.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { ADMIN, acceptInNewProfile, createReview, invite, signIn, unique, waitForLive } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const UNSORTED = 'Unsorted';
const PILLAR_A = 'A. Leadership and accountability';
const PILLAR_B = 'B. Threat and risk management';
const PILLAR_C = 'C. Security operations and delivery';

async function facilitatorAndHead(page: Page, browser: Browser) {
	await page.setViewportSize({ width: 1440, height: 900 });
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Board'));
	const link = await invite(page, reviewId, { name: 'Hana Harbour', email: `${unique('hana')}@example.test`, role: 'Department head', department: 'Marine Operations' });
	const hana = await acceptInNewProfile(browser, link, 'marine operations passphrase');
	await hana.setViewportSize({ width: 1440, height: 900 });
	await page.goto(`/reviews/${reviewId}`);
	await Promise.all([page, hana].map(waitForLive));
	for (const p of [page, hana]) await openBoard(p);
	return { reviewId, hana };
}

async function openBoard(page: Page) {
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Concerns board' }).click();
	await expect(page.getByRole('heading', { name: 'Concerns board', level: 2 })).toBeVisible();
}

const column = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });
const note = (page: Page, text: string | RegExp) => page.getByRole('article', { name: text });

async function post(page: Page, text: string, options: { colour?: string; element?: string } = {}) {
	const form = page.getByRole('region', { name: 'Post a concern' });
	await form.getByLabel('Concern').fill(text);
	if (options.colour) await form.getByRole('radio', { name: options.colour }).check();
	if (options.element) await form.getByLabel('PSeMS element').selectOption(options.element);
	await form.getByRole('button', { name: 'Post note' }).click();
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
	await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('a move by one person and an edit by another on the same note both survive, for both', async ({ page, browser }, testInfo) => {
	const { hana } = await facilitatorAndHead(page, browser);
	await expect(column(page, UNSORTED)).toContainText('New notes land here.');
	await shot(page, testInfo, 'board-empty-1440');

	const gate = 'Gate 3 badge readers fail in the rain';
	const cctv = 'Nobody reviews how long CCTV footage is kept';
	await post(page, gate);
	await post(hana, cctv, { colour: 'Pink', element: 'C3' });
	for (const p of [page, hana]) {
		await expect(column(p, UNSORTED).getByRole("article", { name: gate })).toBeVisible();
		await expect(column(p, PILLAR_C).getByRole('article', { name: cctv })).toContainText('Pink');
		await expect(column(p, PILLAR_C).getByRole('article', { name: cctv })).toContainText('by Hana Harbour');
	}

	// Hana starts rewording the gate note; meanwhile the facilitator moves it by keyboard.
	await note(hana, gate).getByRole('button', { name: `Edit “${gate}”` }).click();
	const editBox = hana.getByRole('textbox', { name: 'Edit the concern' });
	await editBox.fill('Gate 3 badge readers fail in heavy rain');
	await note(page, gate).focus();
	await page.keyboard.press('Alt+ArrowRight');
	await expect(page.getByRole('status').filter({ hasText: 'Moved to' })).toHaveText(`Moved to ${PILLAR_A}, position 1 of 1.`);
	await expect(column(page, PILLAR_A).getByRole('article', { name: gate })).toBeFocused();
	await expect(column(hana, PILLAR_A).getByRole('article', { name: gate })).toBeVisible();
	// Her typing goes on where it was: the move did not disturb her words, focus or caret.
	await expect(editBox).toBeFocused();
	await expect(editBox).toHaveValue('Gate 3 badge readers fail in heavy rain');
	await hana.keyboard.type(' since May');
	await shot(hana, testInfo, 'board-editing-while-moved-1440');
	await hana.getByRole('button', { name: 'Save note' }).click();
	await expect(hana.getByRole('dialog')).toHaveCount(0);

	const reworded = 'Gate 3 badge readers fail in heavy rain since May';
	for (const p of [page, hana]) {
		await expect(column(p, PILLAR_A).getByRole('article', { name: reworded })).toBeVisible();
		await expect(column(p, UNSORTED).getByRole('article')).toHaveCount(0);
	}

	// Reordering by keyboard: Alt+ArrowUp in a column of two.
	await post(page, 'Accountable manager never attends the security committee', { element: 'A1', colour: 'Blue' });
	const committee = column(page, PILLAR_A).getByRole('article', { name: /security committee/ });
	await expect(committee).toBeVisible();
	await committee.focus();
	await page.keyboard.press('Alt+ArrowUp');
	await expect(page.getByRole('status').filter({ hasText: 'Moved to' })).toHaveText(`Moved to ${PILLAR_A}, position 1 of 2.`);
	// Alt+ArrowLeft moves the note; it does not send the browser back a page. And back again.
	const url = page.url();
	await page.keyboard.press('Alt+ArrowLeft');
	await expect(column(page, UNSORTED).getByRole('article', { name: /security committee/ })).toBeFocused();
	expect(page.url()).toBe(url);
	await page.keyboard.press('Alt+ArrowRight');
	await expect(column(page, PILLAR_A).getByRole('article', { name: /security committee/ })).toBeFocused();
	for (const p of [page, hana]) {
		await expect(column(p, PILLAR_A).getByRole('article')).toHaveText([/security committee/, /heavy rain/]);
	}
	await shot(page, testInfo, 'board-notes-1440');

	await page.setViewportSize({ width: 390, height: 844 });
	await expect(column(page, PILLAR_A)).toBeVisible();
	await shot(page, testInfo, 'board-notes-390');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a note dragged to another column moves for everyone, undo brings back a deleted note, and a note becomes an action', async ({ page, browser }, testInfo) => {
	const { reviewId, hana } = await facilitatorAndHead(page, browser);
	const fence = 'Fence at berth 4 has a gap behind the container stack';
	await post(hana, fence, { colour: 'Orange' });
	const source = column(page, UNSORTED).getByRole('article', { name: fence });
	await expect(source).toBeVisible();

	// Drag with the mouse, pausing over the target so the drop marker can be seen. hover() scrolls
	// the note into view and waits for the layout to settle (the facilitation bar above the board
	// can still change height), so the press lands on the note and not on the text beside it.
	await source.hover({ position: { x: 40, y: 20 } });
	await page.mouse.down();
	const to = await column(page, PILLAR_B).boundingBox();
	if (!to) throw new Error('board not laid out');
	await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 8 });
	await expect(column(page, PILLAR_B)).toHaveClass(/target/);
	await shot(page, testInfo, 'board-dragging-1440');
	await page.mouse.up();
	for (const p of [page, hana]) await expect(column(p, PILLAR_B).getByRole('article', { name: fence })).toBeVisible();
	await expect(column(hana, UNSORTED).getByRole('article')).toHaveCount(0);

	// The Move menu does the same without dragging (touch screens, switch users).
	await note(hana, fence).getByRole('button', { name: /^Move/ }).click();
	await hana.getByRole('button', { name: `To ${PILLAR_C}` }).click();
	for (const p of [page, hana]) await expect(column(p, PILLAR_C).getByRole('article', { name: fence })).toBeVisible();

	// Delete, then undo: the note comes back where it was, for both.
	await note(page, fence).getByRole('button', { name: /^Delete/ }).click();
	await expect(note(hana, fence)).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
	await page.getByRole('button', { name: 'Undo' }).click();
	for (const p of [page, hana]) await expect(column(p, PILLAR_C).getByRole('article', { name: fence })).toBeVisible();

	// Turning a note into an action needs an element first.
	await note(hana, fence).getByRole('button', { name: /into an action/ }).click();
	await expect(note(hana, fence).getByRole('alert')).toContainText('Link the note to a PSeMS element first');
	await note(hana, fence).getByRole('button', { name: /^Edit/ }).click();
	await hana.getByRole('dialog', { name: 'Edit note' }).getByLabel('PSeMS element').selectOption('C1');
	await hana.getByRole('button', { name: 'Save note' }).click();
	await expect(note(hana, fence)).toContainText('C1');
	await note(hana, fence).getByRole('button', { name: /into an action/ }).click();
	for (const p of [page, hana]) {
		await expect(note(p, fence).getByRole('link', { name: fence })).toBeVisible();
		await expect(note(p, fence)).toContainText(`Action: ${fence}`);
	}
	await shot(page, testInfo, 'board-with-action-1440');

	// The link leads to the action in the plan, which says where it came from and links back.
	await note(page, fence).getByRole('link', { name: fence }).click();
	const card = page.getByRole('article', { name: fence });
	await expect(card.getByRole('heading', { name: fence })).toBeFocused();
	await expect(card).toContainText('From a note on the concerns board');
	await expect(card.getByRole('list', { name: 'Linked elements' })).toContainText('C1');
	await hana.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Improvement plan' }).click();
	await expect(hana.getByRole('heading', { name: fence })).toBeVisible();
	await card.getByRole('link', { name: 'note on the concerns board' }).click();
	await expect(note(page, fence)).toBeFocused();

	// An observer reads the same board but has no controls.
	const observerLink = await invite(page, reviewId, { name: 'Olu Observer', email: `${unique('olu')}@example.test`, role: 'Observer' });
	const olu = await acceptInNewProfile(browser, observerLink, 'observer passphrase here');
	await waitForLive(olu);
	await openBoard(olu);
	await expect(olu.getByText('You follow this review as an observer')).toBeVisible();
	await expect(column(olu, PILLAR_C).getByRole('article', { name: fence })).toBeVisible();
	await expect(olu.getByRole('button', { name: 'Post note' })).toHaveCount(0);
	await expect(olu.getByRole('button', { name: /^(Edit|Move|Delete)/ })).toHaveCount(0);
	await olu.setViewportSize({ width: 390, height: 844 });
	await shot(olu, testInfo, 'board-observer-390');
});

test('the frozen record lists the board notes under their pillars, with the action each became', async ({ page }, testInfo) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Board record'));
	await page.goto(`/reviews/${reviewId}#board`);
	await waitForLive(page);
	const risk = 'The risk register has not been updated since the new ferry berth opened';
	await post(page, risk, { element: 'B1', colour: 'Green' });
	await post(page, 'Visitors sign in on paper at the north gate');
	await note(page, risk).getByRole('button', { name: /into an action/ }).click();
	await expect(note(page, risk).getByRole('link')).toBeVisible();
	await waitForLive(page);

	await page.getByRole('link', { name: 'Evaluation record' }).click();
	await page.getByLabel('Label').fill('Board check');
	const freeze = page.getByRole('button', { name: 'Freeze version 1' });
	await expect(freeze).toBeEnabled({ timeout: 15_000 });
	await freeze.click();
	await expect(page.getByText('Version 1 is frozen')).toBeVisible();

	await expect(page.getByRole('navigation', { name: 'Contents of the record' }).getByRole('link', { name: 'Concerns board' })).toBeVisible();
	const board = page.getByRole('region', { name: '8. Concerns board' });
	await expect(board.getByRole('heading', { name: 'B. Threat and risk management' })).toBeVisible();
	await expect(board.getByRole('heading', { name: 'Not sorted under a pillar' })).toBeVisible();
	await expect(board).toContainText('B1 · Green note · by Alex Reviewer');
	await board.getByRole('link', { name: /The risk register has not been updated/ }).click();
	await expect(page).toHaveURL(/#action-/);
	await board.scrollIntoViewIfNeeded();
	await board.screenshot({ path: testInfo.outputPath('record-board-1440.png') });
});

test('in Arabic, right to left, Alt+Arrow keys move a note the way the arrow points, and the board speaks Arabic', async ({ page, browser }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await signIn(page, ADMIN.email, ADMIN.password);
	const reviewId = await createReview(page, unique('Board RTL'));
	await page.goto(`/reviews/${reviewId}#board`);
	await waitForLive(page);
	const text = 'قارئات البطاقات عند البوابة 3 تتعطل تحت المطر';
	await post(page, text);
	await expect(column(page, UNSORTED).getByRole('article', { name: text })).toBeVisible();

	// The same person in a browser that asks for Arabic (no saved language: Accept-Language decides).
	const context = await browser.newContext({ locale: 'ar', viewport: { width: 1440, height: 900 } });
	await context.addCookies((await page.context().cookies()).filter((c) => !/locale|lang/i.test(c.name)));
	const ar = await context.newPage();
	await ar.goto(`/reviews/${reviewId}#board`);
	await expect(ar.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(ar.getByTestId('connection-status')).toHaveText('تم حفظ جميع التغييرات', { timeout: 10_000 });
	const unsorted = ar.locator('[data-column="unsorted"]');
	const pillarA = ar.locator('[data-column="A"]');
	// Right to left: the first column (Unsorted) is on the right, pillar A to its left.
	const [unsortedBox, pillarBox] = [await unsorted.boundingBox(), await pillarA.boundingBox()];
	expect(pillarBox!.x).toBeLessThan(unsortedBox!.x);

	await unsorted.getByRole('article', { name: text }).focus();
	await ar.keyboard.press('Alt+ArrowLeft');
	await expect(pillarA.getByRole('article', { name: text })).toBeFocused();
	await expect(ar.getByRole('status').filter({ hasText: 'نُقلت إلى' })).toHaveText('نُقلت إلى A. القيادة والمساءلة، الموضع 1 من 1.');
	await ar.keyboard.press('Alt+ArrowRight');
	await expect(unsorted.getByRole('article', { name: text })).toBeFocused();
	await ar.keyboard.press('Alt+ArrowRight');
	await expect(ar.getByRole('status').filter({ hasText: 'العمود الأول' })).toHaveText('الملاحظة في العمود الأول بالفعل.');
	await context.close();
});
