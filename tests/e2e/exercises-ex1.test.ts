// The threshold explorer (ml-basics) and the next-token sampler (nlp-fundamentals): each states a
// task and says when it is solved, through a form without JavaScript (a /tools page) and live in
// the lesson with it.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';

test.describe('threshold explorer', () => {
	const name = 'Threshold explorer: confusion matrix';

	test('without JavaScript: the form computes on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/ml-basics');
		const tool = page.getByRole('region', { name });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Not solved yet: recall 0.70');
		await tool.getByLabel('Threshold: flag as fraud when score ≥').fill('0.4');
		await tool.getByRole('button', { name: 'Compute' }).click();
		await expect(page).toHaveURL(/\/tools\/threshold\?/);
		await expect(
			page.getByRole('link', { name: /Back to “Machine-learning basics/ })
		).toBeVisible();
		await expect(
			page.getByText('At threshold 0.4: precision 0.75, recall 0.90, F1 0.82, accuracy 0.87.')
		).toBeVisible();
		await expect(page.getByRole('cell', { name: 'False positives 3' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// Bad input is named, next to its field.
		await page.goto('/tools/threshold?threshold=1.5');
		await expect(page.getByText('Threshold: give a number from 0 to 1, e.g. 0.5.')).toBeVisible();
		await page.goto('/tools/threshold?examples=' + encodeURIComponent('0.9 1\n0.8 maybe'));
		await expect(page.getByText('Examples, line 2: the label “maybe” must be 1')).toBeVisible();
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/ml-basics');
		const tool = page.getByRole('region', { name });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Compute' })).toHaveCount(0);
		const threshold = tool.getByLabel('Threshold: flag as fraud when score ≥');
		await threshold.fill('0.29');
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: recall 1.00 (needs 0.9), precision 0.67'
		);
		await threshold.fill('0.38');
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(tool.getByRole('cell', { name: 'True positives 9' })).toBeVisible();
		await expect(page).toHaveURL(/\/modules\/ml-basics$/);
	});
});

test.describe('next-token sampler', () => {
	const name = 'Next-token sampler: temperature and top-p';

	test('without JavaScript: the form computes on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/nlp-fundamentals');
		const tool = page.getByRole('region', { name });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: “a” has a chance of 0.090'
		);
		await tool.getByLabel('Top-p').fill('0.9');
		await tool.getByRole('button', { name: 'Compute' }).click();
		await expect(page).toHaveURL(/\/tools\/sampling\?/);
		await expect(
			page.getByRole('link', { name: /Back to “How language models read/ })
		).toBeVisible();
		await expect(
			page.getByText(/the sampler draws from 2 of 3 tokens, which held 91\.0 %/)
		).toBeVisible();
		await expect(page.getByRole('row', { name: /^a 0 0\.090 never/ })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// Bad input is named, next to its field.
		await page.goto('/tools/sampling?temperature=0');
		await expect(
			page.getByText('Temperature: give a number from 0.01 to 5, e.g. 0.7.')
		).toBeVisible();
		await page.goto('/tools/sampling?candidates=' + encodeURIComponent('Paris 2\nRome high'));
		await expect(
			page.getByText('Candidates, line 2: “Rome high” is not a token and a logit')
		).toBeVisible();
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/nlp-fundamentals');
		const tool = page.getByRole('region', { name });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Compute' })).toHaveCount(0);
		await tool.getByLabel('Temperature').fill('0.5');
		await expect(tool.getByRole('row', { name: /^Paris 2 0\.867/ })).toBeVisible();
		await tool.getByLabel('Top-p').fill('0.9');
		await expect(tool.getByRole('status')).toContainText(
			'a low temperature starves the second token'
		);
		await tool.getByLabel('Temperature').fill('2');
		await tool.getByLabel('Top-p').fill('0.8');
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/nlp-fundamentals$/);
	});
});
