// The port's self-assessment against the independent view (issue 5, item 4): a frozen
// self-help GAP analysis is imported into an independent review, a 3-level difference is
// highlighted, the freeze is refused naming the element until the facilitator explains it, and
// the frozen record carries the explanation.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, createReview, signIn, unique, waitForLive } from './helpers.ts';

// Generous: two dozen steps and sixteen screenshots on a shared, busy machine.
test.describe.configure({ timeout: 480_000 });

async function createSelfAssessment(page: Page, title: string): Promise<string> {
	await page.goto('/reviews/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Port authority').fill('Port of Eastmouth Authority');
	await page.getByLabel('Country').fill('United Kingdom');
	await page.getByRole('radio', { name: 'Self-help GAP analysis' }).check();
	await page.getByRole('button', { name: 'Create review' }).click();
	await expect(page).toHaveURL(/\/reviews\/[^/]+\/participants/);
	const id = /\/reviews\/([^/]+)\/participants/.exec(page.url())?.[1];
	if (!id) throw new Error('no review id in ' + page.url());
	return id;
}

async function openElement(page: Page, code: string) {
	await page.getByRole('button', { name: new RegExp(`^${code} `) }).first().click();
	await expect(page.locator(`#panel-${code}`)).toBeVisible();
}

async function selfScore(page: Page, code: string, level: number) {
	await openElement(page, code);
	await page.getByRole('group', { name: /^Self-score/ }).getByRole('radio', { name: new RegExp(`^${level} · `) }).check();
	await expect(page.getByTestId(`self-${code}`)).toHaveText(String(level));
}

async function openFreeze(page: Page, reviewId: string, version: number, label: string) {
	await page.goto(`/reviews/${reviewId}/record`);
	await page.getByLabel('Label').fill(label);
	const button = page.getByRole('button', { name: `Freeze version ${version}` });
	await expect(button).toBeEnabled({ timeout: 15_000 });
	return button;
}

test('self-scores imported from a frozen self-assessment; a 3-level difference blocks the freeze until explained', async ({ page }, testInfo) => {
	/** Both screen sizes; with a target, the screen around it (scrolled to its top), else the whole page. */
	const shot = async (name: string, target?: string) => {
		for (const [width, height] of [
			[1440, 900],
			[390, 844]
		] as const) {
			await page.setViewportSize({ width, height });
			if (target) await page.locator(target).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
			await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: !target });
		}
		await page.setViewportSize({ width: 1440, height: 900 });
	};
	await page.setViewportSize({ width: 1440, height: 900 });
	await signIn(page, ADMIN.email, ADMIN.password);

	// The port's self-help GAP analysis, scored and frozen as version 1.
	const selfTitle = unique('Eastmouth self-help');
	const selfId = await createSelfAssessment(page, selfTitle);
	await page.goto(`/reviews/${selfId}#grid`);
	await waitForLive(page);
	await selfScore(page, 'A1', 4);
	await selfScore(page, 'A2', 3);
	await waitForLive(page);
	const selfFreeze = await openFreeze(page, selfId, 1, 'Self-assessment agreed by the port');
	await selfFreeze.click();
	await expect(page).toHaveURL(new RegExp(`/reviews/${selfId}/record/1\\?frozen=1$`));
	const selfHash = (await page.getByTestId('full-hash').textContent())?.trim() ?? '';
	expect(selfHash).toMatch(/^[0-9a-f]{64}$/);

	// The independent review imports them from the grid's import page.
	const reviewId = await createReview(page, unique('Eastmouth independent'));
	await page.goto(`/reviews/${reviewId}#grid`);
	await waitForLive(page);
	await expect(page.getByTestId('self-score-provenance')).toContainText('entered here by hand');
	await page.getByRole('link', { name: 'Import self-scores' }).click();
	await expect(page.getByRole('heading', { name: 'Import self-scores', level: 1 })).toBeVisible();
	const source = page.getByRole('listitem').filter({ hasText: selfTitle });
	await expect(source).toContainText('Same port');
	await expect(source).toContainText(`Latest frozen version 1 · hash ${selfHash.slice(0, 12)}`);
	await source.getByRole('link', { name: `Preview the import from ${selfTitle}` }).click();
	await expect(page.getByTestId('import-source')).toContainText(`version 1 (hash ${selfHash.slice(0, 12)}`);
	await expect(page.getByTestId('import-row-A1')).toContainText('Will be filled in');
	await shot('import-panel');
	await page.getByRole('button', { name: 'Import 2 self-scores' }).click();
	await expect(page.getByText('Self-scores imported')).toBeVisible();
	await expect(page.getByText('2 filled in.')).toBeVisible();

	// The grid says where the self-scores came from, and shows them beside the independent ones.
	await page.getByRole('link', { name: 'Go to the GAP grid' }).click();
	await waitForLive(page);
	await expect(page.getByTestId('self-score-provenance')).toContainText(`Self-help scores imported from ${selfTitle} v1 (hash ${selfHash.slice(0, 12)}`);
	await expect(page.getByTestId('self-A1')).toHaveText('4');

	// The facilitator finds A1 at level 1: three below the port's own view.
	await openElement(page, 'A1');
	await page.getByRole('group', { name: /^Current level/ }).getByRole('radio', { name: /^1 · / }).check();
	await page.getByLabel(/^Rationale/).fill('No named accountable manager; the policy is a draft.');
	await page.getByRole('button', { name: 'Save independent score' }).click();
	await expect(page.getByTestId('difference-A1')).toContainText('Differs by 3');
	await expect(page.getByTestId('difference-A1')).toContainText('Rationale needed');
	await expect(page.getByTestId('difference-summary')).toHaveText('1 element differs by 2 or more; 1 still needs a rationale.');
	await expect(page.getByTestId('panel-compare-A1')).toContainText('Differs by 3');
	await waitForLive(page);
	await shot('grid-panel', '#panel-A1');
	await page.getByRole('button', { name: 'Close' }).click();
	await page.getByLabel('Show only elements that differ by 2 or more').check();
	await expect(page.getByTestId('grid-row-A1')).toBeVisible();
	await expect(page.getByTestId('grid-row-A2')).toHaveCount(0);
	await shot('grid-summary', '[data-testid="self-score-provenance"]');
	await shot('grid-table', '#pillar-A');
	await page.getByLabel('Show only elements that differ by 2 or more').uncheck();

	// The freeze is refused, naming the element, with a link to it.
	const refusedFreeze = await openFreeze(page, reviewId, 1, 'Agreed at the closing meeting');
	await expect(page.getByTestId('pending-differences')).toContainText('A1');
	await refusedFreeze.click();
	const refusal = page.getByRole('alert').filter({ hasText: 'The record was not frozen' });
	await expect(refusal).toContainText('add a difference rationale to A1 first');
	await expect(page.getByTestId('pending-differences')).toContainText('A1 Accountable manager and senior leadership commitment · self 4, independent 1');
	await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/record$`));
	await shot('freeze-refused');

	// The link opens A1 in the grid, where the facilitator writes the difference rationale.
	await page.getByTestId('pending-differences').getByRole('link', { name: /^A1 / }).click();
	await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}\\?element=A1#grid$`));
	await waitForLive(page);
	const why = page.getByLabel("Why does the independent view differ from the port's self-assessment?");
	await why.fill('The self-assessment counted the draft security policy as adopted; the board has not approved it.');
	await page.getByRole('button', { name: 'Save difference rationale' }).click();
	await expect(page.getByTestId('difference-summary')).toHaveText('1 element differs by 2 or more; every one has a difference rationale.');
	await expect(page.getByTestId('difference-A1')).toContainText('Explained');
	await waitForLive(page);

	// Now the freeze goes through and the record carries the explanation.
	const freeze = await openFreeze(page, reviewId, 1, 'Agreed at the closing meeting');
	await expect(page.getByTestId('pending-differences')).toHaveCount(0);
	await freeze.click();
	await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/record/1\\?frozen=1$`));
	await expect(page.getByTestId('record-difference-A1')).toHaveText(
		'The self-assessment counted the draft security policy as adopted; the board has not approved it.'
	);
	await expect(page.getByTestId('record-score-difference-A1')).toContainText('Differs by 3');
	await expect(page.getByTestId('record-self-score-source')).toContainText(`Self-scores imported from ${selfTitle} version 1 (hash ${selfHash.slice(0, 12)}`);
	await shot('record-grid', '[data-testid="record-self-score-source"]');
	await shot('record-rationale', '#rationale-A1');
});
