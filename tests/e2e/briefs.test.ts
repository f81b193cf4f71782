// Project briefs in Chromium: the learner reads a project's brief folded on their portfolio page,
// ticks the rubric criteria they claim with their evidence (with and without JavaScript), a
// criterion that is not in the rubric is refused, and the public page shows the rubric beside the
// evidence with the claims marked as the learner's own.
import { expect, test, type Page } from '@playwright/test';
import { briefKey } from '../../src/lib/content/brief';
import { expectNoAxeViolations, passQuiz, postForm, signUpNew } from './helpers';
import { catalog } from './catalog';

const JOB = 'prompt-engineer';
const rag = catalog.roadmaps.get(JOB)!.portfolio.find((i) => i.id === 'support-chatbot-rag')!;
const brief = catalog.briefs.get(briefKey(JOB, rag.id))!;
const [first, , third] = brief.rubric;

const item = (page: Page) => page.locator(`#item-${rag.id}`);

for (const javaScriptEnabled of [true, false])
	test(`the brief, claimed criteria and the public rubric — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(480_000);
		const owner = await browser.newContext({ javaScriptEnabled });
		const page = await owner.newPage();
		await signUpNew(page, 'Brief Example');
		const origin = new URL(page.url()).origin;

		// A locked project already shows its brief, folded.
		await page.goto(`/portfolio/${JOB}`);
		const summary = item(page).getByText(/^The brief: goal, rubric, milestones/);
		await expect(summary).toBeVisible();
		await expect(item(page).getByText(first!.meets)).toBeHidden();
		await summary.click();
		await expect(item(page).getByText(first!.meets)).toBeVisible();
		await expect(item(page).getByRole('heading', { name: 'Acceptance criteria' })).toBeVisible();
		await expect(item(page).getByRole('link', { name: brief.datasets[0]!.name })).toHaveAttribute(
			'href',
			brief.datasets[0]!.url
		);

		for (const m of rag.requires) await passQuiz(page.request, origin, m);
		await page.goto(`/portfolio/${JOB}`);
		await item(page).getByText('Add your evidence').click();
		const claims = item(page).getByRole('group', {
			name: 'Rubric criteria your work meets (self-assessed)'
		});
		await expect(claims.getByRole('checkbox')).toHaveCount(brief.rubric.length);
		await item(page).getByLabel('Link to the work').fill('https://example.org/brief/rag');
		await item(page).getByLabel('What it shows').fill('A support bot over the Kubernetes docs.');
		await claims.getByLabel(first!.criterion).check();
		await claims.getByLabel(third!.criterion).check();
		await item(page).getByRole('button', { name: 'Save evidence' }).click();
		await expect(page.getByText('Evidence saved.')).toBeVisible();
		await expect(item(page)).toContainText(
			`You claim 2 of ${brief.rubric.length} rubric criteria (self-assessed).`
		);

		// Saved: the form shows them ticked on a fresh load.
		await page.goto(`/portfolio/${JOB}`);
		await item(page).getByText('Edit your evidence').click();
		await expect(claims.getByLabel(first!.criterion)).toBeChecked();
		await expect(claims.getByLabel(third!.criterion)).toBeChecked();
		await expect(claims.getByRole('checkbox', { checked: true })).toHaveCount(2);
		if (javaScriptEnabled) await expectNoAxeViolations(page);

		// A criterion that is not in the rubric is refused with 400, and nothing changes.
		const forged = await postForm(page.request, origin, `/portfolio/${JOB}?/evidence`, [
			['item', rag.id],
			['url', 'https://example.org/brief/other'],
			['note', 'Changed'],
			['achieved_on', '2026-11-01'],
			['criteria', 'not-a-criterion']
		]);
		expect(forged.status()).toBe(400);
		expect(await forged.text()).toContain("Tick only criteria of this project's rubric");
		await page.goto(`/portfolio/${JOB}`);
		await expect(item(page)).toContainText('A support bot over the Kubernetes docs.');
		await expect(item(page)).toContainText(`You claim 2 of ${brief.rubric.length}`);

		// The public page: the rubric beside the evidence, claims marked as the learner's own.
		await page.getByRole('button', { name: 'Share with a public link' }).click();
		const link = await page.getByLabel(/Public link/).inputValue();
		const visitor = await browser.newContext({ viewport: { width: 375, height: 800 } });
		const pub = await visitor.newPage();
		await pub.goto(link);
		const block = pub.locator(`#item-${rag.id}`);
		await expect(block.getByRole('heading', { name: 'What the brief asked' })).toBeVisible();
		await expect(block).toContainText(brief.goal);
		await expect(block.getByText('Claimed by the learner (self-assessed)')).toHaveCount(2);
		await expect(block.getByText('Not claimed')).toHaveCount(brief.rubric.length - 2);
		await expect(block.locator('li.claimed')).toContainText([first!.criterion, third!.criterion]);
		expect(
			await pub.evaluate(() => document.documentElement.scrollWidth - innerWidth)
		).toBeLessThanOrEqual(0);
		if (javaScriptEnabled) await expectNoAxeViolations(pub);

		// Unticking every criterion withdraws the claims.
		await page.goto(`/portfolio/${JOB}`);
		await item(page).getByText('Edit your evidence').click();
		await claims.getByLabel(first!.criterion).uncheck();
		await claims.getByLabel(third!.criterion).uncheck();
		await item(page).getByRole('button', { name: 'Save evidence' }).click();
		await expect(page.getByText('Evidence saved.')).toBeVisible();
		await pub.reload();
		await expect(block.getByText('Claimed by the learner (self-assessed)')).toHaveCount(0);
		await visitor.close();
		await owner.close();
	});
