// The hands-on exercises of the lessons: each states a task and says when it is solved, through a
// form without JavaScript (a /tools page) and live in the lesson with it.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';
import { DEFAULT_REFERENCE, parseSample } from '../../src/lib/lessons/drift';

const reference = (() => {
	const s = parseSample(DEFAULT_REFERENCE, 'r');
	if (!('values' in s)) throw new Error(s.error);
	return s.values;
})();
const mean = reference.reduce((a, b) => a + b, 0) / reference.length;
/** The same mean, more than twice the spread: a major shift that averages do not show. */
const wider = reference
	.map((x) => (Math.round((mean + (x - mean) * 2.2) * 10) / 10).toFixed(1))
	.join(', ');

test.describe('drift calculator', () => {
	test('without JavaScript: the form computes on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/model-drift');
		const tool = page.getByRole('region', { name: 'Drift calculator: PSI and Kolmogorov–Smirnov' });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByText('Not solved yet')).toBeVisible();
		await tool.getByLabel('Current window (e.g. this week), numbers').fill(wider);
		await tool.getByLabel('Bins at reference quantiles').selectOption('4');
		await tool.getByRole('button', { name: 'Compute' }).click();
		await expect(page).toHaveURL(/\/tools\/drift\?/);
		await expect(page.getByRole('link', { name: /Back to “Detecting model drift/ })).toBeVisible();
		await expect(page.getByText('PSI = 0.757 at 4 bins: major shift (above 0.25).')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// A window that is not numbers is named, next to its field.
		await page.goto('/tools/drift?current=1,2,three&bins=4');
		await expect(page.getByText('Current window: “three” is not a number')).toBeVisible();
		await page.goto('/tools/drift?bins=7');
		await expect(page.getByRole('alert')).toHaveText('Bins: Choose 4, 5, 10 bins.');
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/model-drift');
		const tool = page.getByRole('region', { name: 'Drift calculator: PSI and Kolmogorov–Smirnov' });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Compute' })).toHaveCount(0);
		await expect(tool.getByText(/^PSI = 0\.387 at 10 bins: major shift/)).toBeVisible();
		await tool.getByLabel('Bins at reference quantiles').selectOption('4');
		await expect(tool.getByText(/^PSI = 0\.106 at 4 bins: moderate shift/)).toBeVisible();
		await tool.getByLabel('Current window (e.g. this week), numbers').fill(wider);
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/model-drift$/);
	});
});
