// npm run screenshots — the learner's pages as docs/screenshots/<page>-<width>-<theme>.png, at
// 1280 and 375 px, in the light and the dark theme, from the production build on a fresh embedded
// database: home (signed out), dashboard, roadmap, module, quiz result, review, public portfolio.
// A learner signs up, passes one quiz, fails another (so reviews are due), fills a profile and
// shares the portfolio. Run `npm run build` first. Screens of the viewport, not of the whole page.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { passQuiz, postForm } from '../tests/e2e/helpers';
import { startServer } from '../tests/e2e/server';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4480);
const OUT = 'docs/screenshots';
const PASSED = 'prompt-design-basics';
const FAILED = 'tokens-cost-latency';
const JOB = 'prompt-engineer';

/** Submits FAILED's quiz with nothing answered and waits for its result, scrolled into view. */
async function failQuiz(p: Page) {
	await p.goto(`/modules/${FAILED}/quiz`);
	await p.getByRole('button', { name: 'Submit my answers' }).click();
	await p.getByText('✗ Not passed yet').first().waitFor();
}

const dataDir = mkdtempSync(join(tmpdir(), 'jalons-screens-'));
const server = await startServer({ port: PORT, env: { DATA_DIR: dataDir } });
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const setup = await browser.newContext({ baseURL: server.url });
	const page = await setup.newPage();
	const email = `screens-${Date.now()}@example.org`;
	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a good long password');
	await page.getByLabel('Display name (optional)').fill('Ada Martin');
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.locator('header a[href="/account"]').first().waitFor({ state: 'attached' });
	await page.goto('/roadmaps/' + JOB);
	const follow = page.getByRole('button', { name: /Follow/ });
	if (await follow.count()) await follow.first().click();
	await passQuiz(page.request, server.url, PASSED);
	// A failed attempt (nothing answered): its questions become due for review.
	await failQuiz(page);
	await page.goto('/portfolio');
	await page.getByLabel('Headline').fill('Support lead moving into prompt engineering');
	await page.getByLabel('GitHub').fill('https://github.com/ada-martin');
	await page.getByRole('button', { name: 'Save profile' }).click();
	await postForm(page.request, server.url, `/portfolio/${JOB}?/share`, []);
	await page.goto(`/portfolio/${JOB}`);
	const publicLink = new URL(await page.getByLabel(/Public link/).inputValue()).pathname;
	const { cookies } = await setup.storageState();

	const shots: [string, string, boolean][] = [
		['home', '/', false],
		['dashboard', '/', true],
		['roadmap', `/roadmaps/${JOB}`, true],
		['module', `/modules/${FAILED}?from=${JOB}`, true],
		['quiz-result', `/modules/${FAILED}/quiz`, true],
		['review', '/review', true],
		['public-portfolio', publicLink, false]
	];
	mkdirSync(OUT, { recursive: true });
	for (const theme of ['light', 'dark'] as const)
		for (const [width, height] of [
			[1280, 800],
			[375, 812]
		] as const) {
			const context = await browser.newContext({
				baseURL: server.url,
				colorScheme: theme,
				viewport: { width, height }
			});
			for (const [name, path, signedIn] of shots) {
				await context.clearCookies();
				if (signedIn) await context.addCookies(cookies);
				const p: Page = await context.newPage();
				if (name === 'quiz-result') await failQuiz(p);
				else await p.goto(path);
				await p.waitForLoadState('networkidle');
				const file = `${OUT}/${name}-${width}-${theme}.png`;
				await p.screenshot({ path: file });
				console.log(`${file}  (${path})`);
				await p.close();
			}
			await context.close();
		}
} finally {
	await browser.close();
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
