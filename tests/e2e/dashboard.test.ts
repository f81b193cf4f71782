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
		test.setTimeout(120_000);
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
