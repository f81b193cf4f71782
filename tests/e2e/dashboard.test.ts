// The signed-in home in Chromium: a new learner is welcomed, a returning one welcomed back; passing
// a module shows in "this week", in today's cell of the heat map and in a streak of 1; the weekly
// goal is saved with and without JavaScript, and a goal out of range is refused next to its field.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, passQuiz, signUpNew } from './helpers';

const MODULE = 'nlp-fundamentals';
const SHOTS = process.env.DASHBOARD_SHOTS;

const goalField = (page: Page) => page.getByLabel('Weekly goal (hours)');

async function setGoal(page: Page, value: string) {
	await goalField(page).fill(value);
	await page.getByRole('button', { name: 'Save goal' }).click();
}

for (const javaScriptEnabled of [true, false])
	test(`home: this week, heat map, streak and weekly goal — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(240_000);
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await signUpNew(page, 'Ada Dash');
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 2, name: 'Welcome, Ada Dash' })).toBeVisible();
		await expect(page.locator('.streak')).toContainText('0 days in a row');
		await expect(
			page.getByRole('img', { name: '0 active days in the last 12 weeks' })
		).toBeVisible();

		// The home page opens the module (recorded as started) and its quiz is passed.
		await page.goto(`/modules/${MODULE}`);
		await passQuiz(page.request, new URL(page.url()).origin, MODULE);
		await page.goto('/');
		await expect(
			page.getByRole('heading', { level: 2, name: 'Welcome back, Ada Dash' })
		).toBeVisible();
		const week = page.getByRole('region', { name: 'This week' });
		await expect(week).toContainText('1 module passed');
		await expect(week).toContainText('1 quiz taken');
		const today = new Date().toISOString().slice(0, 10);
		const cell = page.locator(`rect[data-day="${today}"]`);
		await expect(cell).toHaveAttribute('data-count', '2');
		await expect(cell.locator('title')).toContainText('2 activities');
		await expect(
			page.getByRole('img', { name: '1 active day in the last 12 weeks' })
		).toBeVisible();
		await expect(page.locator('.streak')).toContainText('1 day in a row');

		// A goal out of range is refused next to its field, and nothing is saved.
		await setGoal(page, '99');
		await expect(page.getByText('Enter whole hours from 1 to 40')).toBeVisible();
		await expect(goalField(page)).toHaveAttribute('aria-invalid', 'true');
		await expect(goalField(page)).toHaveValue('99');
		await page.goto('/');
		await expect(goalField(page)).toHaveValue('');

		await setGoal(page, '5');
		await expect(page.getByRole('status').filter({ hasText: 'Goal saved.' })).toBeVisible();
		await page.goto('/');
		await expect(goalField(page)).toHaveValue('5');
		await expect(week.getByRole('progressbar', { name: 'Study time this week' })).toHaveAttribute(
			'aria-valuetext',
			/of 5 h$/
		);
		if (javaScriptEnabled) {
			await expectNoAxeViolations(page);
			if (SHOTS)
				for (const colorScheme of ['light', 'dark'] as const)
					for (const width of [1280, 375]) {
						await page.emulateMedia({ colorScheme });
						await page.setViewportSize({ width, height: 900 });
						await page.screenshot({
							path: `${SHOTS}/home-${colorScheme}-${width}.png`,
							fullPage: true
						});
					}
		}
		await context.close();
	});

test('the graph marks done / in progress / locked; a module page is read in one roadmap', async ({
	page
}) => {
	test.setTimeout(240_000);
	await signUpNew(page);
	const box = (id: string) => page.locator(`.graph g.box[data-module="${id}"]`);
	await page.goto('/roadmaps/prompt-engineer');
	await expect(box('prompt-design-basics')).toHaveClass(/locked/);
	await expect(page.locator('.graph figcaption')).toContainText('⊘ Locked');
	await passQuiz(page.request, new URL(page.url()).origin, MODULE);
	await page.goto('/modules/llm-apis');
	await page.goto('/roadmaps/prompt-engineer');
	await expect(box(MODULE)).toHaveClass(/done/);
	await expect(box(MODULE).locator('text.mark')).toHaveText('✓');
	await expect(box('llm-apis')).toHaveClass(/progress/);
	await expect(box('prompt-design-basics')).not.toHaveClass(/locked/);
	await expectNoAxeViolations(page);

	// The roadmap the learner came from gives the page its one previous/next; the other is listed.
	await page.goto(`/modules/${MODULE}?from=chatbot-project-manager`);
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(
		'Chatbot Project Manager'
	);
	await expect(page.getByRole('navigation', { name: /previous and next module/ })).toHaveCount(1);
	await expect(
		page.getByRole('navigation', {
			name: 'Chatbot Project Manager roadmap: previous and next module'
		})
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Prompt Engineer roadmap' })).toHaveAttribute(
		'href',
		`/modules/${MODULE}?from=prompt-engineer`
	);
	// Without `from`, the roadmap the learner follows.
	await page.goto('/roadmaps/prompt-engineer');
	await page.getByRole('button', { name: 'Follow this roadmap' }).click();
	await expect(page.getByRole('button', { name: 'Follow this roadmap' })).toHaveCount(0);
	await page.goto(`/modules/${MODULE}`);
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(
		'Prompt Engineer'
	);
	await expect(page.getByRole('navigation', { name: /previous and next module/ })).toHaveCount(1);
	await expect(page.getByText(/Your roadmap: Prompt Engineer/)).toBeVisible();
	if (SHOTS) {
		await page.goto('/roadmaps/prompt-engineer');
		await page.locator('.graph').screenshot({ path: `${SHOTS}/graph-light.png` });
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.locator('.graph').screenshot({ path: `${SHOTS}/graph-dark.png` });
	}
});
