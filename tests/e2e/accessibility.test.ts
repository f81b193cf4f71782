import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, linksTo } from './helpers';

/** Every page of the site: the fixed ones, plus each roadmap, module and competency. */
async function allPages(page: Page): Promise<string[]> {
	await page.goto('/');
	const roadmaps = await linksTo(page, '/roadmaps/');
	const modules = new Set<string>();
	for (const r of roadmaps) {
		await page.goto(r);
		for (const m of await linksTo(page, '/modules/')) modules.add(m);
	}
	await page.goto('/competencies');
	const competencies = await linksTo(page, '/competencies/');
	return [
		'/',
		'/competencies',
		'/search',
		'/search?q=prompt',
		'/search?q=zzzz',
		'/modules/no-such-module',
		...roadmaps,
		...competencies,
		...modules
	];
}

test('every page has no axe-core violations', async ({ page }) => {
	test.setTimeout(240_000);
	const pages = await allPages(page);
	expect(pages.length).toBeGreaterThan(40);
	for (const path of pages) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});

test('every page is readable at 375 px: nothing wider than the screen', async ({ browser }) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
	const page = await context.newPage();
	const pages = await allPages(page);
	for (const path of pages) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
	}
	await context.close();
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
