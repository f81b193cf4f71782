// The serving planner (model-serving): states a task and says when it is solved, through a form
// without JavaScript (a /tools page) and live in the lesson with it. Figures from
// tests/unit/serving.test.ts (Python): 3 replicas, batches up to 8, 50 ms wait: 91.75 ms, ρ 61.4 %.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';

const name = 'Serving planner: batching, replicas and latency';

test.describe('serving planner', () => {
	test('without JavaScript: the form plans on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/model-serving');
		const tool = page.getByRole('region', { name });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByText('Each of 2 replicas receives 200.0 requests/s.')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: batches leave before they fill.'
		);
		await tool.getByLabel('Maximum wait (ms)').fill('50');
		await tool.getByLabel('Replicas', { exact: true }).fill('3');
		await tool.getByRole('button', { name: 'Plan' }).click();
		await expect(page).toHaveURL(/\/tools\/serving-planner\?/);
		await expect(
			page.getByRole('link', { name: /Back to “Model deployment and serving/ })
		).toBeVisible();
		await expect(page.getByText('Estimated mean latency 91.8 ms')).toBeVisible();
		await expect(page.getByText('Utilisation ρ 61.4 %')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// A value out of range is named next to its field; a NUL character is refused.
		await page.goto('/tools/serving-planner?replicas=0');
		await expect(
			page.getByText('Replicas: give a whole number from 1 to 100, e.g. 3.')
		).toBeVisible();
		await page.goto('/tools/serving-planner?rps=4%000');
		await expect(page.getByRole('alert')).toHaveText(
			'Traffic: Remove the NUL character (U+0000) from this text: it cannot be stored.'
		);
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/model-serving');
		const tool = page.getByRole('region', { name });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Plan' })).toHaveCount(0);
		const wait = tool.getByLabel('Maximum wait (ms)');
		const replicas = tool.getByLabel('Replicas', { exact: true });
		await wait.fill('35');
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: estimated mean 217.7 ms (needs ≤ 100), utilisation 90.0 %'
		);
		await replicas.fill('4');
		await expect(tool.getByRole('status')).toContainText(
			'the target holds with 4 replicas ($8.00 an hour), but fewer can meet it too'
		);
		await replicas.fill('3');
		await wait.fill('50');
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/model-serving$/);
	});
});
