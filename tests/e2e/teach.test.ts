// An instructor in the production build: the role given by `npm run accounts:role` (to the
// server's own embedded database, as an operator does), the quiz preview with every key, its
// trial graded and stored nowhere; both pages without axe violations, readable at 375 px, and
// working without JavaScript. Its own server, so the test can stop it and read its database.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { catalog, rightFields } from './catalog';
import { expectNoAxeViolations, signUpByRequest } from './helpers';
import { rowCounts, startServer, withDatabase, type Server } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 3;
const SHOTS = process.env.SHOTS_DIR;
// The module whose quiz has the most question types: the preview shows each kind of key.
const MODULE = [...catalog.quizzes.entries()].sort(
	([, a], [, b]) =>
		new Set(b.questions.map((q) => q.type)).size - new Set(a.questions.map((q) => q.type)).size
)[0]![0];
const quiz = catalog.quizzes.get(MODULE)!;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let dataDir: string;
let server: Server;
let instructor: APIRequestContext;
let learner: APIRequestContext;
const start = () => startServer({ port: PORT, env: { DATA_DIR: dataDir } });

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(600_000);
	dataDir = mkdtempSync(join(tmpdir(), 'jalons-teach-'));
	server = await start();
	instructor = await playwright.request.newContext({ baseURL: server.url });
	learner = await playwright.request.newContext({ baseURL: server.url });
	const email = await signUpByRequest(instructor, server.url);
	await signUpByRequest(learner, server.url);
	expect((await instructor.get(`/teach/modules/${MODULE}/preview`)).status()).toBe(404);
	await server.stop();
	const role = spawnSync(
		join('node_modules', '.bin', 'tsx'),
		['scripts/accounts-role.ts', email, 'instructor'],
		{ encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } }
	);
	expect(role.stderr).toBe('');
	expect(role.stdout).toBe(`${email} is now an instructor.\n`);
	server = await start();
});

test.afterAll(async () => {
	test.setTimeout(120_000);
	await instructor?.dispose();
	await learner?.dispose();
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('an instructor sees every key, accepted answer and explanation; a learner still gets 404', async ({
	browser
}) => {
	const context = await browser.newContext({ storageState: await instructor.storageState() });
	const page = await context.newPage();
	const res = await page.goto(`${server.url}/teach/modules/${MODULE}/preview`);
	expect(res?.status()).toBe(200);
	const text = norm(await page.locator('main').innerText());
	await context.close();
	const missing = quiz.questions.flatMap((q) => {
		const expected = [q.id, plainRun(q.explanation)];
		if ('options' in q)
			expected.push(
				...q.options.map((o) => norm(o.text)),
				...q.options.flatMap((o) => (o.feedback ? [norm(o.feedback)] : []))
			);
		if (q.type === 'text') expected.push(...q.accept.map(norm));
		if (q.type === 'numeric') expected.push('Tolerance', 'Accepted from');
		if (q.type === 'match') expected.push(...q.pairs.map((p) => norm(p.right)));
		return expected.filter((s) => !text.includes(s)).map((s) => `${q.id}: ${s}`);
	});
	expect(missing).toEqual([]);
	expect(text).toContain('✓ right');
	expect((await learner.get(`/teach/modules/${MODULE}/preview`)).status()).toBe(404);
});

test('without JavaScript, the trial grades right answers as a pass and stores nothing', async ({
	browser
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await instructor.storageState()
	});
	const page = await context.newPage();
	await page.goto(`${server.url}/teach/modules/${MODULE}/preview`);
	await page.getByRole('link', { name: 'Try it as a learner' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Try the quiz');
	const legends = await page.locator('fieldset legend').count();
	expect(legends).toBe(quiz.questions.length);
	// Right answers filled in through the form's own controls.
	for (const [name, value] of quiz.questions.flatMap(rightFields)) {
		const field = page.locator(`[name="${name}"]`);
		const kind = await field.first().evaluate((e) => `${e.tagName}:${e.getAttribute('type')}`);
		if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox')
			await page.locator(`[name="${name}"][value="${value}"]`).check();
		else if (kind.startsWith('SELECT')) await field.selectOption(value);
		else await field.fill(value);
	}
	await page.getByRole('button', { name: 'Grade my answers' }).click();
	await expect(page.getByRole('heading', { name: '✓ A learner would pass' })).toBeVisible();
	await context.close();

	await server.stop();
	const counts = await withDatabase({ dataDir }, rowCounts);
	server = await start();
	expect({
		attempts: counts['public.quiz_attempts'],
		open: counts['public.quiz_open_attempts'],
		checks: counts['public.quiz_checks'],
		progress: counts['public.module_progress']
	}).toEqual({ attempts: 0, open: 0, checks: 0, progress: 0 });
});

for (const path of ['preview', 'preview/try'])
	test(`/teach/modules/<id>/${path}: no axe-core violations, readable at 375 px`, async ({
		browser
	}) => {
		const context = await browser.newContext({ storageState: await instructor.storageState() });
		const page = await context.newPage();
		await page.goto(`${server.url}/teach/modules/${MODULE}/${path}`);
		await expectNoAxeViolations(page);
		if (SHOTS) {
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({
				path: join(SHOTS, `${path.replace('/', '-')}-1280.png`),
				fullPage: true
			});
		}
		await page.setViewportSize({ width: 375, height: 740 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		if (SHOTS)
			await page.screenshot({
				path: join(SHOTS, `${path.replace('/', '-')}-375.png`),
				fullPage: true
			});
		await context.close();
	});

/** The longest run of a Markdown text with no Markdown syntax in it: what the page shows as is. */
function plainRun(markdown: string): string {
	return norm(
		markdown
			.split(/[`*_[\]()#>|~\\]/)
			.map(norm)
			.sort((a, b) => b.length - a.length)[0]!
	).slice(0, 40);
}
