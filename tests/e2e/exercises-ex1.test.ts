// The threshold explorer (ml-basics) and the next-token sampler (nlp-fundamentals): each states a
// task and says when it is solved, through a form without JavaScript (a /tools page) and live in
// the lesson with it.
import { expect, test } from '@playwright/test';

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
