// The hands-on exercises on French lesson pages: in French, live with JavaScript and as a form to a
// /fr/tools page without it, and accessible.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, islandsLive } from './helpers';
import { SOLVED } from '../fixtures/policy-check';

const PC = 'Contrôleur d’admission : un Pod face aux politiques du cluster';
const TC = 'Compteur de jetons et estimateur de coût';
const IS = 'Repérez l’attaque';
const DC = 'Calculateur de dérive : PSI et Kolmogorov–Smirnov';

const region = (page: Page, name: string) => page.getByRole('region', { name });

test.describe('exercises in French', () => {
	test('admission checker: live, in French, from not solved to solved', async ({ page }) => {
		await page.goto('/fr/modules/policy-as-code');
		const tool = region(page, PC);
		await islandsLive(page);
		await expect(tool.getByText('Votre tâche :')).toBeVisible();
		await expect(tool.getByText('0 sur 8 politiques respectées')).toBeVisible();
		await expect(tool.getByText('Deny : 10 violations')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Pas encore résolu : 10 refus et 3 avertissements.'
		);
		await expect(tool.getByRole('button', { name: 'Vérifier l’admission' })).toHaveCount(0);
		await tool.getByLabel('Manifeste du Pod (YAML)').fill(SOLVED);
		await expect(tool.getByText('8 sur 8 politiques respectées')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Résolu.');
		await expectNoAxeViolations(page);
	});

	test('admission checker without JavaScript: the /fr/tools page answers in French', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/fr/modules/policy-as-code');
		const tool = region(page, PC);
		await expect(tool.getByText('Votre tâche :')).toBeVisible();
		await tool.getByLabel('Manifeste du Pod (YAML)').fill(SOLVED);
		await tool.getByRole('button', { name: 'Vérifier l’admission' }).click();
		await expect(page).toHaveURL(/\/fr\/tools\/policy-checker\?/);
		await expect(page.getByText('8 sur 8 politiques respectées')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Résolu.');
		await context.close();
	});

	test('the /fr/tools page of the admission checker has no axe violations', async ({ page }) => {
		await page.goto('/fr/tools/policy-checker?manifest=' + encodeURIComponent(SOLVED));
		await expect(page.getByRole('status')).toContainText('Résolu.');
		await expectNoAxeViolations(page);
	});

	test('token counter: live and as a form, in French', async ({ page, browser }) => {
		await page.goto('/fr/modules/tokens-cost-latency');
		const tool = region(page, TC);
		await islandsLive(page);
		await expect(tool.getByText('Votre tâche :')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Pas encore résolu : 152 jetons, 77 de plus'
		);
		await expect(tool.getByText(/^Coût : [\d,]+ \$ par appel/)).toBeVisible();
		await expect(tool.getByRole('button', { name: 'Compter les jetons' })).toBeVisible();
		await expectNoAxeViolations(page);

		const context = await browser.newContext({ javaScriptEnabled: false });
		const nojs = await context.newPage();
		await nojs.goto('/fr/modules/tokens-cost-latency');
		const form = region(nojs, TC);
		await form.getByLabel('Texte du prompt').fill('Only orders. Ask the order number.');
		await form.getByRole('button', { name: 'Compter les jetons' }).click();
		await expect(nojs).toHaveURL(/\/fr\/tools\/token-counter\?/);
		await expect(nojs.getByText(/jetons pour \d+ caractères et \d+ mots/)).toBeVisible();
		await expect(nojs.getByRole('status')).toContainText(/Pas encore résolu : \d règles perdues\./);
		const answered = nojs.url();
		await context.close();
		// axe runs in the page: it checks the same /fr/tools address with JavaScript.
		await page.goto(answered);
		await expectNoAxeViolations(page);
	});

	test('spot the attack: live and as a form, in French', async ({ page, browser }) => {
		await page.goto('/fr/modules/prompt-injection');
		const tool = region(page, IS);
		await islandsLive(page);
		await expect(tool.getByText('Votre tâche :')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Pas encore résolu : 0 sur');
		await tool.getByLabel('Tentative d’injection').first().check();
		await expect(tool.getByRole('status')).toContainText('Pas encore résolu : 1 sur');
		await expectNoAxeViolations(page);

		const context = await browser.newContext({ javaScriptEnabled: false });
		const nojs = await context.newPage();
		await nojs.goto('/fr/modules/prompt-injection');
		const form = region(nojs, IS);
		await form.getByLabel('Sûr à traiter').first().check();
		await form.getByRole('button', { name: 'Vérifier mes réponses' }).click();
		await expect(nojs).toHaveURL(/\/fr\/tools\/spot-the-attack\?/);
		await expect(nojs.getByText('bien repérés.')).toBeVisible();
		await expect(nojs.getByRole('status')).toContainText('Pas encore résolu');
		const answered = nojs.url();
		await context.close();
		// axe runs in the page: it checks the same /fr/tools address with JavaScript.
		await page.goto(answered);
		await expectNoAxeViolations(page);
	});

	test('drift calculator: live and as a form, in French, with French numbers', async ({
		page,
		browser
	}) => {
		await page.goto('/fr/modules/model-drift');
		const tool = region(page, DC);
		await islandsLive(page);
		await expect(tool.getByText('Votre tâche :')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			/Pas encore résolu : le PSI à 4 classes vaut \d,\d{3} \(il faut 0,25\)/
		);
		await expect(tool.getByRole('columnheader', { name: 'Classe', exact: true })).toBeVisible();
		await expectNoAxeViolations(page);

		const context = await browser.newContext({ javaScriptEnabled: false });
		const nojs = await context.newPage();
		await nojs.goto('/fr/modules/model-drift');
		const form = region(nojs, DC);
		await form.getByLabel('Classes aux quantiles de référence').selectOption('4');
		await form.getByRole('button', { name: 'Calculer' }).click();
		await expect(nojs).toHaveURL(/\/fr\/tools\/drift\?/);
		await expect(nojs.getByText(/à 4 classes : /)).toBeVisible();
		await expect(nojs.getByRole('status')).toContainText('Pas encore résolu');
		const answered = nojs.url();
		await context.close();
		// axe runs in the page: it checks the same /fr/tools address with JavaScript.
		await page.goto(answered);
		await expectNoAxeViolations(page);
	});
});

// What each exercise's own code says of a wrong input, on its /fr/tools page (the form a page
// without JavaScript submits): French, with the line it is about.
const WRONG: [tool: string, query: Record<string, string>, error: RegExp][] = [
	[
		'policy-checker',
		{ manifest: 'apiVersion: v1\nkind: Pod\n\tmetadata: {}' },
		/Manifeste, ligne 3 : indentez avec des espaces/
	],
	[
		'flow-checker',
		{ flow: 'start: greet\nend: done\ngreet -> done' },
		/Flux, ligne 3 : écrivez « état -> état : intention »/
	],
	[
		'redaction',
		{ patterns: 'AKIA[A-Z0-9]{16}\n(a|b)' },
		/Motifs, ligne 2 : « \(a\|b\) » — les groupes et l’alternance/
	],
	[
		'threshold',
		{ examples: '0.9 1\n0.2 0\nabc\n0.4 0' },
		/Exemples, ligne 3 : « abc » n’est pas un score suivi d’une étiquette/
	],
	['drift', { reference: '1, 2, x', current: '1, 2, 3' }, /« x » n’est pas un nombre/],
	[
		'policy-evaluator',
		{ policy: '{"Version": "2012-10-17",', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
		/La politique n’est pas un JSON valide : /
	]
];

test.describe('exercise errors in French, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	for (const [tool, query, error] of WRONG)
		test(`/fr/tools/${tool}: a wrong input gets its error in French`, async ({ page }) => {
			const res = await page.goto(`/fr/tools/${tool}?${new URLSearchParams(query)}`);
			expect(res?.status()).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			await expect(page.getByText(error)).toBeVisible();
			// The English page says it in English: the same code, in the request's language.
			await page.goto(`/tools/${tool}?${new URLSearchParams(query)}`);
			await expect(page.getByText(error)).toHaveCount(0);
		});
});
