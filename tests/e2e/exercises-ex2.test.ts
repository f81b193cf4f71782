// Exercises of the cloud-security lessons: each states a task and says when it is solved, through a
// form without JavaScript (a /tools page) and live in the lesson with it.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';

const SOLUTION = [
	'AKIA[0-9A-Z]{16}',
	'password=\\S+',
	'://[^:/\\s]+:[^@\\s]+@',
	'eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+',
	'[\\w.+-]+@[\\w-]+\\.[a-z]+',
	'-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]+-----END [A-Z ]*PRIVATE KEY-----',
	'ghp_[A-Za-z0-9]{36}'
].join('\n');

test.describe('redaction tester', () => {
	test('without JavaScript: the form redacts on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/secrets-management');
		const tool = page.getByRole('region', { name: 'Redaction tester: secrets in a log' });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Not solved yet');
		await expect(
			tool.getByText('2 of 7 secrets redacted, 1 of 9 decoys over-redacted.')
		).toBeVisible();
		await tool.getByLabel('Redaction patterns, one per line').fill(SOLUTION);
		await tool.getByRole('button', { name: 'Redact' }).click();
		await expect(page).toHaveURL(/\/tools\/redaction\?/);
		await expect(page.getByRole('link', { name: /Back to “Secrets management/ })).toBeVisible();
		await expect(
			page.getByText('7 of 7 secrets redacted, 0 of 9 decoys over-redacted.')
		).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// A pattern outside the safe syntax is named, with its line, next to the field.
		await page.goto('/tools/redaction?patterns=AKIA%5Cw%2B%0A(a%2B)%2Bb');
		await expect(
			page.getByText('Patterns, line 2: “(a+)+b” groups and alternation (“(”) are not supported')
		).toBeVisible();
		await page.goto(`/tools/redaction?patterns=${'a'.repeat(2001)}`);
		await expect(page.getByRole('alert')).toHaveText('Patterns: Use at most 2,000 characters.');
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/secrets-management');
		const tool = page.getByRole('region', { name: 'Redaction tester: secrets in a log' });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Redact' })).toHaveCount(0);
		const field = tool.getByLabel('Redaction patterns, one per line');
		await field.fill('AKIA[0-9A-Z]{16}');
		await expect(
			tool.getByText('1 of 7 secrets redacted, 0 of 9 decoys over-redacted.')
		).toBeVisible();
		await field.fill('AKIA[0-9A-Z]{16}\n(');
		await expect(tool.getByText(/^Patterns, line 2: “\(” groups/)).toBeVisible();
		await field.fill(SOLUTION);
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/secrets-management$/);
	});
});
