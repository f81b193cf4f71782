// Item analysis in the production build: six learners take a quiz (each their own pattern of right
// and wrong answers, then a retry that must not count), an instructor — given the role by
// `npm run accounts:role` — reads the figures and the CSV; below 5 learners nothing is shown; a
// learner and a visitor get 404 for both. Its own server, so the test can stop it to grant the role.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { catalog, rightFields, wrongFields } from './catalog';
import { expectNoAxeViolations, postForm, signUpByRequest } from './helpers';
import { startServer, type Server } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 4;
// A quiz without an attempt limit. It draws its questions from a pool, so each question's figures
// come from the first attempts that asked it (the page's own rule).
const MODULE = [...catalog.quizzes.entries()].find(([, q]) => !q.attempts)![0];
const quiz = catalog.quizzes.get(MODULE)!;
const HEADER =
	'question_id,attempts,facility,sd,random_guess,intended_weight,effective_weight,discrimination_index,discriminative_efficiency,dubious,needs_checking';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let dataDir: string;
let server: Server;
let instructor: APIRequestContext;
const learners: APIRequestContext[] = [];
const start = () => startServer({ port: PORT, env: { DATA_DIR: dataDir } });

/** Each learner's first attempt: question id → answered right. */
const firsts: Map<string, boolean>[] = [];

/**
 * Submits the quiz with the questions in `right` (by their index in the pool) answered right and the
 * others wrong; returns what the attempt asked, question id → answered right.
 */
async function take(request: APIRequestContext, right: (i: number) => boolean) {
	const html = await (await request.get(`/modules/${MODULE}/quiz`)).text();
	const attempt = /name="attempt" value="([0-9a-f]{32})"/.exec(html)?.[1];
	expect(attempt, 'an open attempt').toBeTruthy();
	const shown = new Set([...html.matchAll(/data-question="([^"]+)"/g)].map((m) => m[1]!));
	expect(shown.size, 'the draw').toBe(quiz.draw ?? quiz.questions.length);
	const fields: [string, string][] = [['attempt', attempt!]];
	const asked = new Map<string, boolean>();
	quiz.questions.forEach((q, i) => {
		if (!shown.has(q.id)) return;
		asked.set(q.id, right(i));
		fields.push(...(right(i) ? rightFields(q) : wrongFields(q)));
	});
	const res = await postForm(request, server.url, `/modules/${MODULE}/quiz?/submit`, fields);
	expect(res.status(), 'the attempt is recorded').toBeLessThan(400);
	return asked;
}

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(600_000);
	dataDir = mkdtempSync(join(tmpdir(), 'jalons-analysis-'));
	server = await start();
	instructor = await playwright.request.newContext({ baseURL: server.url });
	const email = await signUpByRequest(instructor, server.url);
	await server.stop();
	const role = spawnSync(
		join('node_modules', '.bin', 'tsx'),
		['scripts/accounts-role.ts', email, 'instructor'],
		{ encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } }
	);
	expect(role.stdout).toBe(`${email} is now an instructor.\n`);
	server = await start();
});

test.afterAll(async () => {
	test.setTimeout(120_000);
	for (const r of [instructor, ...learners]) await r?.dispose();
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('with 4 learners the page and the CSV say how many, and show no figure', async ({
	playwright
}) => {
	for (let k = 0; k < 4; k++) {
		const r = await playwright.request.newContext({ baseURL: server.url });
		await signUpByRequest(r, server.url);
		learners.push(r);
		// Learner k gets the first k + 1 questions right: totals spread from low to high.
		firsts.push(await take(r, (i) => i <= k));
	}
	const page = (await (await instructor.get(`/teach/modules/${MODULE}/analysis`)).text()).replace(
		/\s+/g,
		' '
	);
	expect(page).toContain('4 learners have attempted this quiz so far');
	expect(page).not.toContain('Facility</a>');
	const csv = await instructor.get(`/teach/modules/${MODULE}/analysis.csv`);
	expect(csv.status()).toBe(409);
	expect(await csv.text()).toMatch(/once 5 learners have attempted this quiz \(4 so far\)/);
});

test('with 6 learners the instructor sees every question and the CSV; retries do not count', async ({
	playwright,
	page
}) => {
	for (let k = 4; k < 6; k++) {
		const r = await playwright.request.newContext({ baseURL: server.url });
		await signUpByRequest(r, server.url);
		learners.push(r);
		firsts.push(await take(r, (i) => (k === 4 ? i % 2 === 0 : i !== 0)));
	}
	// A retry with everything right: the analysis reads first attempts only.
	await take(learners[0]!, () => true);

	const csv = await instructor.get(`/teach/modules/${MODULE}/analysis.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const lines = (await csv.text()).trimEnd().split('\n');
	// The analysis this run produced, in the log (the closing notes quote it).
	console.log(`item analysis of ${MODULE} after 6 learners:\n${lines.join('\n')}`);
	expect(lines[0]).toBe(HEADER);
	expect(lines).toHaveLength(quiz.questions.length + 1);
	const rows = new Map(lines.slice(1).map((l) => [l.split(',')[0]!, l.split(',')]));
	// Each question counts the first attempts that asked it, whatever the retry did; a single-choice
	// or true/false question's facility is the share of them that answered it right.
	expect(firsts).toHaveLength(6);
	let asked = 0;
	for (const q of quiz.questions) {
		const first = firsts.filter((f) => f.has(q.id));
		asked += first.length;
		expect(rows.get(q.id)?.[1], `${q.id}: first attempts that asked it`).toBe(String(first.length));
		if (first.length > 0 && (q.type === 'single' || q.type === 'true-false'))
			expect(rows.get(q.id)?.[2], `${q.id}: facility`).toBe(
				((100 * first.filter((f) => f.get(q.id)).length) / first.length).toFixed(2)
			);
	}
	expect(asked).toBe(6 * (quiz.draw ?? quiz.questions.length));
	for (const row of rows.values()) {
		expect(row[9]).toMatch(/^(true|false)$/);
		expect(row[10]).toMatch(/^(true|false)$/);
	}

	// The page, in the browser: signed in as the instructor (the request context's cookies).
	const { cookies } = await instructor.storageState();
	await page.context().addCookies(cookies);
	await page.goto(`${server.url}/teach/modules/${MODULE}/analysis`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Quiz statistics');
	await expect(page.locator('.stats')).toContainText('Learners');
	await expect(page.locator('tbody tr')).toHaveCount(quiz.questions.length);
	// Sorting by facility, lowest first, then highest first: links that work without JavaScript.
	await page.getByRole('link', { name: 'Facility' }).click();
	await expect(page).toHaveURL(/sort=facility&dir=asc/);
	await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Facility');
	const facilities = async () =>
		(await page.locator('tbody tr td:nth-child(3)').allTextContents()).map((t) => parseFloat(t));
	const asc = await facilities();
	expect(asc).toEqual([...asc].sort((a, b) => a - b));
	await page.getByRole('link', { name: 'Facility' }).click();
	await expect(page).toHaveURL(/dir=desc/);
	const desc = await facilities();
	expect(desc).toEqual([...desc].sort((a, b) => b - a));
	await expectNoAxeViolations(page);
	if (process.env.SHOTS_DIR)
		await page.screenshot({ path: `${process.env.SHOTS_DIR}/analysis-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 375, height: 800 });
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth),
		'no sideways scroll at 375 px (the table scrolls in its own box)'
	).toBeLessThanOrEqual(375);
	await expectNoAxeViolations(page);
	if (process.env.SHOTS_DIR)
		await page.screenshot({ path: `${process.env.SHOTS_DIR}/analysis-375.png`, fullPage: true });
});

test('a learner and a visitor get 404 for the page and the CSV', async ({ playwright }) => {
	const visitor = await playwright.request.newContext({ baseURL: server.url });
	for (const r of [learners[0]!, visitor])
		for (const path of ['analysis', 'analysis.csv']) {
			const res = await r.get(`/teach/modules/${MODULE}/${path}`, { maxRedirects: 0 });
			expect(res.status(), path).toBe(404);
			expect(await res.text()).not.toContain('discrimination');
		}
	await visitor.dispose();
});
