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
