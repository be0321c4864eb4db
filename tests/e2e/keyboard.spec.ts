// Issue 14 part 6: a whole workshop step by keyboard alone. The facilitator skips to the content,
// opens the GAP grid, an element, sets the independent score and its rationale, and leads the room
// to it, pressing only Tab, Shift+Tab, arrows, Space and Enter; every stop shows where focus is;
// Tab leaves every part of the page (no trap); the department head hears the facilitator's move
// through a polite live region, never an assertive one.
import { expect, test, type Page } from '@playwright/test';
import { facilitatorAndTwoHeads } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

type Focused = { tag: string; type: string; text: string; name: string; field: string; visible: boolean; path: string };

/** What has focus, and whether a person can see it (an outline or a focus ring drawn by box-shadow). */
function focused(page: Page): Promise<Focused> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { tag: 'body', type: '', text: '', name: '', field: '', visible: false, path: 'body' };
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
		const labelledBy = el.getAttribute('aria-labelledby');
		const label =
			el.getAttribute('aria-label') ??
			(labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
			(el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
			el.closest('label')?.textContent ??
			'';
		const path: string[] = [];
		for (let n: Element | null = el; n && path.length < 4; n = n.parentElement) path.unshift(n.tagName.toLowerCase() + (n.id ? `#${n.id}` : ''));
		const field = el.getAttribute('name') ?? '';
		return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') ?? '', text: (el.textContent ?? '').trim().slice(0, 80), name: label.trim().replace(/\s+/g, ' '), field, visible: outline || ring, path: path.join('>') };
	});
}

/** Presses Tab until `match` holds, checking on the way that every stop is visible and none repeats. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, limit = 120): Promise<Focused> {
	let previous = '';
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const now = await focused(page);
		expect(now.tag, `Tab left the page before reaching ${what}`).not.toBe('body');
		// A date field's parts (day, month, year, the calendar button) take one Tab each, and Chromium
		// draws their focus itself (the part highlighted, a ring on the button): not a trap, and seen.
		if (now.type !== 'date') expect(now.visible, `focus is not visible on ${now.path} "${now.text || now.name}"`).toBe(true);
		const key = `${now.path}|${now.text}|${now.name}|${now.field}`;
		if (now.type !== 'date') expect(key, `Tab stayed on ${now.path}: a keyboard trap`).not.toBe(previous);
		previous = key;
		if (match(now)) return now;
	}
	throw new Error(`${what} was not reached in ${limit} presses of Tab`);
}

test('a facilitator runs a scoring step by keyboard alone; others hear it politely', async ({ page, browser }) => {
	const { reviewId, hana } = await facilitatorAndTwoHeads(page, browser, 'Keyboard walk');
	await page.goto(`/reviews/${reviewId}#overview`);
	await expect(page.getByTestId('connection-status')).toHaveText('All changes saved', { timeout: 10_000 });

	// The first stop is the skip link, shown when focused; it moves focus to the main content.
	await page.keyboard.press('Tab');
	expect(await focused(page)).toMatchObject({ text: 'Skip to main content', visible: true });
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeInViewport();
	await page.keyboard.press('Enter');
	expect((await focused(page)).path).toContain('main#main');

	// Sections, then the grid.
	await tabTo(page, (f) => f.tag === 'a' && f.text === 'GAP grid', 'the GAP grid tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: 'GAP grid' })).toHaveAttribute('aria-current', 'page');

	// The element A2 and its panel (the heat map's cell, named "A2* P…" by what it shows, comes first
	// and opens the same panel; the grid's element button is named "A2 …").
	await tabTo(page, (f) => f.tag === 'button' && (f.text.startsWith('A2 ') || f.name.startsWith('A2 ')), 'the A2 element');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Security manager: authority, resources and direct access' })).toBeVisible();

	// The independent score: a radio group, moved with the arrow keys.
	await tabTo(page, (f) => f.tag === 'input' && f.field === 'independent-score-A2', 'the independent score levels');
	for (let i = 0; i < 6 && !(await page.getByRole('radio', { name: /^2 · Present/ }).first().isChecked()); i++) await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: /^2 · Present/ }).first()).toBeChecked();

	await tabTo(page, (f) => f.tag === 'textarea', 'the rationale');
	await expect(page.getByLabel(/^Rationale/)).toBeFocused();
	await page.keyboard.type('Role defined; no direct access to the accountable manager yet.');
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Save independent score', 'Save independent score');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('independent-A2')).toHaveText('2', { timeout: 5_000 });
	await hana.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'GAP grid' }).click();
	await expect(hana.getByTestId('independent-A2')).toHaveText('2', { timeout: 5_000 });

	// Leading the room by keyboard: the bar's controls, the section, "Set focus".
	await page.keyboard.press('Shift+Tab');
	expect((await focused(page)).visible).toBe(true);
	const lead = page.getByRole('region', { name: 'Facilitation' }).getByRole('button', { name: 'Lead the room' });
	await lead.focus();
	await page.keyboard.press('Enter');
	const controls = page.getByRole('region', { name: 'Facilitation' });
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Interview', 'the Interview phase');
	await page.keyboard.press('Space');
	await expect(controls.getByTestId('facilitation-phase')).toHaveText('Interview');
	await tabTo(page, (f) => f.tag === 'select' && f.name.startsWith('Section'), 'the focus section');
	// A select chooses by typing the start of an option, as a keyboard user does.
	await page.keyboard.type('Interview');
	await expect(controls.getByLabel('Section')).toHaveValue('interview');
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Set focus', 'Set focus');
	await page.keyboard.press('Enter');
	await expect(controls.getByTestId('facilitation-focus')).toContainText('Interview');

	// The department head is told, politely; nothing on the page interrupts assertively.
	const polite = hana.locator('[aria-live="polite"], [role="status"]').filter({ hasText: 'The facilitator moved the focus to Interview' });
	await expect(polite).toHaveCount(1, { timeout: 5_000 });
	// (SvelteKit's own route announcer, which reads a new page title after a navigation, is the one exception.)
	await expect(hana.locator('[aria-live="assertive"]:not(#svelte-announcer), [role="alert"]')).toHaveCount(0);

	// No trap anywhere: from the top, Tab reaches the end of the page and leaves it.
	await page.goto(`/reviews/${reviewId}#grid`);
	await expect(page.getByTestId('connection-status')).toHaveText('All changes saved', { timeout: 10_000 });
	let previous = '';
	let left = false;
	for (let i = 0; i < 400 && !left; i++) {
		await page.keyboard.press('Tab');
		const now = await focused(page);
		if (now.tag === 'body') left = true;
		else {
			const key = `${now.path}|${now.text}|${now.name}`;
			expect(key, `Tab stayed on ${now.path}`).not.toBe(previous);
			expect(now.visible, `focus is not visible on ${now.path} "${now.text || now.name}"`).toBe(true);
			previous = key;
		}
	}
	expect(left, 'Tab never left the page: a keyboard trap').toBe(true);
});

/** Opens a workspace section from the section tabs by keyboard, from wherever focus is. */
async function openSection(page: Page, label: string): Promise<void> {
	await page.getByRole('link', { name: 'Skip to main content' }).focus();
	await page.keyboard.press('Enter');
	await tabTo(page, (f) => f.tag === 'a' && f.text === label, `the ${label} tab`);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
}

test('the rest of a workshop by keyboard alone: an interview entry, a plan action and a concern reach the room', async ({ page, browser }) => {
	const { reviewId, hana } = await facilitatorAndTwoHeads(page, browser, 'Keyboard workshop');
	await page.goto(`/reviews/${reviewId}#overview`);
	await expect(page.getByTestId('connection-status')).toHaveText('All changes saved', { timeout: 10_000 });
	const hanaSection = (name: string) => hana.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name }).click();

	// Interview: "Add entry", the element by typing its code in the list, the framework's first
	// prompt (Space chooses a radio), the question as asked, then Enter on "Add entry".
	await openSection(page, 'Interview');
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Add entry', 'Add entry');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Add an interview entry' })).toBeFocused();
	await tabTo(page, (f) => f.tag === 'select' && f.name === 'Element', 'the element list');
	await page.keyboard.type('A2');
	await expect(page.getByLabel('Element', { exact: true })).toHaveValue('A2');
	await tabTo(page, (f) => f.tag === 'input' && f.field.endsWith('-prompt'), 'the first prompt');
	await page.keyboard.press('Space');
	const question = 'How do you reach the accountable manager with a security concern?';
	await tabTo(page, (f) => f.tag === 'textarea' && f.name === 'Question as asked', 'the question as asked');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(question);
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Add entry', 'the form’s Add entry');
	await page.keyboard.press('Enter');
	await hanaSection('Interview');
	await expect(hana.getByRole('textbox', { name: 'Question as asked' }).first()).toHaveValue(question, { timeout: 5_000 });

	// Improvement plan: "Add action", a title, one linked element (Space ticks it), Enter to add.
	await openSection(page, 'Improvement plan');
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Add action', 'Add action');
	await page.keyboard.press('Enter');
	// The form opens with its first field focused.
	await expect(page.getByRole('textbox', { name: /^Title/ })).toBeFocused();
	const action = 'Write down the security manager’s direct line to the board';
	await page.keyboard.type(action);
	await tabTo(page, (f) => f.tag === 'input' && f.text === '' && f.name.startsWith('A2 '), 'the A2 checkbox');
	await page.keyboard.press('Space');
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Add action', 'the form’s Add action');
	await page.keyboard.press('Enter');
	await hanaSection('Improvement plan');
	await expect(hana.getByRole('heading', { name: action })).toBeVisible({ timeout: 5_000 });

	// Concerns board: the concern typed and posted, then the note moved to a pillar with Alt+Arrow.
	await openSection(page, 'Concerns board');
	const concern = 'Night shift cannot find the security manager’s number';
	await tabTo(page, (f) => f.tag === 'textarea' && f.name.startsWith('Concern'), 'the concern');
	await page.keyboard.type(concern);
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Post note', 'Post note');
	await page.keyboard.press('Enter');
	await hanaSection('Concerns board');
	await expect(hana.getByRole('article', { name: concern })).toBeVisible({ timeout: 5_000 });
	await tabTo(page, (f) => f.tag === 'article' && f.name.includes(concern), 'the posted note');
	await page.keyboard.press('Alt+ArrowRight');
	await expect(page.getByRole('status').filter({ hasText: 'Moved to' })).toHaveText(/^Moved to A. Leadership and accountability, position 1 of 1\.$/);
	await expect(hana.getByRole('region', { name: 'A. Leadership and accountability', exact: true }).getByRole('article', { name: concern })).toBeVisible({ timeout: 5_000 });

	// Nothing on the department head's page interrupted assertively while all this arrived.
	await expect(hana.locator('[aria-live="assertive"]:not(#svelte-announcer), [role="alert"]')).toHaveCount(0);
});
