// Answer keys never reach the browser before submission: not in any client asset of the build, not
// in any quiz page, not in its __data.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { catalog, rightFields, wrongFields } from './catalog';
import { postForm, signUpByRequest } from './helpers';
import { localizeCatalog } from '../../src/lib/content/localize';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

// The French catalog: its quizzes' explanations and feedback are as secret as the English ones.
const french = localizeCatalog(catalog, 'fr');
const lessonsIn = (c: typeof catalog) =>
	norm([...c.modules.values()].map((m) => m.body).join('\n'));
const lessons = lessonsIn(catalog);
const frenchLessons = lessonsIn(french);

/**
 * Distinctive texts that only the server may know: explanations and per-option feedback — less
 * any that a lesson itself says word for word (lessons are public).
 */
function secrets(
	moduleId: string,
	only?: (id: string) => boolean,
	locale: 'en' | 'fr' = 'en'
): string[] {
	const quiz = (locale === 'fr' ? french : catalog).quizzes.get(moduleId)!;
	const publicText = locale === 'fr' ? frenchLessons : lessons;
	return quiz.questions
		.filter((q) => !only || only(q.id))
		.flatMap((q) => [
			norm(q.explanation).slice(0, 48),
			...('options' in q
				? q.options.flatMap((o) => (o.feedback ? [norm(o.feedback).slice(0, 40)] : []))
				: [])
		])
		.filter((s) => !publicText.includes(s));
}
// Field names of the quiz format that hold keys: they must never be serialised for the browser.
const KEY_FIELDS = [
	'"correct"',
	'"accept"',
	'"explanation"',
	'"pattern"',
	'"tolerance"',
	'"distractors"',
	'correct:true',
	'explanation:'
];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) =>
		statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]
	);
}

test('no client asset of the build holds a quiz explanation or feedback', () => {
	const assets = files('build/client').filter((f) => /\.(js|css|html|json)$/.test(f));
	expect(assets.length).toBeGreaterThan(10);
	const text = assets.map((f) => norm(readFileSync(f, 'utf8'))).join('\n');
	const all = (m: string) => [...secrets(m), ...secrets(m, undefined, 'fr')];
	expect(
		[...catalog.quizzes.keys()].flatMap((m) => secrets(m, undefined, 'fr')).length
	).toBeGreaterThan(300);
	const leaked = [...catalog.quizzes.keys()].flatMap((m) =>
		all(m)
			.filter((s) => text.includes(s))
			.map((s) => `${m}: ${s}`)
	);
	expect(leaked).toEqual([]);
});

// One learner per worker, made once; one test per module, so no test loops over the whole catalog.
let learner: APIRequestContext;
let baseURL: string;
test.beforeAll(async ({ playwright }, info) => {
	baseURL = info.project.use.baseURL!;
	learner = await playwright.request.newContext({ baseURL });
	await signUpByRequest(learner, baseURL);
});
test.afterAll(() => learner.dispose());

const leaksIn = (id: string, path: string, body: string) =>
	[
		...secrets(id).filter((s) => body.includes(s)),
		...secrets(id, undefined, 'fr').filter((s) => body.includes(s)),
		...KEY_FIELDS.filter((f) => body.includes(f))
	].map((s) => `${path}: ${s}`);

for (const id of catalog.quizzes.keys())
	test(`${id}: its quiz page, module page and their __data.json hold no key`, async () => {
		const leaks: string[] = [];
		for (const path of [
			`/modules/${id}/quiz`,
			`/modules/${id}/quiz/__data.json`,
			`/modules/${id}`,
			`/modules/${id}/__data.json`
		]) {
			const res = await learner.get(path);
			expect(res.status(), path).toBe(200);
			const body = norm(await res.text());
			if (path.endsWith('/quiz')) expect(body, path).toContain('Submit my answers');
			leaks.push(...leaksIn(id, path, body));
		}
		expect(leaks).toEqual([]);
	});

// The same pages in French (/fr/…) serve the French quiz: its texts are as secret.
for (const id of catalog.quizzes.keys())
	test(`${id}: its French quiz page, module page and their __data.json hold no key`, async () => {
		const leaks: string[] = [];
		for (const path of [
			`/fr/modules/${id}/quiz`,
			`/fr/modules/${id}/quiz/__data.json`,
			`/fr/modules/${id}`,
			`/fr/modules/${id}/__data.json`
		]) {
			const res = await learner.get(path);
			expect(res.status(), path).toBe(200);
			const body = norm(await res.text());
			if (path.endsWith('/quiz')) {
				expect(body, path).toContain('<html lang="fr"');
				expect(body, path).toContain('data-question="');
			}
			leaks.push(...leaksIn(id, path, body));
		}
		expect(leaks).toEqual([]);
	});

// A signed-out visitor takes the quiz as a guest: the page, its data, and every answer of the
// server before a question is graded hold nothing of any question not graded yet.
for (const id of catalog.quizzes.keys())
	test(`${id}: its guest quiz page and __data.json hold no key`, async ({ playwright }) => {
		const visitor = await playwright.request.newContext({ baseURL });
		const leaks: string[] = [];
		try {
			for (const path of [`/modules/${id}/quiz`, `/modules/${id}/quiz/__data.json`]) {
				const res = await visitor.get(path);
				expect(res.status(), path).toBe(200);
				const body = norm(await res.text());
				expect(body, path).toContain(path.endsWith('/quiz') ? 'Submit my answers' : 'guestToken');
				leaks.push(...leaksIn(id, `visitor ${path}`, body));
			}
		} finally {
			await visitor.dispose();
		}
		expect(leaks).toEqual([]);
	});

const immediateQuizzes = [...catalog.quizzes].filter(([, q]) => q.feedback === 'immediate');

for (const [id, quiz] of immediateQuizzes)
	test(`${id}: a guest's checked answer reveals nothing of the other questions`, async ({
		playwright
	}) => {
		const visitor = await playwright.request.newContext({ baseURL });
		const leaks: string[] = [];
		try {
			const html = await (await visitor.get(`/modules/${id}/quiz`)).text();
			const token = /name="guest" value="([^"]+)"/.exec(html)?.[1];
			expect(token, 'a guest token').toBeTruthy();
			const shown = [...html.matchAll(/data-question="([a-z0-9-]+)"/g)].map((m) => m[1]!);
			const first = quiz.questions.find((q) => q.id === shown[0])!;
			const unchecked = (qid: string) => qid !== first.id;
			const fields: [string, string][] = [
				['guest', token!],
				['check', first.id],
				...wrongFields(first)
			];
			for (const accept of ['text/html', 'application/json']) {
				const res = await visitor.post(`/modules/${id}/quiz?/check`, {
					data: new URLSearchParams(fields).toString(),
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin: baseURL,
						accept,
						...(accept === 'application/json' ? { 'x-sveltekit-action': 'true' } : {})
					}
				});
				expect(res.status(), accept).toBe(200);
				const body = norm(await res.text());
				// The checked question is graded (its outcome is there); the others are not.
				expect(body, accept).toContain(
					accept === 'text/html' ? `id="outcome-${first.id}"` : 'explanationHtml'
				);
				leaks.push(
					...secrets(id, unchecked)
						.filter((x) => body.includes(x))
						.map((x) => `check ${accept}: ${x}`)
				);
			}
			// A submission refused (a malformed answer) grades nothing.
			const refused = await postForm(visitor, baseURL, `/modules/${id}/quiz?/submit`, [
				['guest', token!],
				...shown.map((qid) => [`q-${qid}`, 'x'.repeat(3)] as [string, string])
			]);
			expect(refused.status()).toBe(400);
			leaks.push(...leaksIn(id, 'refused submit', norm(await refused.text())));
		} finally {
			await visitor.dispose();
		}
		expect(leaks).toEqual([]);
	});

// A review grades one question: without a due card of the learner's own for it, /review must say
// nothing of it — neither the right answer nor the explanation nor whether the answer was right.
for (const id of catalog.quizzes.keys())
	test(`${id}: /review grades none of its questions for a learner without their cards`, async () => {
		const quiz = catalog.quizzes.get(id)!;
		const leaks: string[] = [];
		for (const q of quiz.questions) {
			const fields: [string, string][] = [['module', id], ['question', q.id], ...rightFields(q)];
			// Both steps of a review: the answer, and the rating that carries the answer back.
			for (const [action, accept] of [
				['answer', 'text/html'],
				['answer', 'application/json'],
				['rate', 'application/json']
			] as const) {
				const res = await learner.post(`/review?/${action}`, {
					data: new URLSearchParams([...fields, ['rate', 'easy']]).toString(),
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin: baseURL,
						accept,
						...(accept === 'application/json' ? { 'x-sveltekit-action': 'true' } : {})
					}
				});
				expect(res.status(), `${id}/${q.id}`).toBeLessThan(500);
				const body = norm(await res.text());
				expect(body, `${id}/${q.id}`).toContain('You have no review card due for this question.');
				leaks.push(...leaksIn(id, `/review ${q.id}`, body));
				for (const word of ['Right answer', '"right"', '✓ Right', 'explanationHtml'])
					if (body.includes(word)) leaks.push(`/review ${id}/${q.id}: ${word}`);
			}
		}
		expect(leaks).toEqual([]);
	});

// The quiz preview (/teach/modules/<id>/preview and its trial) holds every key: in the production
// build, learners and visitors get the 404 of a page that does not exist — its data, its trial and
// the trial's grading included. (tests/e2e/teach.test.ts shows an instructor getting the keys.)
const previewPaths = (id: string) => [
	`/teach/modules/${id}/preview`,
	`/teach/modules/${id}/preview/__data.json`,
	`/teach/modules/${id}/preview/try`,
	`/teach/modules/${id}/preview/try/__data.json`
];

for (const id of catalog.quizzes.keys())
	test(`${id}: learners and visitors get a 404 with no key from its quiz preview`, async ({
		playwright
	}) => {
		const visitor = await playwright.request.newContext({ baseURL });
		const leaks: string[] = [];
		try {
			for (const [who, request] of [
				['learner', learner],
				['visitor', visitor]
			] as const) {
				for (const path of previewPaths(id)) {
					const res = await request.get(path);
					const body = norm(await res.text());
					// SvelteKit answers a page's data with 200 and the load's error inside.
					if (path.endsWith('__data.json'))
						expect(body, `${who} ${path}`).toMatch(
							/\{"type":"error","error":\{"message":"Not Found"\},"status":404\}\]\}$/
						);
					else expect(res.status(), `${who} ${path}`).toBe(404);
					leaks.push(...leaksIn(id, `${who} ${path}`, body));
				}
				const quiz = catalog.quizzes.get(id)!;
				const graded = await request.post(`/teach/modules/${id}/preview/try`, {
					data: new URLSearchParams(quiz.questions.flatMap(rightFields)).toString(),
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin: baseURL,
						accept: 'text/html'
					}
				});
				expect(graded.status(), `${who} POST try`).toBe(404);
				const body = norm(await graded.text());
				leaks.push(...leaksIn(id, `${who} POST try`, body));
				for (const word of ['Right answer', 'would pass', 'explanationHtml'])
					if (body.includes(word)) leaks.push(`${who} POST try: ${word}`);
			}
		} finally {
			await visitor.dispose();
		}
		expect(leaks).toEqual([]);
	});

test('the preview 404 is the 404 of a page that does not exist', async () => {
	const text = async (path: string) => {
		const res = await learner.get(path);
		const body = norm(await res.text());
		return { status: res.status(), main: /<main[^>]*>(.*)<\/main>/.exec(body)?.[1] ?? body };
	};
	const missing = await text('/teach/no-such-page');
	expect(missing.status).toBe(404);
	const id = [...catalog.quizzes.keys()][0]!;
	expect(await text(`/teach/modules/${id}/preview`)).toEqual(missing);
	expect(await text(`/teach/modules/no-such-module/preview`)).toEqual(missing);
});
