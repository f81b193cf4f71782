import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Question } from '../../src/lib/quiz/schema';
import { expectNoAxeViolations, postForm, signUpNew } from './helpers';
import { catalog, rightFields } from './catalog';

const MODULE = 'ml-basics';
const quiz = catalog.quizzes.get(MODULE)!;
/** The questions an attempt shows (a draw from the pool), in the catalog's terms. */
const shownOn = async (page: Page) =>
	(
		await page
			.locator('li[data-question]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!))
	).map((id) => quiz.questions.find((q) => q.id === id)!);
const pointsOf = (qs: Question[]) => qs.reduce((n, q) => n + q.points, 0);
const ROADMAP = catalog.roadmapsByModule.get(MODULE)![0]!;
const roadmap = catalog.roadmaps.get(ROADMAP)!;
const order = roadmap.phases.flatMap((p) => p.modules);
const nextModule = catalog.modules.get(order[order.indexOf(MODULE) + 1]!)!;
const portfolioItems = roadmap.portfolio
	.filter((i) => i.requires.includes(MODULE))
	.map((i) => i.title);

const signUp = (page: Page) => signUpNew(page);
const numericShare = (q: { questions: Question[] }) =>
	q.questions.filter((x) => x.type === 'numeric').length / q.questions.length;

/**
 * Puts an order question's items in the key's order: with the position selects (no JavaScript), or
 * with the Move up buttons, from the keyboard (JavaScript), checking what the live region says.
 */
async function orderRight(li: Locator, n: number, name: string) {
	if ((await li.locator('select').count()) > 0) {
		for (let i = 0; i < n; i++)
			await li.locator(`select[name="${name}-i${i}"]`).selectOption(String(i + 1));
		return;
	}
	for (let target = 0; target < n; target++) {
		const ids = await li
			.locator('[data-item]')
			.evaluateAll((els) => els.map((e) => e.dataset.item));
		const at = ids.indexOf(`i${target}`);
		const up = li.locator(`[data-item="i${target}"]`).getByRole('button', { name: 'Move up' });
		for (let k = at; k > target; k--) {
			if (k === at) await up.focus();
			await up.page().keyboard.press('Enter');
			await expect(li.locator('[aria-live]')).toContainText(`moved to position ${k} of ${n}`);
		}
	}
	for (let i = 0; i < n; i++)
		await expect(li.locator(`input[type="hidden"][name="${name}-i${i}"]`)).toHaveValue(
			String(i + 1)
		);
}

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
			await orderRight(li, q.items.length, name);
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
			const first = await shownOn(page);
			expect(first).toHaveLength(quiz.draw ?? quiz.questions.length);
			const total = pointsOf(first);
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
			await expect(page.getByRole('heading', { name: '✗ Not passed yet' })).toBeFocused();
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuenow',
				'0'
			);
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuetext',
				`0 of ${total} points · 0 %`
			);
			// What to revisit: the lesson sections behind the missed questions (quiz.yaml `section`).
			const revisit = page.locator('.revisit a');
			const sections = new Set(first.map((q) => q.section));
			await expect(revisit).toHaveCount(sections.size);
			for (const s of sections)
				await expect(revisit.and(page.locator(`[href="/modules/${MODULE}#${s}"]`))).toHaveCount(1);
			await expect(page.getByText('You can try as often as you like.')).toBeVisible();
			await expect(page.getByText('Right answer').first()).toBeVisible();

			await page.getByRole('link', { name: 'Try again' }).click();
			const shown = await shownOn(page);
			expect(shown).toHaveLength(quiz.draw ?? quiz.questions.length);
			for (const q of shown) await answerRight(page, q);
			const secondTotal = pointsOf(shown);
			await page.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(page.getByRole('heading', { name: '✓ Passed' })).toBeFocused();
			await expect(page.getByText('The module is now completed.')).toBeVisible();
			// The summary is at the top of the window, whether the page reloaded or not.
			expect(
				await page.locator('#result-title').evaluate((h) => h.getBoundingClientRect().top)
			).toBeLessThan(300);
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuetext',
				`${secondTotal} of ${secondTotal} points · 100 %`
			);
			// The next step is the next module of the roadmap, as the primary button.
			const next = page.locator('.summary .next a.button');
			await expect(next).toHaveText(`Next: ${nextModule.title} →`);
			await expect(next).toHaveAttribute('href', `/modules/${nextModule.id}?roadmap=${ROADMAP}`);
			for (const item of portfolioItems)
				await expect(page.locator('.unlocked')).toContainText(item);

			await page.goto(`/modules/${MODULE}/quiz`);
			await expect(page.getByRole('heading', { name: 'Your attempts' })).toBeVisible();
			await expect(page.locator('.history li')).toHaveCount(2);
			await page.goto(`/modules/${MODULE}`);
			await expect(
				page.getByText('You have completed this module: you passed its quiz.')
			).toBeVisible();
			// Mastery counts the latest answer to each question: right for those of the second
			// attempt, wrong for those only the first one drew.
			const tagged = (q: Question) =>
				(q.competencies ?? catalog.modules.get(MODULE)!.competencies).includes('ml-basics');
			const answered = [...new Map([...first, ...shown].map((q) => [q.id, q])).values()].filter(
				tagged
			);
			const mastery = Math.round((100 * pointsOf(shown.filter(tagged))) / pointsOf(answered));
			await page.goto('/competencies/ml-basics');
			await expect(
				page.getByRole('progressbar', { name: 'Your mastery, from your latest quiz answers' })
			).toHaveAttribute('aria-valuenow', String(mastery));
			// Home shows the same mastery.
			await page.goto('/');
			await expect(
				page.getByRole('progressbar', { name: 'Machine-learning basics' })
			).toHaveAttribute('aria-valuenow', String(mastery));
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

test.describe('a retry', () => {
	test.use({ javaScriptEnabled: false });
	test('asks first the questions the earlier attempts did not; a form posted twice shows its first result', async ({
		page
	}) => {
		await signUp(page);
		await page.goto(`/modules/${MODULE}/quiz`);
		const first = (await shownOn(page)).map((q) => q.id);
		expect(first).toHaveLength(quiz.draw!);
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(page.locator('[data-result]')).toHaveCount(first.length);
		await page.getByRole('link', { name: 'Try again' }).click();
		const second = (await shownOn(page)).map((q) => q.id);
		const unseen = quiz.questions.map((q) => q.id).filter((id) => !first.includes(id));
		// A pool of at least 1.5 × the draw: every question not asked yet is asked now.
		expect(unseen.length).toBeLessThan(quiz.draw!);
		for (const id of unseen) expect(second, `${id}, not asked the first time`).toContain(id);
		// The same attempt posted twice shows the attempt as recorded: its own questions, though its
		// review cards count them as seen by the second post.
		const q = quiz.questions.find((x) => x.id === second[0])!;
		const attempt = await page.locator('input[name="attempt"]').inputValue();
		const post = async () => {
			// Url-encoded as a browser posts it: a "multiple" question repeats its field once per option.
			const res = await postForm(
				page.request,
				new URL(page.url()).origin,
				`/modules/${MODULE}/quiz?/submit`,
				[['attempt', attempt], ...rightFields(q)]
			);
			expect(res.status()).toBe(200);
			const html = await res.text();
			return {
				ids: [...html.matchAll(/data-result="([^"]+)"/g)].map((m) => m[1]).sort(),
				score: /aria-label="Your score"[^>]*aria-valuenow="([^"]+)"/.exec(html)?.[1]
			};
		};
		const once = await post();
		expect(once.ids).toEqual([...second].sort());
		const again = await post();
		expect(again.ids).toEqual(once.ids);
		// Only the answered question counts.
		expect(once.score).toBe(String(q.points));
		expect(again.score).toBe(once.score);
	});
});

test('a malformed number is shown next to its question and records nothing', async ({ page }) => {
	await signUp(page);
	// Quizzes draw 7 of a pool: open quizzes (opening records nothing) until one shows a number.
	const withNumbers = [...catalog.quizzes]
		.filter(([, q]) => q.questions.some((x) => x.type === 'numeric'))
		.sort(([, a], [, b]) => numericShare(b) - numericShare(a))
		.map(([id]) => id);
	let found: { module: string; id: string } | undefined;
	for (const module of withNumbers) {
		await page.goto(`/modules/${module}/quiz`);
		const ids = await page
			.locator('li[data-question]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
		const numeric = catalog.quizzes
			.get(module)!
			.questions.find((q) => q.type === 'numeric' && ids.includes(q.id));
		if (numeric) {
			found = { module, id: numeric.id };
			break;
		}
	}
	expect(found, 'a quiz that shows a numeric question').toBeTruthy();
	const { module, id } = found!;
	await page.locator(`input[name="q-${id}"]`).fill('twelve');
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(
		page.locator(`li[data-question="${id}"]`).getByText('Enter a number, e.g. 42 or 3.5.')
	).toBeVisible();
	await page.goto(`/modules/${module}/quiz`);
	await expect(page.getByRole('heading', { name: 'Your attempts' })).toHaveCount(0);
});

test('the quiz and its result have no axe violations and fit 375 px', async ({ browser }) => {
	// Six pages, each checked by axe: slow on a busy machine, not a measure of speed.
	test.setTimeout(240_000);
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

for (const javaScriptEnabled of [true, false])
	test(`missed questions are due at once; on /review the learner answers, sees the outcome, then rates, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await signUp(page);
		await expect(page.getByRole('link', { name: /^Review/ })).toHaveText('Review');
		await page.goto(`/modules/${MODULE}/quiz`);
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(page.getByRole('heading', { name: '✗ Not passed yet' })).toBeVisible();
		await page.goto('/');
		const count = quiz.draw ?? quiz.questions.length;
		await expect(page.getByRole('link', { name: `Review ${count} due` })).toBeVisible();
		await page.getByRole('link', { name: /^Review/ }).click();
		await expect(page.getByText(`${count} cards due now`)).toBeVisible();
		await expect(page.getByRole('list', { name: /Cards due over the next 7 days/ })).toContainText(
			`today: ${count} cards`
		);
		// No rating before the answer.
		await expect(page.getByRole('button', { name: /Easy/ })).toHaveCount(0);
		const id = await page.locator('input[name="question"]').inputValue();
		await answerRight(
			page,
			quiz.questions.find((q) => q.id === id)!,
			page.locator('form[method="POST"]')
		);
		await page.getByRole('button', { name: 'Check my answer' }).click();
		await expect(page.getByRole('heading', { name: '✓ Right' })).toBeFocused();
		await expect(page.getByText('Right answer')).toBeVisible();
		await page.getByRole('button', { name: /^Easy · back in \d+ days$/ }).click();
		await expect(page.getByText(/Rated Easy: this card comes back/)).toBeVisible();
		await page.getByRole('link', { name: 'Next card' }).click();
		await expect(page.getByText(`${count - 1} cards due now`)).toBeVisible();
		await expect(page.getByText(/next one due/)).toBeVisible();
		if (javaScriptEnabled) await expectNoAxeViolations(page);

		// A miss is recorded at once: the card stays due, with no rating to give.
		const other = await page.locator('input[name="question"]').inputValue();
		await page.getByRole('button', { name: 'Check my answer' }).click();
		await expect(page.getByRole('heading', { name: '✗ Not quite' })).toBeVisible();
		await expect(page.getByRole('button', { name: /Easy/ })).toHaveCount(0);
		await expect(page.getByText('Missed: this card stays due')).toBeVisible();
		await page.getByRole('link', { name: 'Next card' }).click();
		await expect(page.getByText(`${count - 1} cards due now`)).toBeVisible();
		expect(other).not.toBe(id);
		await context.close();
	});

for (const javaScriptEnabled of [true, false])
	test(`a perfect pass leaves no card due today, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await signUp(page);
		await page.goto(`/modules/${MODULE}/quiz?roadmap=${ROADMAP}`);
		const shown = await page
			.locator('li[data-question]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
		for (const id of shown)
			await answerRight(
				page,
				quiz.questions.find((q) => q.id === id)!
			);
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(page.getByRole('heading', { name: '✓ Passed' })).toBeFocused();
		await expect(page.locator('.summary .next a.button')).toHaveAttribute(
			'href',
			`/modules/${nextModule.id}?roadmap=${ROADMAP}`
		);
		await page.goto('/review');
		await expect(page.getByText('0 cards due now')).toBeVisible();
		await expect(page.getByText('Nothing to review right now.')).toBeVisible();
		const figures = page.getByRole('list', { name: /Cards due over the next 7 days/ });
		await expect(figures).toContainText('today: 0 cards');
		// Every card comes back in days, not today or tomorrow.
		// Every card comes back in days (FSRS: Good on a new card, 3 days), none today or tomorrow.
		const counts = (await figures.locator('li').allInnerTexts()).map((t) =>
			Number(/: (\d+) cards?$/.exec(t)![1])
		);
		expect(counts.reduce((n, c) => n + c, 0)).toBe(shown.length);
		expect(counts.slice(0, 2)).toEqual([0, 0]);
		await expect(page.getByRole('link', { name: /^Review/ })).toHaveText('Review');
		await context.close();
	});

test('inline Markdown in options, order items and match labels renders, escaped, on the quiz and its result', async ({
	page
}) => {
	const withCode = quiz.questions.find(
		(q) => q.type === 'single' && q.options.some((o) => o.text.includes('`'))
	)!;
	expect(withCode, 'an option of ml-basics with a code span').toBeTruthy();
	await signUp(page);
	await page.goto(`/modules/${MODULE}/quiz`);
	const li = page.locator(`li[data-question="${withCode.id}"]`);
	// The quiz draws 7 of its pool: retry (unlimited attempts) until the question is asked.
	for (let i = 0; i < 12 && (await li.count()) === 0; i++) {
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await page.getByRole('link', { name: 'Try again' }).click();
		await expect(page.locator('li[data-question]').first()).toBeVisible();
	}
	const labels = li.locator('label');
	await expect(labels.locator('code').first()).toBeVisible();
	for (const text of await labels.allInnerTexts()) expect(text).not.toContain('`');
	await expect(labels.filter({ hasText: 'Pipeline' }).locator('code')).toHaveText('Pipeline');
	// The result shows the right answer with the same rendering.
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(
		page.locator(`[data-result="${withCode.id}"] dd code`).filter({ hasText: 'Pipeline' })
	).toBeVisible();
});
