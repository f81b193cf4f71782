// The portfolio in Chromium: modules tick items, evidence is validated and saved, a share link shows
// the public page to a signed-out visitor (and prints cleanly), and revoking it makes it a 404.
import { expect, test, type Page } from '@playwright/test';
import { verifyCredential } from '../../src/lib/server/portfolio/credential';
import { expectNoAxeViolations, passQuiz, postForm, signUpNew } from './helpers';
import { catalog } from './catalog';

const JOB = 'prompt-engineer';
const roadmap = catalog.roadmaps.get(JOB)!;
const rag = roadmap.portfolio.find((i) => i.id === 'support-chatbot-rag')!;

/** Completing a module means passing its quiz (through the quiz form, with its keys). */
const complete = (page: Page, moduleId: string) =>
	passQuiz(page.request, new URL(page.url()).origin, moduleId);

const item = (page: Page, id: string) => page.locator(`#item-${id}`);

for (const javaScriptEnabled of [true, false])
	test(`complete modules, add evidence, share, view signed out, print, revoke — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const owner = await browser.newContext({ javaScriptEnabled });
		const page = await owner.newPage();
		const email = await signUpNew(page, 'Ada Example');
		await page.goto(`/portfolio/${JOB}`);
		await expect(item(page, rag.id)).toContainText('Locked');
		await expect(item(page, rag.id)).toContainText('Unlocks when you complete');
		if (javaScriptEnabled) await expectNoAxeViolations(page);

		// Completing the modules it requires unlocks the project.
		for (const m of rag.requires) await complete(page, m);
		await page.goto(`/portfolio/${JOB}`);
		const project = item(page, rag.id);
		await expect(project).toContainText('To do');

		// A javascript: URL is refused next to its field, and nothing is saved.
		await project.getByText('Add your evidence').click();
		await project.getByLabel('Link to the work').fill('javascript:alert(document.cookie)');
		const note = 'RAG bot over our FAQ <b>with sources</b> <script>alert(1)</script>';
		await project.getByLabel('What it shows').fill(note);
		await project.getByRole('button', { name: 'Save evidence' }).click();
		await expect(project.getByText('Enter a web address starting with https://.')).toBeVisible();
		await expect(project.getByLabel('What it shows')).toHaveValue(note);
		await page.goto(`/portfolio/${JOB}`);
		await expect(item(page, rag.id)).toContainText('To do');

		await item(page, rag.id).getByText('Add your evidence').click();
		await item(page, rag.id).getByLabel('Link to the work').fill('https://example.org/ada/rag-bot');
		await item(page, rag.id).getByLabel('What it shows').fill(note);
		await item(page, rag.id).getByRole('button', { name: 'Save evidence' }).click();
		await expect(page.getByText('Evidence saved.')).toBeVisible();
		await expect(item(page, rag.id)).toContainText('✓ Done');
		if (javaScriptEnabled) await expectNoAxeViolations(page);

		// The JSON export holds it.
		const exported = await (await page.request.get('/portfolio/export.json')).json();
		const mine = exported.portfolios.find((p: { roadmap: { id: string } }) => p.roadmap.id === JOB);
		expect(mine.items.find((i: { id: string }) => i.id === rag.id).evidence.url).toBe(
			'https://example.org/ada/rag-bot'
		);

		// Share, then open the link in a fresh, signed-out browser.
		await page.getByRole('button', { name: 'Share with a public link' }).click();
		const link = await page.getByLabel(/Public link/).inputValue();
		expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{32}$/);

		const visitor = await browser.newContext({ viewport: { width: 375, height: 800 } });
		const pub = await visitor.newPage();
		const res = await pub.goto(link);
		expect(res!.status()).toBe(200);
		await expect(pub.getByRole('heading', { level: 1, name: 'Ada Example' })).toBeVisible();
		await expect(pub.locator('meta[property="og:title"]')).toHaveAttribute(
			'content',
			`Ada Example — ${roadmap.title} portfolio`
		);
		const evidenceLink = pub.locator(`#item-${rag.id} a[href="https://example.org/ada/rag-bot"]`);
		await expect(evidenceLink).toHaveAttribute('rel', /nofollow/);
		await expect(evidenceLink).toHaveAttribute('rel', /noopener/);
		// Markup in the note is shown as text, never interpreted.
		await expect(pub.locator(`#item-${rag.id} .evidence p`).first()).toHaveText(note);
		await expect(
			pub.locator(`#item-${rag.id} .evidence b, #item-${rag.id} .evidence script`)
		).toHaveCount(0);
		const html = await pub.content();
		expect(html).not.toContain(email);
		await expect(pub.getByRole('progressbar', { name: 'Portfolio items done' })).toBeVisible();
		expect(
			await pub.evaluate(() => document.documentElement.scrollWidth - innerWidth)
		).toBeLessThanOrEqual(0);
		await expectNoAxeViolations(pub);

		// Stop sharing: the link is a 404 that says nothing about why.
		await page.getByRole('button', { name: 'Stop sharing' }).click();
		await expect(page.getByRole('button', { name: 'Share with a public link' })).toBeVisible();
		const gone = await pub.goto(link);
		expect(gone!.status()).toBe(404);
		const unknown = await pub.goto('/p/' + 'A'.repeat(32));
		expect(unknown!.status()).toBe(404);
		await expect(pub.locator('main')).toContainText(
			'There is no shared portfolio at this address.'
		);
		await visitor.close();
		await owner.close();
	});

test('a shared portfolio prints to PDF without the site header and footer', async ({
	page,
	browser,
	baseURL
}) => {
	await signUpNew(page, 'Ada Print');
	for (const m of rag.requires) await complete(page, m);
	const shared = await postForm(page.request, baseURL!, `/portfolio/${JOB}?/share`, []);
	expect(shared.status()).toBeLessThan(400);
	await page.goto(`/portfolio/${JOB}`);
	const link = await page.getByLabel(/Public link/).inputValue();

	const visitor = await browser.newContext();
	const pub = await visitor.newPage();
	await pub.goto(link);
	await pub.emulateMedia({ media: 'print' });
	await expect(pub.locator('header.site')).toBeHidden();
	await expect(pub.locator('footer.site')).toBeHidden();
	await expect(pub.getByRole('heading', { level: 1, name: 'Ada Print' })).toBeVisible();
	const pdf = await pub.pdf({ format: 'A4' });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(2);
	await visitor.close();
});

test('reading every module of a roadmap, without passing its quizzes, earns no credential', async ({
	page
}) => {
	const job = 'chatbot-project-manager';
	const target = catalog.roadmaps.get(job)!;
	await signUpNew(page);
	for (const m of target.phases.flatMap((p) => p.modules)) {
		const res = await postForm(page.request, new URL(page.url()).origin, `/modules/${m}?/read`, []);
		expect(res.status(), m).toBeLessThan(400);
	}
	expect((await page.request.get(`/portfolio/${job}/credential.json`)).status()).toBe(404);
	await page.goto(`/portfolio/${job}`);
	await expect(page.getByText('once you have passed the quiz of every module')).toBeVisible();
	await page.goto(`/roadmaps/${job}`);
	await expect(page.getByRole('progressbar', { name: `${target.title} roadmap` })).toHaveAttribute(
		'aria-valuenow',
		'0'
	);
});

test('a completed roadmap gives an Open Badges 3.0 credential', async ({ page }) => {
	test.setTimeout(180_000);
	const job = 'chatbot-project-manager';
	const target = catalog.roadmaps.get(job)!;
	await signUpNew(page);
	expect((await page.request.get(`/portfolio/${job}/credential.json`)).status()).toBe(404);
	for (const m of target.phases.flatMap((p) => p.modules)) await complete(page, m);
	await page.goto(`/portfolio/${job}`);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: /Open Badges 3.0 credential/ }).click();
	const file = await (await download).path();
	const credential = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
	expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
	expect(credential.credentialSubject.achievement.name).toContain(target.title);
	expect(credential.credentialSubject.achievement.alignment.length).toBeGreaterThan(3);
	expect(JSON.stringify(credential)).not.toContain('@example.org');

	// Signed by the server's issuer key, which /issuer publishes: it verifies, and a change breaks it.
	const issuer = await (await page.request.get('/issuer')).json();
	const key = issuer.assertionMethod[0].publicKeyMultibase;
	expect(credential.proof[0].verificationMethod).toBe(issuer.assertionMethod[0].id);
	expect(await verifyCredential(credential, key)).toEqual({ verified: true });
	const forged = structuredClone(credential);
	forged.credentialSubject.achievement.name = 'Chief Everything Officer';
	expect((await verifyCredential(forged, key)).verified).toBe(false);
});

test('portfolio pages need an account, and unknown jobs are 404', async ({ page }) => {
	await page.goto('/portfolio');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fportfolio/);
	await signUpNew(page);
	expect((await page.goto('/portfolio/astronaut'))!.status()).toBe(404);
	await page.goto('/portfolio');
	await expect(page.getByRole('progressbar', { name: 'Portfolio readiness' })).toHaveCount(4);
	await expectNoAxeViolations(page);

	// Readable at 375 px, with a share link and an evidence form open.
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto(`/portfolio/${JOB}`);
	await page.getByRole('button', { name: 'Share with a public link' }).click();
	await expect(page.getByLabel(/Public link/)).toBeVisible();
	await page.locator('summary', { hasText: 'Add your evidence' }).first().click();
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
	expect(await overflow(), `/portfolio/${JOB}`).toBeLessThanOrEqual(0);
	await page.goto('/portfolio');
	expect(await overflow(), '/portfolio').toBeLessThanOrEqual(0);
});
