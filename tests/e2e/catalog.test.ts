import { expect, test } from '@playwright/test';
import { holdScripts, islandsLive, linksTo } from './helpers';

test('home → roadmap → module → next module', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const jobs = page.getByRole('heading', { level: 3 });
	await expect(jobs).toHaveCount(4);
	await page.getByRole('link', { name: 'Prompt Engineer' }).click();
	await expect(page).toHaveURL(/\/roadmaps\/prompt-engineer$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Prompt Engineer' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Foundations/ })).toBeVisible();

	const first = (await linksTo(page, '/modules/'))[0]!;
	await page.locator(`main a[href="${first}"]`).first().click();
	await expect(page).toHaveURL((u) => `${u.pathname}${u.search}` === first);
	const title = await page.getByRole('heading', { level: 1 }).textContent();
	expect(title?.length).toBeGreaterThan(3);
	await expect(
		page.getByRole('navigation', { name: 'On this page' }).or(page.locator('nav.toc'))
	).toBeVisible();

	const next = page
		.getByRole('navigation', { name: /Prompt Engineer roadmap/ })
		.getByRole('link', { name: /Next/ });
	const nextHref = await next.getAttribute('href');
	await next.click();
	await expect(page).toHaveURL((u) => `${u.pathname}${u.search}` === nextHref);
	const nextTitle = await page.getByRole('heading', { level: 1 }).textContent();
	expect(nextTitle).not.toBe(title);
	await expect(
		page
			.getByRole('navigation', { name: /Prompt Engineer roadmap/ })
			.getByRole('link', { name: /Previous/ })
	).toHaveAttribute('href', first);
});

test('the table of contents links to headings in the lesson', async ({ page }) => {
	await page.goto('/roadmaps/mlops-engineer');
	const first = (await linksTo(page, '/modules/'))[0]!;
	await page.goto(first);
	const entries = page.locator('nav.toc a');
	expect(await entries.count()).toBeGreaterThan(2);
	for (const href of await entries.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
		await expect(page.locator(`.lesson [id="${href.slice(1)}"]`), `anchor ${href}`).toHaveCount(1);
	}
});

test('code blocks are highlighted on the server', async ({ page }) => {
	await page.goto('/roadmaps/prompt-engineer');
	for (const href of await linksTo(page, '/modules/')) {
		await page.goto(href);
		if ((await page.locator('.lesson pre code').count()) > 0) {
			await expect(page.locator('.lesson pre .token').first()).toBeAttached();
			return;
		}
	}
	throw new Error('no module of the Prompt Engineer roadmap has a code block');
});

test('competencies list the modules that teach them', async ({ page }) => {
	await page.goto('/competencies');
	await page.getByRole('link', { name: 'NLP fundamentals' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'NLP fundamentals' })).toBeVisible();
	expect((await linksTo(page, '/modules/')).length).toBeGreaterThan(0);
});

test('search finds modules', async ({ page }) => {
	await page.goto('/search');
	await page.getByLabel('Search modules, roadmaps and competencies').fill('kubernetes');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/search\?q=kubernetes/);
	await expect(page.getByRole('heading', { name: /results? for “kubernetes”/ })).toBeVisible();
	expect((await linksTo(page, '/modules/')).length).toBeGreaterThan(0);
});

for (const path of [
	'/modules/no-such-module',
	'/roadmaps/astronaut',
	'/competencies/juggling',
	'/no/such/page'
]) {
	test(`unknown ${path} is a 404 page that helps`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
		await expect(page.getByRole('searchbox')).toBeVisible();
		await expect(page.getByRole('main').getByRole('link', { name: 'roadmaps' })).toHaveAttribute(
			'href',
			'/'
		);
	});
}

test('what a learner types in a lesson component before it comes alive is kept', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/modules/tokens-cost-latency', { waitUntil: 'domcontentloaded' });
	const counter = page.getByRole('region', { name: 'Token counter and cost estimator' });
	await counter.getByLabel('Prompt text').fill('one two three four five');
	release();
	await page.waitForLoadState('networkidle');
	await expect(counter.getByLabel('Prompt text')).toHaveValue('one two three four five');
	await expect(counter.getByText(/^5 tokens$/)).toBeVisible();
});

test('a learner typing as the component comes alive keeps the focus and the caret', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/modules/tokens-cost-latency', { waitUntil: 'domcontentloaded' });
	const counter = page.getByRole('region', { name: 'Token counter and cost estimator' });
	await counter.getByLabel('Prompt text').fill('one two three');
	await counter.getByLabel('Prompt text').press('Home');
	release();
	await islandsLive(page);
	// The field was replaced by its live twin: keys still go to it, where the caret was.
	await page.keyboard.type('zero ');
	await expect(counter.getByLabel('Prompt text')).toHaveValue('zero one two three');
	await expect(counter.getByText(/^4 tokens$/)).toBeVisible();
});

test('a radio chosen before the component comes alive stays the only one chosen', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/modules/prompt-injection', { waitUntil: 'domcontentloaded' });
	const spot = page.getByRole('region', { name: 'Spot the attack' });
	await spot.getByRole('group').nth(1).getByLabel('Safe to process').check();
	release();
	await page.waitForLoadState('networkidle');
	await expect(spot.getByRole('button', { name: 'Check my answers' })).toBeHidden();
	await expect(spot.locator('input:checked')).toHaveCount(1);
	await expect(spot.getByRole('group').nth(1).getByLabel('Safe to process')).toBeChecked();
	await expect(spot.getByRole('status')).toContainText('1 of 6 answered');
});

test('lesson components respond as the learner types', async ({ page }) => {
	await page.goto('/modules/tokens-cost-latency', { waitUntil: 'networkidle' });
	await islandsLive(page);
	const counter = page.getByRole('region', { name: 'Token counter and cost estimator' });
	await counter.getByLabel('Prompt text').fill('one two three four five six seven eight nine ten');
	await expect(counter.getByText(/^10 tokens$/)).toBeVisible();
	await expect(counter.getByText(/per 30 days/)).toBeVisible();

	await page.goto('/modules/llm-evaluation', { waitUntil: 'networkidle' });
	await islandsLive(page);
	const calc = page.getByRole('region', { name: 'BLEU and ROUGE calculator' });
	await calc.getByLabel("Candidate (the model's output)").fill('the cat sat on the mat');
	await calc.getByLabel('Reference (what a good answer says)').fill('the cat sat on the mat');
	await expect(calc.getByRole('row', { name: /BLEU-4/ })).toContainText('1.000');

	await page.goto('/modules/prompt-injection', { waitUntil: 'networkidle' });
	await islandsLive(page);
	const spot = page.getByRole('region', { name: 'Spot the attack' });
	await spot
		.getByRole('group', { name: /customer email to summarise/ })
		.first()
		.getByLabel('Safe to process')
		.check();
	await expect(spot.getByText(/^Right|^Not quite/).first()).toBeVisible();
});
