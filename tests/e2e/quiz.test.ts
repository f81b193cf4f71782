import { expect, test, type Page } from '@playwright/test';
import type { Question } from '../../src/lib/quiz/schema';
import { expectNoAxeViolations, signUpNew } from './helpers';
import { catalog } from './catalog';

const MODULE = 'ml-basics';
const quiz = catalog.quizzes.get(MODULE)!;

const signUp = (page: Page) => signUpNew(page);

/** Answers one shown question with its key, read from the catalog (the test runs on the server side). */
async function answerRight(
	page: Page,
	q: Question,
	scope = page.locator(`li[data-question="${q.id}"]`)
) {
	const li = scope;
	const name = `q-${q.id}`;
	switch (q.type) {
		case 'single':
		case 'multiple':
			for (const [i, o] of q.options.entries())
				if (o.correct) await li.locator(`input[name="${name}"][value="o${i}"]`).check();
			break;
		case 'true-false':
			await li.locator(`input[name="${name}"][value="${q.answer}"]`).check();
			break;
		case 'numeric':
			await li.locator(`input[name="${name}"]`).fill(String(q.answer));
			break;
		case 'text':
			await li.locator(`input[name="${name}"]`).fill(q.accept[0]!);
			break;
		case 'order':
			for (let i = 0; i < q.items.length; i++)
				await li.locator(`select[name="${name}-i${i}"]`).selectOption(String(i + 1));
			break;
		case 'match':
			for (let i = 0; i < q.pairs.length; i++)
				await li.locator(`select[name="${name}-l${i}"]`).selectOption(`r${i}`);
			break;
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`a quiz of all seven types, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('answered wrong, then right: feedback shown, module completed', async ({ page }) => {
			expect(new Set(quiz.questions.map((q) => q.type)).size).toBe(7);
			await signUp(page);
			await page.goto(`/modules/${MODULE}/quiz`);
			const html = await page.content();
			for (const q of quiz.questions)
				expect(html, `explanation of ${q.id} leaked`).not.toContain(
					q.explanation.trim().slice(0, 60)
				);

			// Wrong (empty) answers, and a forged score field, which must be ignored.
			await page.evaluate(() => {
				const f = document.querySelector('form[method="POST"]')!;
				const forged: [string, string][] = [
					['score', '100'],
					['passed', 'true']
				];
				for (const [n, v] of forged) {
					const i = document.createElement('input');
					i.type = 'hidden';
					i.name = n;
					i.value = v;
					f.appendChild(i);
				}
			});
			await page.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(page.getByRole('heading', { name: '✗ Not passed yet' })).toBeVisible();
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuenow',
				'0'
			);
			await expect(page.getByText('Right answer').first()).toBeVisible();

			await page.getByRole('link', { name: 'Try again' }).click();
			const shown = await page
				.locator('li[data-question]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
			expect(shown).toHaveLength(quiz.draw ?? quiz.questions.length);
			for (const id of shown)
				await answerRight(
					page,
					quiz.questions.find((q) => q.id === id)!
				);
			await page.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(page.getByRole('heading', { name: '✓ Passed' })).toBeVisible();
			await expect(page.getByText('The module is now completed.')).toBeVisible();

			await page.goto(`/modules/${MODULE}/quiz`);
			await expect(page.getByRole('heading', { name: 'Your attempts' })).toBeVisible();
			await expect(page.locator('.history li')).toHaveCount(2);
			await page.goto(`/modules/${MODULE}`);
			await expect(
				page.getByText('You have completed this module: you passed its quiz.')
			).toBeVisible();
			// Mastery counts the latest answer to each question: all right now.
			await page.goto('/competencies/ml-basics');
			await expect(
				page.getByRole('progressbar', { name: 'Your mastery, from your latest quiz answers' })
			).toHaveAttribute('aria-valuenow', '100');
			await page.goto('/');
			await expect(
				page.getByRole('progressbar', { name: 'Machine-learning basics' })
			).toHaveAttribute('aria-valuenow', '100');
		});
	});
}

/** Answers a single-choice or true/false question wrongly. */
async function answerWrong(page: Page, q: Question) {
	const li = page.locator(`li[data-question="${q.id}"]`);
	if (q.type === 'single') {
		const wrong = q.options.findIndex((o) => !o.correct);
		await li.locator(`input[name="q-${q.id}"][value="o${wrong}"]`).check();
	} else if (q.type === 'true-false')
		await li.locator(`input[name="q-${q.id}"][value="${!q.answer}"]`).check();
	else throw new Error(`no wrong answer helper for ${q.type}`);
}

const IMMEDIATE = 'prompt-design-basics';
const immediate = catalog.quizzes.get(IMMEDIATE)!;

for (const javaScriptEnabled of [true, false]) {
	test(`immediate feedback locks each checked answer, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		expect(immediate.feedback).toBe('immediate');
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await signUp(page);
		await page.goto(`/modules/${IMMEDIATE}/quiz`);
		const shown = (
			await page
				.locator('li[data-question]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!))
		).map((id) => immediate.questions.find((q) => q.id === id)!);
		const first = shown.find((q) => q.type === 'single' || q.type === 'true-false')!;
		const other = shown.find((q) => q !== first && q.type !== 'order' && q.type !== 'match')!;
		const item = (q: Question) => page.locator(`li[data-question="${q.id}"]`);
		const check = (q: Question) =>
			item(q).getByRole('button', { name: 'Check this answer' }).click();

		// Checking an unanswered question is an error next to it, and locks nothing.
		await check(first);
		await expect(item(first).getByText('Answer this question before checking it.')).toBeVisible();

		// A wrong answer, checked: its outcome and explanation appear, the other answer typed stays.
		await answerRight(page, other);
		await answerWrong(page, first);
		await check(first);
		const outcome = item(first).getByRole('heading', { name: /Question \d+ — wrong/ });
		await expect(outcome).toBeVisible();
		await expect(item(first).locator('.explanation')).toContainText(
			first.explanation.trim().split('\n')[0]!.slice(0, 40)
		);
		// axe runs in the page: only with JavaScript (the JS run covers the same markup).
		if (javaScriptEnabled) {
			await expect(page.locator(`#outcome-${first.id}`)).toBeFocused();
			await expectNoAxeViolations(page);
		}
		await expect(item(first).locator('input, select')).toHaveCount(0);
		const html = await page.content();
		for (const q of shown)
			if (q !== first)
				expect(html, `explanation of ${q.id} leaked`).not.toContain(
					q.explanation.trim().slice(0, 60)
				);
		if (other.type === 'single' || other.type === 'multiple' || other.type === 'true-false')
			await expect(item(other).locator('input:checked').first()).toBeChecked();
		else await expect(item(other).locator('input').first()).not.toHaveValue('');

		// Reopening the quiz resumes the attempt with the answer still locked.
		await page.goto(`/modules/${IMMEDIATE}/quiz`);
		await expect(outcome).toBeVisible();

		// Answer everything else right, and forge the locked answer to the right one: it still counts wrong.
		for (const q of shown) if (q !== first) await answerRight(page, q);
		const right =
			first.type === 'single'
				? `o${first.options.findIndex((o) => o.correct)}`
				: String(first.type === 'true-false' && first.answer);
		await page.evaluate(
			([name, value]) => {
				const i = document.createElement('input');
				i.type = 'hidden';
				i.name = name!;
				i.value = value!;
				document.querySelector('form[method="POST"]')!.appendChild(i);
			},
			[`q-${first.id}`, right]
		);
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		const total = shown.reduce((n, q) => n + q.points, 0);
		await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
			'aria-valuenow',
			String(total - first.points)
		);
		// Submitted: the next visit starts a fresh attempt.
		await page.goto(`/modules/${IMMEDIATE}/quiz`);
		await expect(page.getByRole('heading', { name: /Question \d+ — / })).toHaveCount(0);
		await context.close();
	});
}

test('a malformed number is shown next to its question and records nothing', async ({ page }) => {
	await signUp(page);
	await page.goto(`/modules/${MODULE}/quiz`);
	const numeric = quiz.questions.find((q) => q.type === 'numeric')!;
	await page.locator(`input[name="q-${numeric.id}"]`).fill('twelve');
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(
		page.locator(`li[data-question="${numeric.id}"]`).getByText('Enter a number, e.g. 42 or 3.5.')
	).toBeVisible();
	await page.goto(`/modules/${MODULE}/quiz`);
	await expect(page.getByRole('heading', { name: 'Your attempts' })).toHaveCount(0);
});

test('the quiz and its result have no axe violations and fit 375 px', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
	const page = await context.newPage();
	await signUp(page);
	for (const id of ['ml-basics', 'prompt-injection', 'iam-least-privilege']) {
		await page.goto(`/modules/${id}/quiz`);
		await expectNoAxeViolations(page);
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
			id
		).toBeLessThanOrEqual(0);
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(page.getByRole('heading', { name: /Passed|Not passed yet/ })).toBeVisible();
		await expectNoAxeViolations(page);
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
			`${id} result`
		).toBeLessThanOrEqual(0);
	}
	await context.close();
});

test('missed questions become review cards, due in the header and answered on /review', async ({
	page
}) => {
	await signUp(page);
	await expect(page.getByRole('link', { name: /^Review/ })).toHaveText('Review');
	await page.goto(`/modules/${MODULE}/quiz`);
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: '✗ Not passed yet' })).toBeVisible();
	await page.goto('/');
	const count = quiz.draw ?? quiz.questions.length;
	await expect(page.getByRole('link', { name: `Review ${count} due` })).toBeVisible();
	await page.getByRole('link', { name: /^Review/ }).click();
	await expect(page.getByText(`${count} cards due`)).toBeVisible();
	const id = await page.locator('input[name="question"]').inputValue();
	await answerRight(
		page,
		quiz.questions.find((q) => q.id === id)!,
		page.locator('form[method="POST"]')
	);
	await page.getByRole('radio', { name: 'Easy' }).check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(page.getByRole('heading', { name: '✓ Right' })).toBeVisible();
	await page.getByRole('link', { name: 'Next card' }).click();
	await expect(page.getByText(`${count - 1} cards due`)).toBeVisible();
	await expectNoAxeViolations(page);
});
