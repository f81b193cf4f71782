// Security headers (docs/security.md): every response carries them, pages get a Content-Security-
// Policy with a fresh nonce and no 'unsafe-inline' script, and the pages work under it — islands,
// navigation, the public portfolio — without one violation.
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { expectNoAxeViolations, islandsLive, signUpNew } from './helpers';

type Policy = Record<string, string[]>;

function policyOf(res: APIResponse): Policy {
	const header = res.headers()['content-security-policy'];
	expect(header, `Content-Security-Policy of ${res.url()}`).toBeTruthy();
	return Object.fromEntries(
		header!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name!.toLowerCase(), values])
	);
}

function expectHeaders(res: APIResponse): Policy {
	const h = res.headers();
	expect(h['x-content-type-options'], res.url()).toBe('nosniff');
	expect(h['referrer-policy'], res.url()).toBe('strict-origin-when-cross-origin');
	expect(h['x-frame-options'], res.url()).toBe('DENY');
	const policy = policyOf(res);
	expect(policy['frame-ancestors'], res.url()).toEqual(["'none'"]);
	for (const d of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src'])
		for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'"])
			expect(policy[d] ?? [], `${d} of ${res.url()}`).not.toContain(unsafe);
	return policy;
}

function expectPagePolicy(policy: Policy, url: string) {
	expect(policy['default-src'], url).toEqual(["'self'"]);
	expect(policy['object-src'], url).toEqual(["'none'"]);
	expect(policy['base-uri'], url).toEqual(["'self'"]);
	expect(policy['form-action'], url).toEqual(["'self'"]);
	expect(
		policy['script-src']?.filter((s) => !s.startsWith("'nonce-")),
		url
	).toEqual(["'self'"]);
	expect(policy['style-src'], url).toEqual(["'self'"]);
}

const nonceOf = (policy: Policy) =>
	policy['script-src']?.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);

test('pages, error pages and JSON responses carry the security headers', async ({ request }) => {
	for (const path of ['/', '/modules/iam-least-privilege', '/tools/policy-evaluator']) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(200);
		const policy = expectHeaders(res);
		expectPagePolicy(policy, path);
		// SvelteKit's inline start-up script runs by its nonce, which changes on every response.
		const nonce = nonceOf(policy);
		expect(nonce, path).toBeTruthy();
		expect(await res.text()).toContain(`<script nonce="${nonce}">`);
		expect(nonceOf(expectHeaders(await request.get(path)))).not.toBe(nonce);
	}
	for (const path of ['/no-such-page', '/modules/no-such-module', '/p/' + 'A'.repeat(32)]) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(404);
		expectPagePolicy(expectHeaders(res), path);
	}
	// Responses that are not pages load nothing at all.
	const json = [
		await request.get('/issuer'),
		await request.get('/modules/iam-least-privilege/__data.json'),
		await request.post('/api/tokens', { data: { text: 'one two', encoding: 'o200k_base' } }),
		// Labelled JSON, so the request guard lets it through and the endpoint's own 400 answers.
		await request.post('/api/tokens', {
			data: 'not json',
			headers: { 'content-type': 'application/json' }
		})
	];
	for (const res of json) {
		expect(res.headers()['content-type'], res.url()).toMatch(/json/);
		expect(expectHeaders(res)['default-src'], res.url()).toEqual(["'none'"]);
	}
	expect(json.map((r) => r.status())).toEqual([200, 200, 200, 400]);
});

test('downloads of a signed-in learner carry the security headers', async ({ page }) => {
	await signUpNew(page);
	const exported = await page.request.get('/portfolio/export.json');
	expect(exported.status()).toBe(200);
	expect(exported.headers()['content-disposition']).toMatch(/^attachment/);
	expectHeaders(exported);
	// No credential before the roadmap is completed: that answer carries them too.
	const credential = await page.request.get('/portfolio/prompt-engineer/credential.json');
	expect(credential.status()).toBe(404);
	expectHeaders(credential);
});

/**
 * Collects the page's Content-Security-Policy violations, from before its first script runs. Each
 * read also checks that the page was served with its policy, so no violation means one was in force.
 */
async function watchViolations(page: Page) {
	let policy: string | undefined;
	page.on('response', (res) => {
		if (res.request().resourceType() === 'document' && res.frame() === page.mainFrame())
			policy = res.headers()['content-security-policy'];
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	return async () => {
		expect(policy, `the policy of ${page.url()}`).toMatch(/script-src 'self' 'nonce-[^']+';/);
		return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
	};
}

test('a lesson island runs without a policy violation, and axe finds nothing', async ({ page }) => {
	// axe on a long lesson takes half a minute on a loaded machine.
	test.slow();
	const violations = await watchViolations(page);
	await page.goto('/modules/iam-least-privilege', { waitUntil: 'networkidle' });
	await islandsLive(page);
	const evaluator = page.getByRole('region', { name: 'Access-policy evaluator' });
	await evaluator.getByLabel('Action').fill('iam:CreateUser');
	await expect(evaluator.getByText('Denied implicitly (no statement allows it)')).toBeVisible();
	await expectNoAxeViolations(page);
	expect(await violations(), page.url()).toEqual([]);
});

test('other islands, tools and a quiz run without a policy violation', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto('/modules/tokens-cost-latency', { waitUntil: 'networkidle' });
	await islandsLive(page);
	const counter = page.getByRole('region', { name: 'Token counter and cost estimator' });
	await counter.getByLabel('Prompt text').fill('one two three');
	await expect(counter.getByText(/^3 tokens$/)).toBeVisible();
	expect(await violations(), page.url()).toEqual([]);
	for (const path of ['/', '/tools/policy-evaluator', '/modules/tokens-cost-latency/quiz']) {
		await page.goto(path, { waitUntil: 'networkidle' });
		expect(await violations(), path).toEqual([]);
	}
});

test('client-side navigation runs without a policy violation; what a page did not ship is refused', async ({
	page
}) => {
	const violations = await watchViolations(page);
	// SvelteKit's route announcer comes alive on the first client-side navigation.
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.locator('main a[href^="/roadmaps/"]').first().click();
	await expect(page).toHaveURL(/\/roadmaps\//);
	await expect(page.locator('#svelte-announcer')).toHaveText(/\S/);
	expect(await violations(), page.url()).toEqual([]);

	// The watch works and the policy holds: an injected script and style attribute are refused.
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		document.body.insertAdjacentHTML('beforeend', '<p style="color: red">injected</p>');
	});
	await expect.poll(violations).toHaveLength(2);
	expect(await page.evaluate(() => '__injected' in window)).toBe(false);
	expect((await violations()).map((v) => v.split(' ')[0]).sort()).toEqual([
		'script-src-elem',
		'style-src-attr'
	]);
});

test('signed-in pages and the public portfolio run without a policy violation', async ({
	page,
	browser
}) => {
	test.slow();
	const violations = await watchViolations(page);
	await signUpNew(page, 'Ada Policy');
	for (const path of ['/roadmaps/prompt-engineer', '/portfolio', '/account']) {
		await page.goto(path, { waitUntil: 'networkidle' });
		expect(await violations(), path).toEqual([]);
	}
	await page.goto('/portfolio/prompt-engineer', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Share with a public link' }).click();
	const link = await page.getByLabel(/Public link/).inputValue();
	expect(await violations(), page.url()).toEqual([]);

	const visitor = await browser.newContext();
	const pub = await visitor.newPage();
	const seen = await watchViolations(pub);
	await pub.goto(link, { waitUntil: 'networkidle' });
	await expect(pub.getByRole('heading', { level: 1, name: 'Ada Policy' })).toBeVisible();
	await pub.emulateMedia({ media: 'print' });
	await expect(pub.locator('header.site')).toBeHidden();
	expect(await seen(), link).toEqual([]);
	await visitor.close();
});
