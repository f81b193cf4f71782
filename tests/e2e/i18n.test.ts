// The interface in two languages: English at /…, French at /fr/… — the address decides, a first
// visit follows the browser's language, and the switcher (a plain link) remembers a choice.
import { expect, test } from '@playwright/test';
import { catalog } from './catalog';
import { localizeCatalog } from '../../src/lib/content/localize';

const fr = localizeCatalog(catalog, 'fr');
const decode = (s: string) =>
	s
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');
const h1 = (html: string) =>
	decode(
		/<h1[^>]*>([\s\S]*?)<\/h1>/
			.exec(html)?.[1]
			?.replace(/<[^>]+>/g, '')
			.trim() ?? ''
	);

test('every roadmap, module and quiz answers 200 in French at /fr/, with its French title', async ({
	request
}) => {
	test.slow();
	const pages: [string, string][] = [
		...[...fr.roadmaps.values()].map((r): [string, string] => [`/fr/roadmaps/${r.id}`, r.title]),
		...[...fr.modules.values()].map((m): [string, string] => [`/fr/modules/${m.id}`, m.title]),
		...[...fr.modules.values()].map((m): [string, string] => [`/fr/modules/${m.id}/quiz`, m.title]),
		...[...fr.competencies.values()].map((c): [string, string] => [
			`/fr/competencies/${c.id}`,
			c.title
		])
	];
	expect(pages.length).toBeGreaterThan(150);
	for (const [path, title] of pages) {
		const res = await request.get(path, { headers: { accept: 'text/html' } });
		expect(res.status(), path).toBe(200);
		const html = await res.text();
		expect(html, path).toContain('<html lang="fr"');
		expect(h1(html), path).toContain(title);
	}
});

test('<html lang>, hreflang alternates and a French 404', async ({ request, baseURL }) => {
	const en = await (await request.get('/modules/prompt-injection')).text();
	expect(en).toContain('<html lang="en"');
	for (const [lang, href] of [
		['en', '/modules/prompt-injection'],
		['fr', '/fr/modules/prompt-injection'],
		['x-default', '/modules/prompt-injection']
	])
		expect(en).toContain(`<link rel="alternate" hreflang="${lang}" href="${baseURL}${href}"`);
	const frHtml = await (await request.get('/fr/modules/prompt-injection')).text();
	expect(frHtml).toContain(`hreflang="en" href="${baseURL}/modules/prompt-injection"`);
	const missing = await request.get('/fr/modules/no-such-module', {
		headers: { accept: 'text/html' }
	});
	expect(missing.status()).toBe(404);
	const body = await missing.text();
	expect(body).toContain('<html lang="fr"');
	expect(h1(body)).toBe('Page introuvable');
});

for (const javaScriptEnabled of [false, true])
	test(`the language switch is a link that remembers the choice, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto('/modules/prompt-injection?from=prompt-engineer');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('link', { name: 'Français' }).first().click();
		await expect(page).toHaveURL(/\/fr\/modules\/prompt-injection\?from=prompt-engineer$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			fr.modules.get('prompt-injection')!.title
		);
		// Chosen: an English address now leads to the French page…
		await page.goto('/roadmaps/mlops-engineer');
		await expect(page).toHaveURL(/\/fr\/roadmaps\/mlops-engineer$/);
		// …until English is chosen again.
		await page.getByRole('link', { name: 'English' }).first().click();
		await expect(page).toHaveURL(/\/roadmaps\/mlops-engineer$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/');
		await expect(page).toHaveURL(/\/$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await context.close();
	});

test('a first visit follows the browser’s language; an explicit address is kept', async ({
	browser
}) => {
	const french = await browser.newContext({ locale: 'fr-FR' });
	const page = await french.newPage();
	await page.goto('/roadmaps/prompt-engineer');
	await expect(page).toHaveURL(/\/fr\/roadmaps\/prompt-engineer$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await french.close();

	const english = await browser.newContext({ locale: 'en-US' });
	const other = await english.newPage();
	await other.goto('/fr/roadmaps/prompt-engineer');
	await expect(other).toHaveURL(/\/fr\/roadmaps\/prompt-engineer$/);
	await other.goto('/roadmaps/prompt-engineer');
	await expect(other).toHaveURL(/\/roadmaps\/prompt-engineer$/);
	await english.close();
});

test('only page loads are sent to the French page: not data, downloads or form posts', async ({
	request
}) => {
	const headers = { 'accept-language': 'fr-FR,fr;q=0.9', accept: 'text/html' };
	const page = await request.get('/competencies', { headers, maxRedirects: 0 });
	expect(page.status()).toBe(307);
	expect(page.headers()['location']).toBe('/fr/competencies');
	expect(page.headers()['vary']).toMatch(/Accept-Language/);
	const data = await request.get('/competencies/__data.json', {
		headers: { 'accept-language': 'fr' },
		maxRedirects: 0
	});
	expect(data.status()).toBe(200);
	const json = await request.get('/issuer', {
		headers: { 'accept-language': 'fr', accept: 'application/json' },
		maxRedirects: 0
	});
	expect(json.status()).not.toBe(307);
});

test('the switch refuses an unknown language or a foreign way back, and sets no cookie', async ({
	request
}) => {
	const bad = await request.get('/lang?to=de&back=/', { maxRedirects: 0 });
	expect(bad.status()).toBe(400);
	expect(bad.headers()['set-cookie']).toBeUndefined();
	const away = await request.get('/lang?to=fr&back=https://evil.example/x', { maxRedirects: 0 });
	expect(away.status()).toBe(303);
	expect(away.headers()['location']).toBe('/fr');
});
