// The account and portfolio pages in French (/fr/…): sign-up with a form error next to its field,
// sign-in, the account page, the portfolio pages and a shared public portfolio with its link
// preview — with JavaScript and without, and with no axe violation on each French page.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

const JOB = 'prompt-engineer';
const PASSWORD = 'un bon mot de passe assez long';

const newEmail = () => `e2e-fr-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/** Every app link of the main content stays in French. */
async function linksStayFrench(page: Page) {
	const hrefs = await page
		.locator('main a[href^="/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	const english = hrefs.filter(
		(h) => !h.startsWith('/fr/') && h !== '/fr' && !/\.(json|csv|png)$/.test(h)
	);
	expect(english, `English links on ${page.url()}`).toEqual([]);
}

for (const javaScriptEnabled of [true, false])
	test(`French sign-up, sign-in, account, portfolio and shared portfolio — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		const axe = async () => {
			if (javaScriptEnabled) await expectNoAxeViolations(page);
		};

		// Sign-up: a too-short password is refused next to its field, in French.
		await page.goto('/fr/signup');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page).toHaveTitle('Créer un compte — Jalons');
		await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
		await axe();
		const email = newEmail();
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Mot de passe', { exact: true }).fill('court');
		await page.getByLabel('Nom affiché (facultatif)').fill('Léa Exemple');
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		const password = page.getByLabel('Mot de passe', { exact: true });
		await expect(password).toHaveAttribute('aria-invalid', 'true');
		await expect(password).toHaveAccessibleDescription(/Utilisez au moins 8 caractères\./);
		await expect(page.getByText('Utilisez au moins 8 caractères.')).toBeVisible();
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
		await axe();
		await linksStayFrench(page);

		await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		await expect(page.locator('header a[href="/fr/account"]').first()).toBeAttached();

		// The account page, then sign out from it: back to the French home page.
		await page.goto('/fr/account');
		await expect(page.getByRole('heading', { level: 1, name: 'Votre compte' })).toBeVisible();
		await expect(page.getByText(`Connecté en tant que ${email}`)).toBeVisible();
		for (const name of [
			'Nom affiché',
			'Cohortes',
			'Adresse e-mail',
			'Mot de passe',
			'Supprimer votre compte'
		])
			await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Changer de mot de passe' })).toBeVisible();
		// A wrong confirmation is refused next to its field, in French.
		await page.getByLabel('Saisissez votre adresse e-mail pour confirmer').fill('pas moi');
		await page.getByRole('button', { name: 'Supprimer mon compte et toutes ses données' }).click();
		await expect(
			page.getByLabel('Saisissez votre adresse e-mail pour confirmer')
		).toHaveAccessibleDescription('Saisissez votre adresse e-mail exactement pour confirmer.');
		await axe();
		await linksStayFrench(page);
		await page.locator('main').getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/fr$/);

		// Sign-in: a wrong password is said in French; the right one signs in.
		await page.goto('/fr/login');
		await expect(page).toHaveTitle('Connexion — Jalons');
		await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Créer un compte' }).last()).toHaveAttribute(
			'href',
			'/fr/signup'
		);
		await axe();
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
		await page.locator('main').getByRole('button', { name: 'Se connecter' }).click();
		await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
		await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
		await page.locator('main').getByRole('button', { name: 'Se connecter' }).click();
		await expect(page.locator('header a[href="/fr/account"]').first()).toBeAttached();

		// The portfolio: the profile form says its errors in French.
		await page.goto('/fr/portfolio');
		await expect(page).toHaveTitle('Votre portfolio — Jalons');
		await expect(page.getByRole('heading', { level: 1, name: 'Votre portfolio' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'À propos de vous' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Vos métiers visés' })).toBeVisible();
		await page.getByLabel('Accroche').fill('Analyste de données en route vers le MLOps');
		await page.getByLabel('GitHub').fill('pas une adresse');
		await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
		await expect(page.getByLabel('GitHub')).toHaveAccessibleDescription(
			/Saisissez une adresse web complète/
		);
		await page.getByLabel('GitHub').fill('');
		await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
		await expect(page.getByText('Profil enregistré.')).toBeVisible();
		await axe();
		await linksStayFrench(page);

		// One target job's portfolio: its checklist, then a public link.
		await page.goto(`/fr/portfolio/${JOB}`);
		await expect(page.getByRole('heading', { level: 1, name: /^Portfolio / })).toBeVisible();
		for (const name of ['Avancement', 'Liste de contrôle', 'Partager', 'Exporter'])
			await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
		await expect(page.locator('main')).toContainText('Verrouillé');
		await expect(page.locator('main')).toContainText('Se débloque quand vous aurez terminé');
		await expect(
			page.getByRole('progressbar', { name: 'Éléments de portfolio réalisés' })
		).toHaveAttribute('aria-valuetext', /^0 sur \d+ éléments · 0 %$/);
		await axe();
		await linksStayFrench(page);
		await page.getByRole('button', { name: 'Partager avec un lien public' }).click();
		await expect(page.getByRole('button', { name: 'Arrêter le partage' })).toBeVisible();
		const link = await page.getByLabel(/^Lien public, partagé depuis le /).inputValue();
		expect(link).toMatch(/\/fr\/p\/[A-Za-z0-9_-]{32}$/);
		await axe();

		// The shared portfolio, signed out, in French: its page and its Open Graph tags.
		const visitor = await browser.newContext({ javaScriptEnabled });
		const pub = await visitor.newPage();
		const res = await pub.goto(link);
		expect(res!.status()).toBe(200);
		await expect(pub.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(pub.getByRole('heading', { level: 1, name: 'Léa Exemple' })).toBeVisible();
		await expect(pub.getByRole('heading', { level: 2, name: 'Réalisé' })).toBeVisible();
		await expect(pub.getByRole('heading', { level: 2, name: 'En cours' })).toBeVisible();
		await expect(pub.getByRole('heading', { name: 'Maîtrise par compétence' })).toBeVisible();
		await expect(pub.getByLabel('Lien vers ce portfolio')).toHaveValue(link);
		await expect(pub.locator('main')).toContainText('Se prépare au métier de');
		await expect(pub.locator('meta[property="og:title"]')).toHaveAttribute(
			'content',
			/^Léa Exemple — portfolio /
		);
		await expect(pub.locator('meta[property="og:description"]')).toHaveAttribute(
			'content',
			/^Analyste de données en route vers le MLOps\. Léa Exemple se prépare au métier de .+ sur Jalons : 0 modules terminés sur \d+/
		);
		await expect(pub.locator('meta[property="og:url"]')).toHaveAttribute('content', link);
		await expect(pub.locator('meta[property="og:image"]')).toHaveAttribute(
			'content',
			`${link}/og.png`
		);
		await expect(pub.locator('meta[property="og:image:alt"]')).toHaveAttribute(
			'content',
			/^Portfolio .+ de Léa Exemple : barres d’avancement$/
		);
		const image = await pub.request.get(`${link}/og.png`);
		expect(image.status()).toBe(200);
		expect(image.headers()['content-type']).toBe('image/png');
		if (javaScriptEnabled) await expectNoAxeViolations(pub);
		await linksStayFrench(pub);

		// Revoked: the French address is a 404 that says so in French.
		await page.getByRole('button', { name: 'Arrêter le partage' }).click();
		await expect(page.getByRole('button', { name: 'Partager avec un lien public' })).toBeVisible();
		const gone = await pub.goto(link);
		expect(gone!.status()).toBe(404);
		await expect(pub.locator('main')).toContainText(
			'Il n’y a pas de portfolio partagé à cette adresse.'
		);
		await visitor.close();
		await context.close();
	});
