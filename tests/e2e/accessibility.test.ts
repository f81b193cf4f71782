import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, linksTo, passQuiz, signUpNew } from './helpers';
import {
	competencyPages,
	fixedPages,
	frenchPages,
	modulePages,
	roadmapPages,
	sitePages
} from './site-pages';

const overflow = (page: import('@playwright/test').Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('the page list covers every roadmap, module and competency the site links to', async ({
	page
}) => {
	const linked = new Set<string>();
	for (const start of ['/', '/competencies', ...roadmapPages]) {
		await page.goto(start);
		for (const prefix of ['/roadmaps/', '/modules/', '/competencies/'])
			for (const href of await linksTo(page, prefix)) linked.add(href.split(/[?#]/)[0]!);
	}
	expect(linked.size).toBeGreaterThan(40);
	expect([...linked].filter((href) => !sitePages.includes(href))).toEqual([]);
});

// Per page (each test small, so none depends on a fast machine): axe-core at desktop width in the
// light theme, then nothing wider than a 375 px screen and a header of at most two rows; axe in the
// dark theme as the system's (prefers-color-scheme). The switch puts data-theme="dark" on <html>,
// which selects the same colour tokens as the system's dark theme, so axe with the switch runs on
// one page of each kind: the mechanism, not the colours again (on ~120 pages it was ~100 tests
// and several minutes of CI that checked the same CSS twice).
const SWITCH_PAGES = new Set([
	...fixedPages,
	...roadmapPages,
	modulePages[0]!,
	competencyPages[0]!
]);
const DARK_PAPER = 'rgb(13, 17, 23)';
const paper = (page: import('@playwright/test').Page) =>
	page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

for (const path of sitePages) {
	test(`${path}: no axe-core violations, readable at 375 px`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(path);
		expect(await paper(page)).not.toBe(DARK_PAPER);
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 375, height: 740 });
		expect(await overflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
		const header = await page.locator('header.site').boundingBox();
		expect(header!.height, 'the header takes one or two rows at 375 px').toBeLessThanOrEqual(110);
	});

	test(`${path}: no axe-core violations in the system's dark theme`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto(path);
		expect(await paper(page)).toBe(DARK_PAPER);
		await expectNoAxeViolations(page);
	});

	if (SWITCH_PAGES.has(path))
		test(`${path}: no axe-core violations in the dark theme chosen with the switch`, async ({
			page
		}) => {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(path);
			await page
				.getByRole('group', { name: 'Colour theme' })
				.getByRole('button', { name: 'Dark' })
				.click();
			await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
			await expect.poll(() => paper(page)).toBe(DARK_PAPER);
			await expectNoAxeViolations(page);
		});
}

// Every page again in French: longer words must fit at 375 px as well; axe in the dark theme on one
// page of each kind (the colours are the same in both languages).
const FRENCH_DARK = new Set(
	[...fixedPages, ...roadmapPages, modulePages[0]!, competencyPages[0]!].map((p) =>
		p === '/' ? '/fr' : `/fr${p}`
	)
);
for (const path of frenchPages) {
	test(`${path}: in French, no axe-core violations, readable at 375 px`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 375, height: 740 });
		expect(await overflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
		const header = await page.locator('header.site').boundingBox();
		expect(header!.height, 'the header takes one or two rows at 375 px').toBeLessThanOrEqual(110);
	});
	if (FRENCH_DARK.has(path))
		test(`${path}: in French, no axe-core violations in the system's dark theme`, async ({
			page
		}) => {
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.goto(path);
			expect(await paper(page)).toBe(DARK_PAPER);
			await expectNoAxeViolations(page);
		});
}

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

// The home of a signed-in learner is their dashboard: heat map, this week, goal form, roadmaps.
test('/ signed in (the dashboard): no axe-core violations in both themes, readable at 375 px', async ({
	page
}) => {
	// Sign-up, a followed roadmap, a passed quiz, then axe twice: a long flow on a busy machine.
	test.setTimeout(240_000);
	await signUpNew(page, 'Axe Learner');
	await page.goto('/roadmaps/prompt-engineer');
	await page.getByRole('button', { name: 'Follow this roadmap' }).click();
	await expect(page.getByRole('button', { name: 'Follow this roadmap' })).toHaveCount(0);
	await passQuiz(page.request, new URL(page.url()).origin, 'nlp-fundamentals');
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 2, name: /^Welcome back/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Your roadmaps' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 375, height: 740 });
		expect(await overflow(page), `horizontal overflow, ${colorScheme}`).toBeLessThanOrEqual(0);
	}
});
