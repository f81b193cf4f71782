// What a search engine and a link preview read on every public page: a title, one description, the
// page's language. Lighthouse's SEO score counts the description; a page without one scored 90.
import { expect, test } from '@playwright/test';
import { modulePages, sitePages } from './site-pages';

const quizPages = modulePages
	.slice(0, 3)
	.map((p) => `${p}/quiz`)
	.filter((p) => !sitePages.includes(p));

for (const path of [...sitePages, ...quizPages, '/robots.txt'])
	test(`${path}: ${path === '/robots.txt' ? 'robots.txt is served' : 'a title, one description, a language'}`, async ({
		request
	}) => {
		const res = await request.get(path);
		if (path === '/robots.txt') {
			expect(res.status()).toBe(200);
			expect(await res.text()).toMatch(/^User-agent: \*/m);
			return;
		}
		const html = await res.text();
		expect(html, 'the page declares its language').toMatch(/<html[^>]* lang="[a-z]{2}"/);
		const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!.trim());
		expect(titles, 'one title').toHaveLength(1);
		expect(titles[0]!.length, 'the title is not empty').toBeGreaterThan(6);
		const descriptions = [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map(
			(m) => m[1]!.trim()
		);
		expect(descriptions, 'one description').toHaveLength(1);
		expect(descriptions[0]!.length, 'the description says something').toBeGreaterThan(30);
	});
