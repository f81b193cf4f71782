// A signed-out visitor takes a quiz as a guest: the real quiz, graded on the server, stored nowhere,
// with an invitation to make an account that does not get the guest's result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { quizFacts } from '../../src/lib/quiz/estimate';
import type { Question } from '../../src/lib/quiz/schema';
import { catalog, rightFields, wrongFields } from './catalog';
import { expectNoAxeViolations, postForm } from './helpers';
import { rowCounts, startServer, withDatabase } from './server';

const MODULE = 'ml-basics';
const quiz = catalog.quizzes.get(MODULE)!;
const IMMEDIATE = 'prompt-design-basics';
const immediate = catalog.quizzes.get(IMMEDIATE)!;
const PORT = Number(process.env.E2E_PORT ?? 4173) + 10;

const shownIds = (page: Page) =>
	page
		.locator('li[data-question]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));

/**
 * Fills a shown question's form fields with the given fields (a key or a wrong answer). Order
 * questions with JavaScript carry their positions in hidden fields, set here directly: the order
 * widget's buttons are tested in quiz.test.ts.
 */
async function fill(page: Page, fields: [string, string][]) {
	for (const [name, value] of fields) {
		const input = page.locator(`[name="${name}"]`);
		const kind = await input.first().evaluate((e) => `${e.tagName}:${e.getAttribute('type')}`);
		if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox')
			await page.locator(`[name="${name}"][value="${value}"]`).check();
		else if (kind.startsWith('SELECT')) await input.selectOption(value);
		else if (kind === 'INPUT:hidden')
			await input.evaluate((e, v) => ((e as HTMLInputElement).value = v), value);
		else await input.fill(value);
	}
}

const question = (q: { questions: Question[] }, id: string) =>
	q.questions.find((x) => x.id === id)!;

for (const javaScriptEnabled of [true, false]) {
	test.describe(`a guest quiz, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('from the lesson, graded like an attempt, not saved, and not given to a new account', async ({
			page
		}) => {
			// Two quizzes and a sign-up in one flow: a budget for a busy machine.
			test.setTimeout(300_000);
			await page.goto(`/modules/${MODULE}`);
			const count = quiz.draw ?? quiz.questions.length;
			await expect(page.locator('.quiz-facts')).toContainText(
				`A quiz of ${count} questions · pass mark ${quiz.pass * 100} % · about ${quizFacts(quiz).minutes} min`
			);
			await page.locator('.quiz-facts').getByRole('link', { name: 'Try the quiz' }).click();
			await expect(page).toHaveURL(new RegExp(`/modules/${MODULE}/quiz$`));
			await expect(page.locator('.guest-notice')).toContainText('nothing is saved');
			const html = await page.content();
			for (const q of quiz.questions)
				expect(html, `explanation of ${q.id} leaked`).not.toContain(
					q.explanation.trim().slice(0, 60)
				);

			// All unanswered: graded 0, with every question's outcome and the invitation.
			await page.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(page.getByRole('heading', { name: '✗ Not passed yet' })).toBeFocused();
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuenow',
				'0'
			);
			await expect(page.locator('.unsaved')).toContainText('This was not saved');
			await expect(page.locator('.unsaved')).toContainText(
				'take the quiz again once signed in to record it'
			);
			await expect(page.locator('li[data-result]')).toHaveCount(count);
			await expect(page.getByText('Right answer').first()).toBeVisible();
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// Again, every answer right: passed, and still nothing said to be completed.
			await page.getByRole('link', { name: 'Try again' }).click();
			const shown = await shownIds(page);
			expect(shown).toHaveLength(count);
			for (const id of shown) await fill(page, rightFields(question(quiz, id)));
			await page.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(page.getByRole('heading', { name: '✓ Passed' })).toBeFocused();
			await expect(page.getByText('The module is now completed.')).toHaveCount(0);
			const total = shown.reduce((n, id) => n + question(quiz, id).points, 0);
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuetext',
				`${total} of ${total} points · 100 %`
			);

			// The invitation signs up and comes back to the module, which the new account has not done.
			const invite = page.getByRole('link', { name: 'Create an account to keep your progress' });
			await expect(invite).toHaveAttribute('href', `/signup?redirectTo=/modules/${MODULE}`);
			await invite.click();
			await page.getByLabel('Email').fill(`e2e-guest-${Date.now()}-${Math.random()}@example.org`);
			await page.getByLabel('Password').fill('a good long password');
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect(page).toHaveURL(new RegExp(`/modules/${MODULE}$`));
			await expect(page.locator('header a[href="/account"]').first()).toBeAttached();
			await expect(page.getByText('You have completed this module')).toHaveCount(0);
			await page.goto(`/modules/${MODULE}/quiz`);
			await expect(page.getByRole('button', { name: 'Submit my answers' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Your attempts' })).toHaveCount(0);
		});

		test('immediate feedback: a checked answer is shown graded and stays locked', async ({
			page
		}) => {
			expect(immediate.feedback).toBe('immediate');
			await page.goto(`/modules/${IMMEDIATE}/quiz`);
			const shown = (await shownIds(page)).map((id) => question(immediate, id));
			const [first, ...others] = shown;
			const item = (q: Question) => page.locator(`li[data-question="${q.id}"]`);
			await fill(page, wrongFields(first!));
			await item(first!).getByRole('button', { name: 'Check this answer' }).click();
			await expect(item(first!).getByRole('heading', { name: /Question 1 — wrong/ })).toBeVisible();
			await expect(item(first!).locator('input, select')).toHaveCount(0);
			// Same draw after the check, and nothing of the other questions revealed.
			expect(await shownIds(page)).toEqual(shown.map((q) => q.id));
			const html = await page.content();
			for (const q of others)
				expect(html, `explanation of ${q.id} leaked`).not.toContain(
					q.explanation.trim().slice(0, 60)
				);
			// Every other answer right, and the locked one forged right: it still counts wrong.
			for (const q of others) await fill(page, rightFields(q));
			await page.evaluate((fields) => {
				for (const [name, value] of fields) {
					const i = document.createElement('input');
					i.type = 'hidden';
					i.name = name;
					i.value = value;
					document.querySelector('form[method="POST"]')!.appendChild(i);
				}
			}, rightFields(first!));
			await page.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(page.locator('#result-title')).toBeFocused();
			const total = shown.reduce((n, q) => n + q.points, 0);
			await expect(page.getByRole('progressbar', { name: 'Your score' })).toHaveAttribute(
				'aria-valuetext',
				new RegExp(`^${total - first!.points} of ${total} points`)
			);
			await expect(page.locator(`li[data-result="${first!.id}"]`)).toHaveClass(/wrong/);
			await expect(page.locator('.unsaved')).toContainText('This was not saved');
		});
	});
}

test('a changed, foreign or missing guest token is refused with 400 and a message', async ({
	request,
	baseURL
}) => {
	const html = await (await request.get(`/modules/${MODULE}/quiz`)).text();
	const token = /name="guest" value="([^"]+)"/.exec(html)![1]!;
	const other = /name="guest" value="([^"]+)"/.exec(
		await (await request.get(`/modules/${IMMEDIATE}/quiz`)).text()
	)![1]!;
	const [body, sig] = token.split('.');
	const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
	const reseeded = `${Buffer.from(JSON.stringify({ ...payload, s: '0'.repeat(32) })).toString('base64url')}.${sig}`;
	for (const [given, message] of [
		[reseeded, 'This quiz form was changed or belongs to another quiz.'],
		[other, 'This quiz form was changed or belongs to another quiz.'],
		['', 'This quiz form is not valid.'],
		['not a token', 'This quiz form is not valid.']
	] as const) {
		const res = await postForm(request, baseURL!, `/modules/${MODULE}/quiz?/submit`, [
			['guest', given],
			...quiz.questions.flatMap(rightFields)
		]);
		expect(res.status(), given).toBe(400);
		const text = await res.text();
		expect(text, given).toContain(message);
		expect(text, given).not.toContain('✓ Passed');
	}
	// The token as given is graded.
	const res = await postForm(request, baseURL!, `/modules/${MODULE}/quiz?/submit`, [
		['guest', token],
		...quiz.questions.flatMap(rightFields)
	]);
	expect(res.status()).toBe(200);
	expect(await res.text()).toContain('✓ Passed');
});

test('guests write nothing: every table has as many rows after their quizzes as before', async () => {
	test.setTimeout(240_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'jalons-guest-'));
	try {
		await (await startServer({ port: PORT, env: { DATA_DIR: dataDir } })).stop();
		const before = await withDatabase({ dataDir }, rowCounts);
		const server = await startServer({ port: PORT, env: { DATA_DIR: dataDir } });
		try {
			const origin = server.url;
			const post = (path: string, fields: [string, string][]) =>
				fetch(origin + path, {
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin,
						accept: 'text/html'
					},
					body: new URLSearchParams(fields).toString()
				});
			for (const [id, q] of [
				[MODULE, quiz],
				[IMMEDIATE, immediate]
			] as const) {
				const html = await (await fetch(`${origin}/modules/${id}/quiz`)).text();
				const token = /name="guest" value="([^"]+)"/.exec(html)![1]!;
				const shown = [...html.matchAll(/data-question="([a-z0-9-]+)"/g)].map((m) => m[1]!);
				if (q.feedback === 'immediate') {
					const checked = await post(`/modules/${id}/quiz?/check`, [
						['guest', token],
						['check', shown[0]!],
						...rightFields(question(q, shown[0]!))
					]);
					expect(checked.status).toBe(200);
				}
				const graded = await post(`/modules/${id}/quiz?/submit`, [
					['guest', token],
					...shown.flatMap((s) => rightFields(question(q, s)))
				]);
				expect(graded.status).toBe(200);
				expect(await graded.text()).toContain('✓ Passed');
			}
		} finally {
			await server.stop();
		}
		const after = await withDatabase({ dataDir }, rowCounts);
		expect(Object.keys(before).length).toBeGreaterThan(10);
		expect(after).toEqual(before);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});
