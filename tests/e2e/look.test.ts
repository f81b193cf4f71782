// The theme switch, the mobile header, the roadmap page's order and the text bugs of issue 11.
import { expect, test, type Page } from '@playwright/test';

const theme = (page: Page) => page.locator('html').getAttribute('data-theme');
const switchTo = (page: Page, name: string) =>
	page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name }).click();

test('the theme switch works without JavaScript: a cookie, read on the server', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
	const page = await context.newPage();
	await page.goto('/roadmaps/mlops-engineer');
	expect(await theme(page)).toBe('system');
	await switchTo(page, 'Dark');
	await expect(page).toHaveURL(/\/roadmaps\/mlops-engineer$/);
	expect(await theme(page)).toBe('dark');
	await expect(
		page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Dark' })
	).toHaveAttribute('aria-pressed', 'true');
	// Kept on the next page, and back to the system's choice on request.
	await page.goto('/competencies');
	expect(await theme(page)).toBe('dark');
	await switchTo(page, 'System');
	expect(await theme(page)).toBe('system');
	expect((await context.cookies()).some((c) => c.name === 'jalons_theme')).toBe(false);
	await context.close();
});

test('a theme that is not one of the three is refused, and the one chosen stays', async ({
	page
}) => {
	await page.goto('/');
	await switchTo(page, 'Dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect
		.poll(async () => (await page.context().cookies()).some((c) => c.name === 'jalons_theme'))
		.toBe(true);
	const origin = new URL(page.url()).origin;
	const post = (theme: string, redirectTo = '/') =>
		page.request.post('/theme', {
			form: { theme, redirectTo },
			// A browser's form post without JavaScript (with `*/*` SvelteKit answers JSON, status 200).
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
	for (const bad of ['purple', 'dark\u0000', ''])
		expect((await post(bad)).status(), `theme ${JSON.stringify(bad)}`).toBe(400);
	expect((await post('light', '/a\u0000b')).status()).toBe(400);
	expect((await page.context().cookies()).find((c) => c.name === 'jalons_theme')?.value).toBe(
		'dark'
	);
	const refused = await post('purple');
	expect(await refused.text()).toContain('Choose one of System, Light, Dark.');
});

test('with JavaScript the theme switches without a reload, and is remembered', async ({ page }) => {
	await page.goto('/');
	await page.waitForFunction(() => document.querySelector('form.theme') !== null);
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
	await switchTo(page, 'Light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect
		.poll(
			async () => (await page.context().cookies()).find((c) => c.name === 'jalons_theme')?.value
		)
		.toBe('light');
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
	await page.reload();
	expect(await theme(page)).toBe('light');
});

test('at 375 px the header is one row, with a menu that opens without JavaScript', async ({
	browser
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 375, height: 740 }
	});
	const page = await context.newPage();
	await page.goto('/roadmaps/prompt-engineer');
	const header = page.locator('header.site');
	expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
	const competencies = page.getByRole('link', { name: 'Competencies' });
	await expect(competencies).toBeHidden();
	await page.getByText('Menu', { exact: true }).click();
	await expect(competencies).toBeVisible();
	expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
	await competencies.click();
	await expect(page).toHaveURL(/\/competencies$/);
	await context.close();
});

test('the roadmap page shows the path first, the job folded below, and study hours', async ({
	page
}) => {
	await page.goto('/roadmaps/prompt-engineer');
	const path = await page.getByRole('heading', { name: 'The path' }).boundingBox();
	const job = page.locator('details.about');
	expect((await job.boundingBox())!.y).toBeGreaterThan(path!.y);
	expect(await job.getAttribute('open')).toBeNull();
	await expect(page.getByText('Typical missions')).toBeHidden();
	await job.locator('summary').click();
	await expect(page.getByText('Typical missions')).toBeVisible();
	await expect(page.locator('main')).toContainText(
		/\d+ h of study · about [\d½]+ h a week for 12 months/
	);
	await expect(page.locator('main')).not.toContainText(/\d+ h \d+ min of reading/);
});

test('the prerequisite graph: no arrow crosses a box, and text keeps clear of the borders', async ({
	page
}) => {
	for (const job of [
		'prompt-engineer',
		'mlops-engineer',
		'cloud-security-specialist',
		'chatbot-project-manager'
	]) {
		await page.goto(`/roadmaps/${job}`);
		const problems = await page.locator('figure.graph svg').evaluate((svg) => {
			const out: string[] = [];
			const boxes = [...svg.querySelectorAll('g')].map((g) => {
				const r = g.querySelector('rect')!.getBoundingClientRect();
				for (const t of g.querySelectorAll('text')) {
					const b = t.getBoundingClientRect();
					if (
						b.left - r.left < 8 ||
						r.right - b.right < 8 ||
						b.top - r.top < 4 ||
						r.bottom - b.bottom < 4
					)
						out.push(`text "${t.textContent}" touches its border`);
				}
				return r;
			});
			for (const path of svg.querySelectorAll<SVGPathElement>('path.edge')) {
				const length = path.getTotalLength();
				const m = path.getScreenCTM()!;
				for (let d = 4; d < length - 4; d += 3) {
					const p = path.getPointAtLength(d).matrixTransform(m);
					const hit = boxes.find(
						(r) => p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1
					);
					if (hit) {
						out.push(`an arrow crosses a box at ${Math.round(p.x)},${Math.round(p.y)}`);
						break;
					}
				}
			}
			return out;
		});
		expect(problems, job).toEqual([]);
	}
});

test('text: joined lists have their spaces, the 404 names itself once, the TOC numbers only sections', async ({
	page
}) => {
	await page.goto('/roadmaps/prompt-engineer');
	const unlocked = await page.locator('.checklist .muted').allTextContents();
	expect(unlocked.length).toBeGreaterThan(0);
	for (const text of unlocked)
		expect(text.replace(/\s+/g, ' ')).toMatch(/^ ?Unlocked by [^,]+(, [^,]+)*\. ?$/);
	await expect(page.locator('main')).not.toContainText(/[a-z)],[A-Z]/);

	// A competency taught in more than one roadmap.
	await page.goto('/competencies');
	const links = await page
		.locator('main a[href^="/competencies/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	let seen = 0;
	for (const href of links) {
		await page.goto(href);
		const partOf = page.locator('p', { hasText: 'Part of:' });
		if ((await partOf.count()) === 0) continue;
		const text = (await partOf.textContent())!.replace(/\s+/g, ' ').trim();
		expect(text).not.toMatch(/\S,\S/);
		if (text.includes(',')) seen++;
		if (seen) break;
	}
	expect(seen, 'a competency page lists two roadmaps').toBeGreaterThan(0);

	const res = await page.goto('/no-such-page');
	expect(res!.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
	expect((await page.locator('main').textContent())!.match(/not found/gi)).toHaveLength(1);

	await page.goto('/modules/chatbot-project-lifecycle');
	const toc = page.locator('nav.toc');
	const sections = await page.locator('.lesson h2').count();
	await expect(toc.locator(':scope > ol > li')).toHaveCount(sections);
	expect(await toc.locator(':scope > ol > li ul > li').count()).toBeGreaterThan(0);
	expect(
		await toc
			.locator(':scope > ol > li ul')
			.evaluateAll((uls) => uls.every((u) => u.tagName === 'UL'))
	).toBe(true);

	for (const path of ['/tools/token-counter', '/modules/tokens-cost-latency']) {
		await page.goto(path);
		await expect(
			page.getByRole('heading', { name: 'Token counter and cost estimator' })
		).toHaveCount(1);
	}
});
