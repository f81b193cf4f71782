// The quiz, its result and the review page in French (/fr/…): the interface in French, the French
// quiz graded with its French accepted answers, links that stay in French, and no axe violations
// (axe runs in the page: with JavaScript only).
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signUpNew } from './helpers';

// A text question whose French accepted answers (quiz.fr.yaml) are not in the English ones.
const MODULE = 'hallucinations-and-bias';
const TEXT_QUESTION = 'faithfulness-term';
const FRENCH_ANSWER = 'fidélité';
const QUIZ = `/fr/modules/${MODULE}/quiz`;

/** Opens the French quiz as a guest until its draw (7 of 11 questions) holds the text question. */
async function openWithTextQuestion(page: Page) {
	for (let i = 0; i < 30; i++) {
		await page.goto(QUIZ);
		if (await page.locator(`li[data-question="${TEXT_QUESTION}"]`).count()) return;
	}
	throw new Error(`${TEXT_QUESTION} was never drawn`);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the French quiz, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a French accepted text answer is graded right; the result is in French', async ({
			page
		}) => {
			test.setTimeout(180_000);
			await openWithTextQuestion(page);
			await expect(page).toHaveTitle(/^Quiz\u00a0: Hallucinations et biais — Jalons$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Quiz\u00a0: Hallucinations et biais'
			);
			await expect(page.locator('main')).toContainText('7 questions · seuil de réussite 80 %');
			await expect(page.locator('.guest-notice')).toContainText('mode invité');
			await expect(page.locator('.guest-notice a').first()).toHaveAttribute(
				'href',
				`/fr/signup?redirectTo=/fr/modules/${MODULE}`
			);
			await expect(page.getByRole('navigation', { name: 'Fil d’Ariane' })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Envoyer mes réponses' })).toBeVisible();
			const field = page
				.locator(`li[data-question="${TEXT_QUESTION}"]`)
				.getByLabel('Votre réponse');
			await expect(page.locator('legend').first()).toContainText(/Question 1\s+\(\d+ points?\)/);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			await field.fill(FRENCH_ANSWER);
			await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
			// One right answer of seven: not passed, and that answer right.
			await expect(page.getByRole('heading', { name: '✗ Pas encore réussi' })).toBeVisible();
			await expect(page.getByRole('progressbar', { name: 'Votre score' })).toHaveAttribute(
				'aria-valuenow',
				'1'
			);
			const result = page.locator(`li[data-result="${TEXT_QUESTION}"]`);
			await expect(result).toHaveClass(/\bright\b/);
			await expect(result.getByRole('heading')).toHaveText(/— correcte \(1 sur 1\)$/);
			await expect(result).toContainText('Votre réponse');
			await expect(result).toContainText(FRENCH_ANSWER);
			await expect(result).toContainText('Bonne réponse');
			await expect(page.locator('.unsaved')).toContainText('Rien n’a été enregistré');
			await expect(page.getByText('Votre score est de 14 %')).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Vos réponses' })).toBeVisible();
			await expect(page.getByRole('link', { name: 'Réessayer' })).toHaveAttribute('href', QUIZ);
			await expect(
				page.getByRole('link', { name: 'Créer un compte pour garder votre progression' })
			).toHaveAttribute('href', `/fr/signup?redirectTo=/fr/modules/${MODULE}`);
			// A wrong answer reads as such, in French.
			await expect(
				page.locator('li[data-result] h3').filter({ hasText: 'incorrecte' })
			).toHaveCount(6);
			// The lesson links to revisit stay in French.
			for (const href of await page
				.locator('.revisit a')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
				expect(href).toMatch(new RegExp(`^/fr/modules/${MODULE}(#|$)`));
			if (javaScriptEnabled) await expectNoAxeViolations(page);
		});
	});
}

test('a wrong French answer is graded wrong, and an English page says it in English', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openWithTextQuestion(page);
	await page
		.locator(`li[data-question="${TEXT_QUESTION}"]`)
		.getByLabel('Votre réponse')
		.fill('exactitude');
	await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
	await expect(page.locator(`li[data-result="${TEXT_QUESTION}"]`)).toHaveClass(/\bwrong\b/);
	await page.goto(`/modules/${MODULE}/quiz`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz: Hallucinations and bias');
	await expect(page.getByRole('button', { name: 'Submit my answers' })).toBeVisible();
});

test('a learner’s French quiz, attempts and review', async ({ page }) => {
	test.setTimeout(240_000);
	await signUpNew(page);
	await page.goto(QUIZ);
	await expect(page.locator('main')).toContainText('Réussir ce quiz valide le module.');
	await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
	await expect(page.getByRole('heading', { name: '✗ Pas encore réussi' })).toBeFocused();
	await expect(
		page.getByText('Vous pouvez réessayer autant de fois que vous le souhaitez.')
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Vos tentatives' })).toBeVisible();
	await expect(page.getByRole('progressbar', { name: /— non réussi$/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// The missed questions are due for review at once.
	await page.goto('/fr/review');
	await expect(page).toHaveTitle('Révisions — Jalons');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Révisions');
	await expect(page.locator('.due')).toContainText(/\d+ cartes? à revoir maintenant/);
	await expect(page.locator('figcaption')).toContainText('Cartes à revoir dans les');
	await expect(page.locator('main')).toContainText('Extrait de Hallucinations et biais');
	await expect(page.locator('main a', { hasText: 'Hallucinations et biais' })).toHaveAttribute(
		'href',
		`/fr/modules/${MODULE}`
	);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Vérifier ma réponse' }).click();
	await expect(page.getByRole('heading', { name: '✗ Pas tout à fait' })).toBeFocused();
	await expect(page.getByRole('status')).toContainText('Manquée');
	await expect(page.getByRole('link', { name: 'Carte suivante' })).toHaveAttribute(
		'href',
		'/fr/review'
	);
	await expectNoAxeViolations(page);
});

test('the French review without JavaScript, signed out, asks to sign in in French', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/fr/review');
	await expect(page).toHaveURL(/\/fr\/login\?redirectTo=/);
	await context.close();
});
