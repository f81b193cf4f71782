// The instructor pages in French (/fr/teach/…), with and without JavaScript: cohorts, a cohort's
// dashboard, the quiz preview and its trial, the item analysis show French headings, buttons and
// form errors, keep their links in French, and have no axe-core violations. Its own server, so the
// test can stop it to give the instructor role (`npm run accounts:role`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { catalog, rightFields } from './catalog';
import { expectNoAxeViolations, signUpByRequest } from './helpers';
import { startServer, type Server } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 7;
const ROADMAP = 'mlops-engineer';
const MODULE = catalog.roadmaps
	.get(ROADMAP)!
	.phases.flatMap((p) => p.modules)
	.find((id) => catalog.quizzes.has(id))!;
const quiz = catalog.quizzes.get(MODULE)!;

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let dataDir: string;
let server: Server;
let instructorCookies: Awaited<
	ReturnType<import('@playwright/test').APIRequestContext['storageState']>
>['cookies'];
const start = () => startServer({ port: PORT, env: { DATA_DIR: dataDir } });

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(600_000);
	dataDir = mkdtempSync(join(tmpdir(), 'jalons-fr-teach-'));
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
});

test.afterAll(async () => {
	test.setTimeout(120_000);
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The page is French: its language, no English left of the interface, app links in French, and
 * (with JavaScript, which axe-core runs on) no axe violations.
 */
async function french(page: Page, english: string[], axe: boolean) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	const text = await page.locator('main').innerText();
	for (const word of english) expect(text, `no “${word}” on ${page.url()}`).not.toContain(word);
	// Every app link of the page stays in French (downloads aside).
	const links = await page
		.locator('main a[href^="/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	expect(links.filter((h) => !h.startsWith('/fr/') && !/\.(csv|json|png)(\?|$)/.test(h))).toEqual(
		[]
	);
	if (axe) await expectNoAxeViolations(page);
}

async function journey(browser: Browser, javaScriptEnabled: boolean) {
	const tag = javaScriptEnabled ? 'js' : 'nojs';
	const context = await browser.newContext({ javaScriptEnabled, baseURL: server.url });
	await context.addCookies(instructorCookies);
	const t = await context.newPage();
	try {
		// Cohorts: the list, the form and its errors.
		await t.goto('/fr/teach/cohorts');
		await expect(t.getByRole('heading', { level: 1 })).toHaveText('Vos cohortes');
		await expect(t.getByRole('heading', { name: 'Créer une cohorte' })).toBeVisible();
		await t.getByRole('button', { name: 'Créer la cohorte' }).click();
		await expect(t.getByText('Donnez un nom à la cohorte.')).toBeVisible();
		await expect(t.getByText('Choisissez au moins un parcours.')).toBeVisible();
		await french(t, ['Create', 'Your cohorts', 'Give the', 'Choose'], javaScriptEnabled);

		const name = `Cohorte ${tag}`;
		await t.getByLabel('Nom', { exact: true }).fill(name);
		await t.locator(`input[name="roadmaps"][value="${ROADMAP}"]`).check();
		await t.getByRole('button', { name: 'Créer la cohorte' }).click();
		await expect(
			t.getByRole('heading', { name: `Cohorte «\u00a0${name}\u00a0» créée` })
		).toBeVisible();
		const link = (await t.locator('.created code').textContent())!.trim();
		expect(link).toMatch(new RegExp(`^${server.url}/fr/cohorts/join/[0-9a-f]{64}$`));
		await expect(t.locator('.cohorts li', { hasText: name })).toContainText('· 0 membre');
		await french(t, ['Send this', 'copy it', 'member'], javaScriptEnabled);

		// The cohort's dashboard.
		await t.getByRole('link', { name: 'Ouvrir le tableau de bord de la cohorte' }).click();
		await t.waitForURL(/\/fr\/teach\/cohorts\/[0-9a-f-]{36}$/);
		const id = t.url().split('/').at(-1)!;
		await expect(t.getByRole('heading', { level: 1 })).toHaveText(name);
		await expect(t).toHaveTitle(`${name}\u00a0: tableau de bord de la cohorte — Jalons`);
		await expect(t.getByRole('heading', { name: 'Lien d’inscription' })).toBeVisible();
		await expect(t.getByRole('heading', { name: 'Membres', exact: true })).toBeVisible();
		await expect(t.getByText('Personne n’a encore rejoint la cohorte.')).toBeVisible();
		await expect(t.getByRole('link', { name: 'Télécharger la progression en CSV' })).toBeVisible();
		await french(t, ['Join link', 'Nobody', 'Members', 'Download', 'at risk'], javaScriptEnabled);
		await t.getByRole('button', { name: 'Créer un nouveau lien d’inscription' }).click();
		await expect(
			t.getByText('Nouveau lien d’inscription — l’ancien ne fonctionne plus.')
		).toBeVisible();
		expect((await t.locator('.link code').textContent())!.trim()).toMatch(/\/fr\/cohorts\/join\//);

		// The cohort's quiz statistics: too few learners yet, said in French.
		await t.locator(`a[href="/fr/teach/modules/${MODULE}/analysis?cohort=${id}"]`).click();
		await t.waitForURL(new RegExp(`/fr/teach/modules/${MODULE}/analysis\\?cohort=`));
		await expect(t.getByRole('heading', { level: 1 })).toContainText('Statistiques du quiz');
		await expect(t.getByText('Limité aux membres actuels de l’une de vos cohortes.')).toBeVisible();
		await expect(t.getByText('0 apprenant a tenté ce quiz jusqu’ici.')).toBeVisible();
		await expect(t.getByRole('heading', { name: 'Lire les chiffres' })).toBeVisible();
		await french(
			t,
			['Reading the figures', 'learners have', 'Back to the cohort'],
			javaScriptEnabled
		);

		// The item analysis over every learner.
		await t.getByRole('link', { name: 'Tous les apprenants' }).click();
		await t.waitForURL(new RegExp(`/fr/teach/modules/${MODULE}/analysis$`));
		await expect(t.getByRole('heading', { name: 'Lire les chiffres' })).toBeVisible();
		await expect(t.getByRole('definition').first()).toContainText('La note moyenne');
		await french(t, ['Facility', 'Discrimination', 'Quiz preview'], javaScriptEnabled);

		// The quiz preview, with every key.
		await t.getByRole('link', { name: 'Aperçu du quiz' }).click();
		await t.waitForURL(new RegExp(`/fr/teach/modules/${MODULE}/preview$`));
		await expect(t.getByRole('heading', { level: 1 })).toContainText('Aperçu du quiz\u00a0: ');
		await expect(t.getByRole('heading', { name: /^Question 1 / })).toBeVisible();
		await expect(t.getByRole('heading', { name: 'Explication' }).first()).toBeVisible();
		await expect(t.getByText('Seuil de réussite')).toBeVisible();
		await french(
			t,
			['Pass mark', 'Explanation', 'Try it', '✓ right', 'Feedback'],
			javaScriptEnabled
		);

		// Its trial, graded and stored nowhere.
		await t.getByRole('link', { name: 'L’essayer comme un apprenant' }).click();
		await t.waitForURL(new RegExp(`/fr/teach/modules/${MODULE}/preview/try$`));
		await expect(t.getByRole('heading', { level: 1 })).toContainText('Essayer le quiz\u00a0: ');
		await expect(t.getByRole('button', { name: 'Noter mes réponses' })).toBeVisible();
		await french(t, ['Preview of', 'Grade my answers', 'Try the quiz'], javaScriptEnabled);
		// Graded without JavaScript, where every answer is a plain form control (as in teach.test.ts).
		if (javaScriptEnabled) return;
		for (const [field, value] of quiz.questions.flatMap(rightFields)) {
			const input = t.locator(`[name="${field}"]`);
			const kind = await input.first().evaluate((e) => `${e.tagName}:${e.getAttribute('type')}`);
			if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox')
				await t.locator(`[name="${field}"][value="${value}"]`).check();
			else if (kind.startsWith('SELECT')) await input.selectOption(value);
			else await input.fill(value);
		}
		await t.getByRole('button', { name: 'Noter mes réponses' }).click();
		await expect(t.getByRole('heading', { name: /^[✓✗] Un apprenant/ })).toBeVisible();
		await expect(t.getByRole('link', { name: 'Réessayer' })).toBeVisible();
		await french(t, ['A learner', 'Try again', 'pass mark'], javaScriptEnabled);
	} finally {
		await context.close();
	}
}

test('the French instructor pages, with JavaScript', async ({ browser }) => {
	await journey(browser, true);
});

test('the French instructor pages, without JavaScript', async ({ browser }) => {
	await journey(browser, false);
});

test('a module without a quiz: the 404 says so in French', async () => {
	const res = await fetch(`${server.url}/fr/teach/modules/no-such-module/preview`, {
		headers: {
			accept: 'text/html',
			cookie: instructorCookies.map((c) => `${c.name}=${c.value}`).join('; ')
		}
	});
	expect(res.status).toBe(404);
	expect(await res.text()).toContain('Le module «\u00a0no-such-module\u00a0» n’a pas de quiz.');
});
