// The workshop itself with three people at once: a facilitator and two department heads.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { facilitatorAndTwoHeads } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const threePeople = (page: Page, browser: Browser) => facilitatorAndTwoHeads(page, browser, 'Workshop');

async function openSection(page: Page, name: string) {
	await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name }).click();
}

test('three people interview, score and plan together, and an offline edit converges', async ({ page, browser }) => {
	const { hana, ivan } = await threePeople(page, browser);
	const everyone = [page, hana, ivan];

	// Interview: the facilitator adds an entry from a framework prompt; all three type in its answer.
	await openSection(page, 'Interview');
	await page.getByRole('button', { name: 'Add entry' }).first().click();
	await page.getByLabel('Element', { exact: true }).selectOption('A2');
	await page.getByRole('button', { name: 'Add entry' }).last().click();
	for (const p of [hana, ivan]) await openSection(p, 'Interview');
	const answers = everyone.map((p) => p.getByRole('textbox', { name: 'Answer' }).first());
	for (const answer of answers) await expect(answer).toBeVisible();
	const typed = ['[facilitator asks about reporting lines]', '[harbour reports to operations]', '[IT has no direct line]'];
	await Promise.all(
		everyone.map(async (p, i) => {
			await answers[i].click();
			await p.keyboard.press('End');
			await p.keyboard.type(typed[i], { delay: 15 });
		})
	);
	// Same text everywhere, ignoring the other people's name labels drawn at their carets.
	const textWithoutCarets = (el: Element) => {
		const copy = el.cloneNode(true) as Element;
		copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
		return copy.textContent ?? '';
	};
	// No lost characters: when three people type at the same spot at once, Yjs may interleave
	// their runs (a cursor can land before a concurrent insert), but every character survives.
	const sortedChars = (text: string) => [...text].sort().join('');
	const expected = sortedChars(typed.join(''));
	await expect.poll(async () => sortedChars(await answers[0].evaluate(textWithoutCarets)), { timeout: 5_000 }).toBe(expected);
	for (const answer of answers) await expect.poll(() => answer.evaluate(textWithoutCarets), { timeout: 5_000 }).toBe(await answers[0].evaluate(textWithoutCarets));

	// GAP grid: only the facilitator has the independent score control.
	for (const p of everyone) await openSection(p, 'GAP grid');
	await hana.getByRole('button', { name: /^A2 / }).first().click();
	await expect(hana.getByRole('heading', { name: 'Security manager: authority, resources and direct access' })).toBeVisible();
	await expect(hana.getByRole('button', { name: 'Save independent score' })).toHaveCount(0);
	await expect(hana.getByText('Propose a level for my department')).toBeVisible();

	await page.getByRole('button', { name: /^A2 / }).first().click();
	await page.getByRole('radio', { name: /^2 · Present/ }).first().check();
	await page.getByLabel(/^Rationale/).fill('Role defined, but no direct access to the accountable manager.');
	await page.getByRole('button', { name: 'Save independent score' }).click();
	for (const p of everyone) {
		await expect(p.getByTestId('independent-A2')).toHaveText('2', { timeout: 1_000 });
		await expect(p.getByTestId('gap-A2')).toHaveText('3', { timeout: 1_000 });
		await expect(p.getByTestId('priority-A2')).toContainText('P1', { timeout: 1_000 });
	}

	// Plan: an action created from the gap appears for everyone.
	await page.getByRole('button', { name: 'Create action from gap on A2' }).click();
	await expect(page.getByRole('heading', { name: /Close the gap on A2/ })).toBeVisible();
	for (const p of [hana, ivan]) {
		await openSection(p, 'Improvement plan');
		await expect(p.getByRole('heading', { name: /Close the gap on A2/ })).toBeVisible();
	}

	// Offline: Ivan loses the network, keeps editing, comes back; everyone converges.
	await openSection(page, 'Overview');
	await openSection(ivan, 'Overview');
	await openSection(hana, 'Overview');
	for (const p of everyone) await expect(p.getByRole('textbox', { name: 'Workshop notes' })).toBeVisible();
	await ivan.context().setOffline(true);
	await expect(ivan.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
	await ivan.getByRole('textbox', { name: 'Workshop notes' }).click();
	await ivan.keyboard.type('Typed while the wifi was down.');
	await page.getByRole('textbox', { name: 'Workshop notes' }).click();
	await page.keyboard.type('Typed in the room meanwhile. ');
	await expect(ivan.getByTestId('connection-status')).toContainText('Offline');
	await ivan.context().setOffline(false);
	for (const p of everyone) {
		const notes = p.getByRole('textbox', { name: 'Workshop notes' });
		await expect(notes).toContainText('Typed while the wifi was down.', { timeout: 20_000 });
		await expect(notes).toContainText('Typed in the room meanwhile.', { timeout: 20_000 });
	}
	await hana.context().close();
	await ivan.context().close();
});
