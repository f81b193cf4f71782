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
