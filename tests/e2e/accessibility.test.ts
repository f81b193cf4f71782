import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, linksTo } from './helpers';
import { roadmapPages, sitePages } from './site-pages';

const overflow = (page: import('@playwright/test').Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('the page list covers every roadmap, module and competency the site links to', async ({
	page
}) => {
	const linked = new Set<string>();
	for (const start of ['/', '/competencies', ...roadmapPages]) {
		await page.goto(start);
		for (const prefix of ['/roadmaps/', '/modules/', '/competencies/'])
			for (const href of await linksTo(page, prefix)) linked.add(href.split('#')[0]!);
	}
	expect(linked.size).toBeGreaterThan(40);
	expect([...linked].filter((href) => !sitePages.includes(href))).toEqual([]);
});

// One test per page: axe-core at desktop width, then nothing wider than a 375 px screen.
for (const path of sitePages)
	test(`${path}: no axe-core violations, readable at 375 px`, async ({ page }) => {
		await page.goto(path);
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 375, height: 740 });
		expect(await overflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
	});

test('keyboard: the skip link comes first and moves focus to the content', async ({ page }) => {
	await page.goto('/roadmaps/cloud-security-specialist');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await page.keyboard.press('Tab');
	const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
	expect(focused).toBe(true);
});
