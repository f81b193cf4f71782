// The catalog pages in French (/fr/…): the interface around the catalog's texts is French, with
// JavaScript and without, it passes axe, and its links keep the reader on French pages.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signUpNew } from './helpers';

const PAGES: {
	path: string;
	h1: RegExp;
	check: (page: Page) => Promise<void>;
}[] = [
	{
		path: '/fr',
		h1: /^Des jalons vers votre prochain métier du numérique$/,
		check: async (page) => {
			await expect(
				page.getByRole('heading', { level: 2, name: 'Choisissez un métier cible' })
			).toBeVisible();
			await expect(page.locator('main')).toContainText(
				/h d’étude · environ .* par semaine pendant 12 mois/
			);
			await expect(page.locator('main')).toContainText(
				/métiers cibles · \d+ modules · \d+ compétences/
			);
			await expect(page.getByRole('link', { name: 'Prompt Engineer' })).toHaveAttribute(
				'href',
				'/fr/roadmaps/prompt-engineer'
			);
		}
	},
	{
		path: '/fr/roadmaps/prompt-engineer',
		h1: /^Prompt Engineer$/,
		check: async (page) => {
			await expect(page.getByRole('navigation', { name: 'Fil d’Ariane' })).toContainText(
				'Parcours'
			);
			for (const name of ['Votre progression', 'L’itinéraire', 'Compétences couvertes'])
				await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
			await expect(page.getByRole('heading', { level: 3, name: /^Étape 1 · / })).toBeVisible();
			await expect(page.getByText(/^Le métier\s?: le rôle d’un Prompt Engineer$/)).toBeVisible();
			await expect(
				page.getByRole('img', { name: /^Graphe des prérequis du parcours/ })
			).toBeAttached();
			await expect(page.getByRole('link', { name: 'Créez un compte' })).toHaveAttribute(
				'href',
				'/fr/signup?redirectTo=/fr/roadmaps/prompt-engineer'
			);
			await expect(page.locator('main')).toContainText('Prérequis');
		}
	},
	{
		path: '/fr/modules/prompt-injection',
		h1: /injection de prompt/,
		check: async (page) => {
			await expect(page.getByRole('heading', { level: 2, name: 'Sur cette page' })).toBeVisible();
			await expect(page.locator('.facts')).toContainText('Niveau');
			await expect(page.locator('.facts')).toContainText('Durée');
			await expect(page.locator('.facts')).toContainText(/Mis à jour \d+ [a-zéû]+ \d{4}/);
			await expect(page.locator('.quiz-facts')).toContainText(
				/^Un quiz de \d+ questions · seuil de réussite \d+ % · environ \d+ min/
			);
			await expect(page.getByRole('link', { name: 'Essayer le quiz' }).first()).toHaveAttribute(
				'href',
				'/fr/modules/prompt-injection/quiz'
			);
			const pager = page.getByRole('navigation', {
				name: /^Parcours Prompt Engineer\s?: module précédent et suivant$/
			});
			await expect(pager.getByRole('link', { name: /Suivant →/ })).toHaveAttribute(
				'href',
				/^\/fr\/modules\/[a-z0-9-]+\?from=prompt-engineer$/
			);
			await expect(pager.getByRole('link', { name: /← Précédent/ })).toBeVisible();
			// Every module is translated today: no note that this one is shown in English.
			await expect(page.locator('.fallback')).toHaveCount(0);
		}
	},
	{
		path: '/fr/competencies',
		h1: /^Compétences$/,
		check: async (page) => {
			await expect(
				page.getByRole('heading', { level: 2, name: 'Ingénierie de prompt' })
			).toBeVisible();
			await expect(
				page.getByRole('heading', { level: 2, name: 'Sécurité du cloud' })
			).toBeVisible();
			await expect(page.locator('main')).toContainText(/\(\d+ modules?\)/);
		}
	},
	{
		path: '/fr/search?q=jeton',
		h1: /^Recherche$/,
		check: async (page) => {
			await expect(
				page.getByRole('heading', { level: 2, name: /^\d+ résultats? pour «\s?jeton\s?»$/ })
			).toBeVisible();
			const result = page.locator('.results a', { hasText: 'Jetons, coût et latence' });
			await expect(result).toHaveAttribute('href', /^\/fr\/modules\//);
			await expect(page.locator('.results .kind').first()).toHaveText(
				/^(Module|Parcours|Compétence)$/
			);
			await expect(page).toHaveTitle(/^«\s?jeton\s?» — recherche — Jalons$/);
		}
	}
];

/**
 * App links in the page's main content that leave the French pages (none should). The live lesson
 * components (`.island`, src/lib/components/lesson/) are another part of the translation and are
 * left out; their server-rendered copies, which a reader without JavaScript gets, are checked.
 */
async function englishLinks(page: Page): Promise<string[]> {
	const hrefs = await page
		.locator('main a[href^="/"], main form[action^="/"]')
		.evaluateAll((els) =>
			els
				.filter((e) => !e.closest('.island'))
				.map((e) => e.getAttribute(e.tagName === 'FORM' ? 'action' : 'href')!)
		);
	return hrefs.filter(
		(h) =>
			!/^\/fr(\/|\?|#|$)/.test(h) &&
			!h.startsWith('/_app/') &&
			!/\.(json|csv|png|svg|ico|txt)(\?|#|$)/.test(h)
	);
}

for (const p of PAGES) {
	test(`${p.path} in French, with JavaScript: headings, links, axe`, async ({ page }) => {
		await page.goto(p.path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.h1);
		await p.check(page);
		expect(await englishLinks(page)).toEqual([]);
		await expectNoAxeViolations(page);
	});

	test(`${p.path} in French, without JavaScript`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(p.path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.h1);
		await p.check(page);
		expect(await englishLinks(page)).toEqual([]);
		await context.close();
	});
}

test('a French link leads to a French page', async ({ page }) => {
	await page.goto('/fr');
	await page.getByRole('link', { name: 'Prompt Engineer' }).click();
	await expect(page).toHaveURL(/\/fr\/roadmaps\/prompt-engineer$/);
	await page.locator('main a[href^="/fr/modules/"]').first().click();
	await expect(page).toHaveURL(/\/fr\/modules\/[a-z0-9-]+\?from=prompt-engineer$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Sur cette page' })).toBeVisible();
	await page.locator('main .chips a').first().click();
	await expect(page).toHaveURL(/\/fr\/competencies\/[a-z0-9-]+$/);
	await expect(
		page.getByRole('heading', { level: 2, name: 'Modules qui l’enseignent' })
	).toBeVisible();
	expect(await englishLinks(page)).toEqual([]);
});

test('a learner’s home and roadmap in French', async ({ page }) => {
	await signUpNew(page, 'Camille');
	await page.goto('/fr');
	await expect(page.getByRole('heading', { level: 2, name: 'Bienvenue, Camille' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Cette semaine' })).toBeVisible();
	await expect(page.locator('.week')).toContainText('0 module lu');
	await expect(page.locator('.week')).toContainText('0 quiz passé');
	await expect(page.getByLabel('Objectif hebdomadaire (heures)')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Enregistrer l’objectif' })).toBeVisible();
	await expect(page.locator('.streak')).toContainText('0 jour d’affilée');
	await expect(page.locator('figure.heat figcaption')).toContainText(
		/^0 jour actif sur les 12 dernières semaines/
	);
	await expect(page.getByText('Aucune carte à réviser.')).toBeVisible();
	expect(await englishLinks(page)).toEqual([]);
	await expectNoAxeViolations(page);

	await page.goto('/fr/roadmaps/prompt-engineer');
	await page.getByRole('button', { name: 'Suivre ce parcours' }).click();
	await expect(page.getByText('Vous suivez ce parcours.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ne plus le suivre' })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Commencer par «\s?.+\s?»$/ })).toHaveAttribute(
		'href',
		/^\/fr\/modules\/[a-z0-9-]+\?from=prompt-engineer$/
	);
	await expect(page.getByRole('progressbar', { name: 'Parcours Prompt Engineer' })).toHaveAttribute(
		'aria-valuetext',
		/^0 sur \d+ modules · 0 %$/
	);
	await expect(page.locator('.legend')).toContainText('Verrouillé');
	expect(await englishLinks(page)).toEqual([]);
	await expectNoAxeViolations(page);

	await page.goto('/fr/modules/prompt-injection');
	await page.getByRole('button', { name: 'Marquer comme lu' }).click();
	await expect(page.getByText('✓ Marqué comme lu.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Passer le quiz' })).toHaveAttribute(
		'href',
		'/fr/modules/prompt-injection/quiz'
	);

	await page.goto('/fr');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Bon retour parmi nous, Camille' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Vos parcours' })).toBeVisible();
	await expect(page.locator('.followed')).toContainText(/Rythme conseillé\s?: \d+ h d’étude/);
	await expect(page.locator('.week')).toContainText('1 module lu');
});
