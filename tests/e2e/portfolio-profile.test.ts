// The portfolio profile and the public page a learner sends: headline, bio and links validated next
// to each field (with and without JavaScript), the public page leading with what is done, a copy
// link field, and the server-drawn link preview (og.png) that disappears with the share.
import { inflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, passQuiz, postForm, signUpNew } from './helpers';
import { catalog } from './catalog';

const JOB = 'prompt-engineer';
const roadmap = catalog.roadmaps.get(JOB)!;
const firstModule = roadmap.phases[0]!.modules[0]!;

const PROFILE = {
	Headline: 'Data analyst moving into prompt engineering',
	GitHub: 'https://github.com/ada-example',
	LinkedIn: 'https://www.linkedin.com/in/ada-example',
	Website: 'https://ada.example.org/'
};
const BIO = 'Five years of SQL and dashboards.\n\nNow building RAG assistants.';

async function fillProfile(page: Page) {
	for (const [label, value] of Object.entries(PROFILE)) await page.getByLabel(label).fill(value);
	await page.getByLabel('Short bio').fill(BIO);
}

for (const javaScriptEnabled of [true, false])
	test(`the profile: a bad link is refused next to its field, then saved — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await signUpNew(page);
		await page.goto('/portfolio');
		await fillProfile(page);
		await page.getByLabel('Website').fill('javascript:alert(1)');
		await page.getByLabel('GitHub').fill('https://gitlab.com/ada');
		await page.getByRole('button', { name: 'Save profile' }).click();
		const website = page.getByLabel('Website');
		await expect(website).toHaveAttribute('aria-invalid', 'true');
		await expect(website).toHaveAccessibleDescription(
			/Enter a web address starting with https:\/\//
		);
		await expect(page.getByLabel('GitHub')).toHaveAccessibleDescription(/Enter a GitHub address/);
		// What was typed is kept; nothing was saved.
		await expect(page.getByLabel('Short bio')).toHaveValue(BIO);
		await expect(page.getByLabel('Headline')).toHaveValue(PROFILE.Headline);
		await page.goto('/portfolio');
		await expect(page.getByLabel('Headline')).toHaveValue('');

		await fillProfile(page);
		await page.getByRole('button', { name: 'Save profile' }).click();
		await expect(page.getByText('Profile saved.')).toBeVisible();
		await page.goto('/portfolio');
		for (const [label, value] of Object.entries(PROFILE))
			await expect(page.getByLabel(label)).toHaveValue(value);
		await expect(page.getByLabel('Short bio')).toHaveValue(BIO);
		if (javaScriptEnabled) await expectNoAxeViolations(page);
		await context.close();
	});

test('the public page leads with the profile and what is done; og.png previews it until revoked', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	await signUpNew(page, 'Ada Profile');
	await page.goto('/portfolio');
	await fillProfile(page);
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByText('Profile saved.')).toBeVisible();
	await passQuiz(page.request, baseURL!, firstModule);
	const shared = await postForm(page.request, baseURL!, `/portfolio/${JOB}?/share`, []);
	expect(shared.status()).toBeLessThan(400);
	await page.goto(`/portfolio/${JOB}`);
	const link = await page.getByLabel(/Public link/).inputValue();
	expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{32}$/);

	const visitor = await browser.newContext();
	await visitor.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	const pub = await visitor.newPage();
	expect((await pub.goto(link))!.status()).toBe(200);

	// Order: name, headline, bio, links; then Done; then In progress.
	const text = (await pub.locator('main').innerText()).replace(/\s+/g, ' ');
	const at = (s: string) => {
		const i = text.indexOf(s);
		expect(i, `"${s}" on the page`).toBeGreaterThanOrEqual(0);
		return i;
	};
	const order = [
		at('Ada Profile'),
		at(PROFILE.Headline),
		at('Five years of SQL'),
		at('Now building RAG'),
		at('GitHub'),
		at('Done'),
		at('Modules completed'),
		at('In progress')
	];
	expect(order).toEqual([...order].sort((a, b) => a - b));
	for (const name of ['GitHub', 'LinkedIn', 'Website']) {
		const a = pub.getByRole('link', { name: new RegExp(`^${name}`) });
		await expect(a).toHaveAttribute('rel', 'me noopener noreferrer');
	}
	await expect(pub.getByRole('link', { name: /^GitHub/ })).toHaveAttribute('href', PROFILE.GitHub);
	// Locked items and unassessed competencies are counted on one line each, not listed.
	await expect(pub.getByText(/^\d+ items? not started yet/)).toBeVisible();
	await expect(pub.getByText(/^\d+ competenc(y|ies) not assessed yet\.$/)).toBeVisible();
	await expect(pub.locator('.item.locked')).toHaveCount(0);
	// The kind shows once, as a badge: no title repeats it.
	const titles = await pub.locator('.item .title').allInnerTexts();
	expect(titles.length).toBeGreaterThan(0);
	for (const t of titles) expect(t, t).not.toMatch(/^\s*\w+\s+Project:/i);

	// The link to copy: a read-only field, and with JavaScript a button that says it copied.
	const field = pub.getByLabel('Link to this portfolio');
	await expect(field).toHaveValue(link);
	await expect(field).toHaveAttribute('readonly', '');
	await pub.getByRole('button', { name: 'Copy link' }).click();
	await expect(pub.getByText('Copied', { exact: true })).toBeVisible();
	expect(await pub.evaluate(() => navigator.clipboard.readText())).toBe(link);

	// Open Graph: absolute image URL, served as a 1200 × 630 PNG.
	const image = await pub.locator('meta[property="og:image"]').getAttribute('content');
	expect(image).toBe(`${link}/og.png`);
	await expect(pub.locator('meta[property="og:description"]')).toHaveAttribute(
		'content',
		new RegExp(PROFILE.Headline)
	);
	const png = await pub.request.get(image!);
	expect(png.status()).toBe(200);
	expect(png.headers()['content-type']).toBe('image/png');
	expect(png.headers()['cache-control']).toMatch(/max-age=\d+/);
	const body = await png.body();
	expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
	expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
	const idatLength = body.readUInt32BE(33);
	expect(body.subarray(37, 41).toString('ascii')).toBe('IDAT');
	expect(inflateSync(body.subarray(41, 41 + idatLength)).length).toBe((1200 * 3 + 1) * 630);

	await expectNoAxeViolations(pub);
	await pub.emulateMedia({ colorScheme: 'dark' });
	await expectNoAxeViolations(pub);
	await pub.setViewportSize({ width: 375, height: 800 });
	expect(
		await pub.evaluate(() => document.documentElement.scrollWidth - innerWidth)
	).toBeLessThanOrEqual(0);

	// Revoked: the page and its image are the same 404 as an unknown slug.
	await page.getByRole('button', { name: 'Stop sharing' }).click();
	await expect(page.getByRole('button', { name: 'Share with a public link' })).toBeVisible();
	expect((await pub.request.get(image!)).status()).toBe(404);
	expect((await pub.request.get(`/p/${'A'.repeat(32)}/og.png`)).status()).toBe(404);
	expect((await pub.goto(link))!.status()).toBe(404);
	await visitor.close();
});

test('without JavaScript the share link is a selectable field, with no dead button', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signUpNew(page);
	await postForm(page.request, baseURL!, `/portfolio/${JOB}?/share`, []);
	await page.goto(`/portfolio/${JOB}`);
	const field = page.getByLabel(/Public link/);
	await expect(field).toHaveAttribute('readonly', '');
	await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
	await field.selectText();
	expect(
		await field.evaluate((el: HTMLInputElement) =>
			el.value.slice(el.selectionStart!, el.selectionEnd!)
		)
	).toBe(await field.inputValue());
	await context.close();
});
