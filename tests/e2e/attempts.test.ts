// Attempts are held by the server: no sequence of requests lets a learner answer a revealed
// question again for credit, or record more than one result for one attempt. Through the quiz
// form, as a browser without JavaScript posts it, on every engine.
import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { catalog, rightFields, wrongFields } from './catalog';
import { postForm, signUpByRequest } from './helpers';

const IMMEDIATE = 'prompt-design-basics';
const quiz = catalog.quizzes.get(IMMEDIATE)!;

async function quizPage(request: APIRequestContext) {
	const html = await (await request.get(`/modules/${IMMEDIATE}/quiz`)).text();
	return {
		attempt: /name="attempt" value="([0-9a-f]{32})"/.exec(html)?.[1],
		shown: [...html.matchAll(/data-question="([a-z0-9-]+)"/g)].map((m) =>
			quiz.questions.find((q) => q.id === m[1])!
		),
		// Each submitted attempt is one bar of the history, labelled "… — passed" or "… — not passed".
		submitted: (html.match(/aria-label="[^"]* — (?:not )?passed"/g) ?? []).length
	};
}

const submitFields = (attempt: string, shown: ReturnType<typeof quiz.questions.slice>) => [
	['attempt', attempt] as [string, string],
	...shown.flatMap(rightFields)
];

test('two page loads are one attempt: same id, same questions', async ({ request, baseURL }) => {
	expect(quiz.feedback).toBe('immediate');
	await signUpByRequest(request, baseURL!);
	const first = await quizPage(request);
	const second = await quizPage(request);
	expect(first.attempt).toMatch(/^[0-9a-f]{32}$/);
	expect(second.attempt).toBe(first.attempt);
	expect(second.shown.map((q) => q.id)).toEqual(first.shown.map((q) => q.id));
});

test('answers revealed by checking cannot be answered again for credit, from any page load', async ({
	request,
	baseURL
}) => {
	await signUpByRequest(request, baseURL!);
	const { attempt, shown } = await quizPage(request);
	// Check every question with a wrong answer: each outcome, with its right answer, is now shown.
	for (const q of shown) {
		const res = await postForm(request, baseURL!, `/modules/${IMMEDIATE}/quiz?/check`, [
			['attempt', attempt!],
			['check', q.id],
			...wrongFields(q)
		]);
		expect(res.status(), q.id).toBe(200);
	}
	// A second load of the quiz (once a second, unlocked token) is the same attempt, still locked.
	const again = await quizPage(request);
	expect(again.attempt).toBe(attempt);
	expect(again.submitted).toBe(0);

	// A made-up attempt, or one of the learner's own that is not open, records nothing.
	const forged = await postForm(
		request,
		baseURL!,
		`/modules/${IMMEDIATE}/quiz?/submit`,
		submitFields(randomBytes(16).toString('hex'), shown)
	);
	expect(forged.status()).toBe(409);
	expect(await forged.text()).toContain('This quiz form is no longer valid.');
	expect((await quizPage(request)).submitted).toBe(0);

	// Submitting the right answers to the checked questions still scores what was checked: nothing.
	const res = await postForm(
		request,
		baseURL!,
		`/modules/${IMMEDIATE}/quiz?/submit`,
		submitFields(attempt!, shown)
	);
	const html = await res.text();
	expect(html).toContain('✗ Not passed yet');
	expect(html).toMatch(/aria-valuenow="0"/);
	const after = await quizPage(request);
	expect(after.submitted).toBe(1);
	expect(after.attempt).not.toBe(attempt);
});

test('the same attempt submitted many times at once is recorded once', async ({
	request,
	baseURL
}) => {
	await signUpByRequest(request, baseURL!);
	const { attempt, shown } = await quizPage(request);
	const results = await Promise.all(
		Array.from({ length: 6 }, () =>
			postForm(
				request,
				baseURL!,
				`/modules/${IMMEDIATE}/quiz?/submit`,
				submitFields(attempt!, shown)
			)
		)
	);
	for (const r of results) expect(r.status()).toBeLessThan(500);
	expect(results.filter((r) => r.status() === 200).length).toBeGreaterThanOrEqual(1);
	expect((await quizPage(request)).submitted).toBe(1);
});
