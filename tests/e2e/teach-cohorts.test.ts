// Cohorts in the production build, with and without JavaScript: an instructor (given the role by
// `npm run accounts:role`) creates a cohort, a learner follows its join link, sees what will be
// shared, joins, passes a quiz; the dashboard and the CSV show it; the learner leaves and the
// instructor no longer sees them. Its own server, so the test can stop it to grant the role.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { catalog } from './catalog';
import { expectNoAxeViolations, passQuiz, signUpByRequest, signUpNew } from './helpers';
import { startServer, type Server } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 6;
const ROADMAP = 'mlops-engineer';
const roadmap = catalog.roadmaps.get(ROADMAP)!;
const MODULE = roadmap.phases.flatMap((p) => p.modules).find((id) => catalog.quizzes.has(id))!;
// SHOTS=<dir> takes screenshots of each page at 1280 and 375 px, light and dark, for a human to look at.
const SHOTS = process.env.SHOTS;

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let dataDir: string;
let server: Server;
let instructorCookies: Awaited<
	ReturnType<import('@playwright/test').APIRequestContext['storageState']>
>['cookies'];
const start = () => startServer({ port: PORT, env: { DATA_DIR: dataDir } });

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(600_000);
	dataDir = mkdtempSync(join(tmpdir(), 'jalons-cohorts-'));
	server = await start();
	const instructor = await playwright.request.newContext({ baseURL: server.url });
	const email = await signUpByRequest(instructor, server.url);
	instructorCookies = (await instructor.storageState()).cookies;
	await instructor.dispose();
	await server.stop();
	const role = spawnSync(
		join('node_modules', '.bin', 'tsx'),
		['scripts/accounts-role.ts', email, 'instructor'],
		{ encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } }
	);
	expect(role.stdout).toBe(`${email} is now an instructor.\n`);
	server = await start();
	if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
	test.setTimeout(120_000);
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function look(page: Page, name: string) {
	await expectNoAxeViolations(page);
	const wide = page.viewportSize()!;
	await page.setViewportSize({ width: 375, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > document.documentElement.clientWidth
	);
	expect(overflow, `${name} fits 375 px`).toBe(false);
	await page.emulateMedia({ colorScheme: 'dark' });
	await expectNoAxeViolations(page);
	if (SHOTS)
		for (const scheme of ['light', 'dark'] as const)
			for (const width of [1280, 375]) {
				await page.emulateMedia({ colorScheme: scheme });
				await page.setViewportSize({ width, height: 900 });
				await page.screenshot({
					path: join(SHOTS, `${name}-${width}-${scheme}.png`),
					fullPage: true
				});
			}
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize(wide);
}

const csvOf = async (page: Page, id: string) => {
	const res = await page.request.get(`${server.url}/teach/cohorts/${id}/progress.csv`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/csv');
	return (await res.text()).trim().split('\n');
};

async function journey(browser: Browser, javaScriptEnabled: boolean) {
	const tag = javaScriptEnabled ? 'js' : 'nojs';
	const teach = await browser.newContext({ javaScriptEnabled, baseURL: server.url });
	await teach.addCookies(instructorCookies);
	const t = await teach.newPage();
	const learnerContext = await browser.newContext({ javaScriptEnabled, baseURL: server.url });
	const l = await learnerContext.newPage();
	try {
		// A cohort without a name or a roadmap is refused, next to the fields.
		await t.goto('/teach/cohorts');
		await t.getByRole('button', { name: 'Create the cohort' }).click();
		await expect(t.getByText('Give the cohort a name.')).toBeVisible();
		await expect(t.getByText('Choose at least one roadmap.')).toBeVisible();

		const name = `Cohort ${tag}`;
		await t.getByLabel('Name').fill(name);
		await t.getByLabel(roadmap.title).check();
		await t.getByRole('button', { name: 'Create the cohort' }).click();
		const link = (await t.locator('.created code').textContent())!.trim();
		expect(link).toMatch(new RegExp(`^${server.url}/cohorts/join/[0-9a-f]{64}$`));
		if (javaScriptEnabled) await look(t, 'teach-cohorts');
		await t.getByRole('link', { name: "Open the cohort's dashboard" }).click();
		await t.waitForURL(/\/teach\/cohorts\/[0-9a-f-]{36}$/);
		const id = t.url().split('/').at(-1)!;
		await expect(t.getByText('Nobody has joined yet.')).toBeVisible();

		// The learner follows the link: the preview, then Join.
		await signUpNew(l, `Learner ${tag}`);
		await l.goto(link);
		await expect(l.getByRole('heading', { level: 1 })).toContainText(name);
		await expect(l.getByText(`Learner ${tag}`, { exact: true })).toBeVisible();
		await expect(l.getByRole('row', { name: catalog.modules.get(MODULE)!.title })).toContainText(
			'Not started'
		);
		if (javaScriptEnabled) await look(l, 'join');
		await l.getByRole('button', { name: 'Join the cohort' }).click();
		await expect(l).toHaveURL(/\/account\?joined=1#cohorts$/);
		await expect(l.getByRole('button', { name: `Leave ${name}` })).toBeVisible();
		if (javaScriptEnabled) await look(l, 'account');

		await passQuiz(l.request, server.url, MODULE);

		await t.reload();
		const card = t.locator('.members li', { hasText: `Learner ${tag}` });
		await expect(card).toBeVisible();
		await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
		await expect(t.getByRole('row', { name: new RegExp(`Learner ${tag}`) })).toContainText(
			'Passed'
		);
		await expect(t.getByText(/@example\.org/)).toHaveCount(0);
		if (javaScriptEnabled) await look(t, 'dashboard');
		const csv = await csvOf(t, id);
		expect(csv[0]).toBe(
			'member,email,joined,last_activity,readiness,at_risk,module_id,status,best_score'
		);
		expect(csv).toContainEqual(
			expect.stringMatching(new RegExp(`^Learner ${tag},,.*,no,${MODULE},passed,100$`))
		);

		// The learner leaves: at once, the instructor sees nothing of them.
		await l.goto('/account');
		await l.getByRole('button', { name: `Leave ${name}` }).click();
		await expect(l.getByText('You left the cohort')).toBeVisible();
		await t.reload();
		await expect(t.getByText('Nobody has joined yet.')).toBeVisible();
		await expect(t.getByText(`Learner ${tag}`)).toHaveCount(0);
		expect(await csvOf(t, id)).toHaveLength(1);

		// A new link: the old one stops working.
		await t.getByRole('button', { name: 'Make a new join link' }).click();
		const fresh = (await t.locator('.link code').textContent())!.trim();
		expect(fresh).not.toBe(link);
		expect((await l.goto(link))!.status()).toBe(404);
		expect((await l.goto(fresh))!.status()).toBe(200);

		// The learner cannot open the dashboard, the CSV or the cohort's item analysis.
		for (const path of [
			`/teach/cohorts/${id}`,
			`/teach/cohorts/${id}/progress.csv`,
			`/teach/modules/${MODULE}/analysis?cohort=${id}`
		])
			expect((await l.request.get(path)).status(), path).toBe(404);
	} finally {
		await teach.close();
		await learnerContext.close();
	}
}

test('with JavaScript: create, join, pass, see, leave', async ({ browser }) => {
	await journey(browser, true);
});

test('without JavaScript: create, join, pass, see, leave', async ({ browser }) => {
	await journey(browser, false);
});
