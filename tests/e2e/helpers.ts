import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails with the list of violations, so a failing run says what to fix. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 5)
				.join(', ')}`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Links on the current page whose href starts with the prefix, deduplicated, in page order. */
export async function linksTo(page: Page, prefix: string): Promise<string[]> {
	const hrefs = await page
		.locator(`main a[href^="${prefix}"]`)
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	return [...new Set(hrefs)];
}

/** Creates a fresh account (and signs in as it); returns its email. */
export async function signUpNew(page: Page, displayName?: string): Promise<string> {
	const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a good long password');
	if (displayName) await page.getByLabel('Display name (optional)').fill(displayName);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('link', { name: 'Account', exact: true })).toBeVisible();
	return email;
}

/**
 * Holds back the app's JavaScript until the returned function is called: what a user does before
 * the page comes alive (hydration) can then be tested.
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}
