import { expect, test } from '@playwright/test';
import { linksTo } from './helpers';

test.use({ javaScriptEnabled: false });

test('without JavaScript: browse a roadmap, read a module, follow next, search', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Chatbot Project Manager' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Chatbot Project Manager' })
	).toBeVisible();
	await expect(page.getByRole('img', { name: /Prerequisite graph/ })).toBeVisible();

	const first = (await linksTo(page, '/modules/'))[0]!;
	await page.goto(first);
	await expect(page.locator('.lesson h2').first()).toBeVisible();
	const next = page
		.getByRole('navigation', { name: /Chatbot Project Manager roadmap/ })
		.getByRole('link', { name: /Next/ });
	await next.click();
	await expect(page.locator('.lesson h2').first()).toBeVisible();

	await page.goto('/search');
	await page.getByRole('searchbox').fill('OWASP');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('heading', { name: /results? for “OWASP”/ })).toBeVisible();
});

test('without JavaScript: a lesson component works as a form', async ({ page }) => {
	await page.goto('/modules/iam-least-privilege');
	const tool = page.getByRole('region', { name: 'Access-policy evaluator' });
	await expect(tool.getByText('Allowed', { exact: false }).first()).toBeVisible();
	await tool.getByLabel('Action').fill('s3:PutObject');
	await tool.getByRole('button', { name: 'Evaluate' }).click();
	await expect(page).toHaveURL(/\/tools\/policy-evaluator\?/);
	await expect(page.getByText('Denied implicitly (no statement allows it)')).toBeVisible();
	await expect(
		page.getByRole('link', { name: /Back to “IAM policies and least privilege”/ })
	).toHaveAttribute('href', '/modules/iam-least-privilege');

	await page.goto('/modules/tokens-cost-latency');
	const counter = page.getByRole('region', { name: 'Token counter and cost estimator' });
	await counter.getByLabel('Prompt text').fill('Hello world, hello tokens.');
	await counter.getByRole('button', { name: 'Count tokens' }).click();
	await expect(page).toHaveURL(/\/tools\/token-counter\?/);
	await expect(page.getByText(/\d+ tokens/).first()).toBeVisible();
});
