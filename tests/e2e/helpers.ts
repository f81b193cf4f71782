import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { catalog, rightFields } from './catalog';

/** Fails with the list of violations, so a failing run says what to fix. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 5)
				.join(', ')}`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Links on the current page whose href starts with the prefix, deduplicated, in page order. */
export async function linksTo(page: Page, prefix: string): Promise<string[]> {
	const hrefs = await page
		.locator(`main a[href^="${prefix}"]`)
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	return [...new Set(hrefs)];
}

/**
 * How long a sign-up or sign-in may take to show: a bcrypt hash and a few database transactions,
 * then the next page — on a busy CI machine, more than one assertion's default 20 s.
 */
const SIGN_IN_TIMEOUT = 45_000;

/** What each page's sign-up posts got back, for the message of a sign-in that never shows. */
const signUpAnswers = new WeakMap<Page, string[]>();

/** Fills and sends the sign-up form (recording what its posts get back, for `expectSignedIn`). */
export async function submitSignUp(
	page: Page,
	email: string,
	password = 'a good long password',
	displayName?: string
) {
	if (!signUpAnswers.has(page)) {
		const answers: string[] = [];
		signUpAnswers.set(page, answers);
		page.on('response', (res) => {
			if (res.request().method() === 'POST' && new URL(res.url()).pathname === '/signup')
				answers.push(`${res.status()} ${res.headers()['content-type'] ?? ''}`.trim());
		});
	}
	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	if (displayName) await page.getByLabel('Display name (optional)').fill(displayName);
	await page.getByRole('button', { name: 'Create account' }).click();
}

/**
 * Waits until `account` (the header's link to the account) passes `check`; when it never does, fails
 * with the page's URL, what its sign-up posts got back and what the page shows instead.
 */
export async function expectSignedIn(
	page: Page,
	account: Locator = page.getByRole('link', { name: 'Account', exact: true }),
	check: 'visible' | 'attached' = 'visible'
) {
	try {
		if (check === 'visible') await expect(account).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
		else await expect(account).toBeAttached({ timeout: SIGN_IN_TIMEOUT });
	} catch (e) {
		const shown = await page
			.locator('main')
			.innerText({ timeout: 2_000 })
			.catch(() => '(no main)');
		const answers = signUpAnswers.get(page)?.join(', ') || 'none seen';
		throw new Error(
			`not signed in at ${page.url()}; sign-up posts answered: ${answers}; the page shows: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`,
			{ cause: e }
		);
	}
}

/** Creates a fresh account (and signs in as it); returns its email. */
export async function signUpNew(page: Page, displayName?: string): Promise<string> {
	const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
	await submitSignUp(page, email, undefined, displayName);
	// Signed in: the header links to the account — in its bar, or below 64rem in its closed menu.
	await expectSignedIn(page, page.locator('header a[href="/account"]').first(), 'attached');
	return email;
}

/**
 * Waits until every lesson island on the page is live (src/lib/lessons/islands.ts replaces each
 * server-rendered `[data-island]` with a mounted copy inside a `.island` div). Filling a field
 * before then can type into the element that is being replaced.
 */
export async function islandsLive(page: Page) {
	await expect(page.locator('[data-island]').first()).toBeAttached();
	await expect(page.locator(':not(.island) > [data-island]')).toHaveCount(0);
}

/**
 * Holds back the app's JavaScript until the returned function is called: what a user does before
 * the page comes alive (hydration) can then be tested.
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

/** A new account, made through the sign-up form's POST; the request context keeps its cookie. */
export async function signUpByRequest(request: APIRequestContext, baseURL: string) {
	const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
	const res = await postForm(request, baseURL, '/signup', [
		['email', email],
		['password', 'a good long password']
	]);
	expect(res.status(), 'sign-up').toBeLessThan(400);
	return email;
}

/** Posts form fields as a browser without JavaScript does (same-origin, url-encoded). */
export function postForm(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	fields: [string, string][]
) {
	return request.post(path, {
		data: new URLSearchParams(fields).toString(),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseURL,
			accept: 'text/html'
		},
		maxRedirects: 0
	});
}

/** Passes a module's quiz with its keys, through the quiz form: the learner's own attempt. */
export async function passQuiz(request: APIRequestContext, baseURL: string, moduleId: string) {
	const quiz = catalog.quizzes.get(moduleId)!;
	const html = await (await request.get(`/modules/${moduleId}/quiz`)).text();
	const attempt = /name="attempt" value="([0-9a-f]{32})"/.exec(html)?.[1];
	expect(attempt, `an open attempt at ${moduleId}`).toBeTruthy();
	const shown = [...html.matchAll(/data-question="([a-z0-9-]+)"/g)].map((m) => m[1]!);
	const fields: [string, string][] = [['attempt', attempt!]];
	for (const id of shown) fields.push(...rightFields(quiz.questions.find((q) => q.id === id)!));
	const res = await postForm(request, baseURL, `/modules/${moduleId}/quiz?/submit`, fields);
	expect(await res.text(), `the quiz of ${moduleId}`).toContain('✓ Passed');
}
