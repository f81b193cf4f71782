// The first lesson components became exercises: each now states a task and says when it is solved,
// through its form without JavaScript and live with it.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';
import { SCENARIOS } from '../../src/lib/lessons/injection';

// The example policy comes from the page (its module imports SvelteKit's $app, which Node lacks).
const leastPrivilege = (example: string) => {
	const fixed = example.replace(
		'"arn:aws:s3:::acme-reports/*"',
		'"arn:aws:s3:::acme-reports/finance/*"'
	);
	expect(fixed).not.toBe(example);
	return fixed;
};

test.describe('access-policy evaluator: the least-privilege task', () => {
	test('without JavaScript: not solved with the example policy, solved once narrowed', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/iam-least-privilege');
		const tool = page.getByRole('region', { name: 'Access-policy evaluator' });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByText('3 of 4 task requests get the right decision')).toBeVisible();
		await expect(
			tool.getByText(
				'✗ GetObject on acme-reports/hr/salaries.csv over HTTPS: should be denied, is allowed.'
			)
		).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Not solved yet: 1 request gets');
		const field = tool.getByLabel('Identity policy (JSON)');
		await field.fill(leastPrivilege(await field.inputValue()));
		await tool.getByRole('button', { name: 'Evaluate' }).click();
		await expect(page).toHaveURL(/\/tools\/policy-evaluator\?/);
		await expect(page.getByText('4 of 4 task requests get the right decision')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');
		await context.close();
	});

	test('with JavaScript: live, and a policy that does not parse is not solved', async ({
		page
	}) => {
		await page.goto('/modules/iam-least-privilege');
		const tool = page.getByRole('region', { name: 'Access-policy evaluator' });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Evaluate' })).toHaveCount(0);
		const policy = tool.getByLabel('Identity policy (JSON)');
		const example = await policy.inputValue();
		await policy.fill('{ "Statement": [');
		await expect(tool.getByRole('status')).toHaveText(
			'Not solved yet: the policy must parse first.'
		);
		await policy.fill(leastPrivilege(example));
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/iam-least-privilege$/);
	});
});

test.describe('spot the attack: every text classified right', () => {
	const right = (s: (typeof SCENARIOS)[number]) =>
		s.attack ? 'Injection attempt' : 'Safe to process';
	const wrong = (s: (typeof SCENARIOS)[number]) =>
		s.attack ? 'Safe to process' : 'Injection attempt';

	test('without JavaScript: one wrong answer is not solved; all right is', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/prompt-injection');
		const tool = page.getByRole('region', { name: 'Spot the attack' });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByRole('status')).toHaveText(
			`Not solved yet: 0 of ${SCENARIOS.length} answered.`
		);
		const groups = tool.getByRole('group');
		for (const [i, s] of SCENARIOS.entries())
			await groups
				.nth(i)
				.getByLabel(i === 0 ? wrong(s) : right(s))
				.check();
		await tool.getByRole('button', { name: 'Check my answers' }).click();
		await expect(page).toHaveURL(/\/tools\/spot-the-attack\?/);
		const result = page.getByRole('region', { name: 'Spot the attack' });
		await expect(result.getByRole('status')).toContainText(
			`Not solved yet: ${SCENARIOS.length - 1} of ${SCENARIOS.length} right.`
		);
		await result.getByRole('group').first().getByLabel(right(SCENARIOS[0]!)).check();
		await result.getByRole('button', { name: 'Check my answers' }).click();
		await expect(result.getByRole('status')).toContainText(
			`Solved. All ${SCENARIOS.length} right.`
		);
		await context.close();
	});

	test('with JavaScript: the status follows each answer', async ({ page }) => {
		await page.goto('/modules/prompt-injection');
		await islandsLive(page);
		const tool = page.getByRole('region', { name: 'Spot the attack' });
		await expect(tool.getByRole('button', { name: 'Check my answers' })).toBeHidden();
		const groups = tool.getByRole('group');
		// One answer answers one text (a bind:group in the loop once checked the six at once).
		await groups.first().getByLabel('Injection attempt').check();
		await expect(tool.locator('input:checked')).toHaveCount(1);
		await expect(tool.getByRole('status')).toHaveText(
			`Not solved yet: 1 of ${SCENARIOS.length} answered.`
		);
		for (const [i, s] of SCENARIOS.entries()) await groups.nth(i).getByLabel(right(s)).check();
		await expect(tool.locator('input:checked')).toHaveCount(SCENARIOS.length);
		await expect(tool.getByRole('status')).toContainText(`Solved. All ${SCENARIOS.length} right.`);
		await groups.nth(1).getByLabel(wrong(SCENARIOS[1]!)).check();
		await expect(tool.getByRole('status')).toContainText(
			`Not solved yet: ${SCENARIOS.length - 1} of ${SCENARIOS.length} right.`
		);
	});
});

test.describe('BLEU and ROUGE: a wrong answer that wins', () => {
	const wrong = 'the refund was not sent to your bank on monday';

	test('without JavaScript: the right answer is where it starts; the wrong one solves it', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/llm-evaluation');
		const tool = page.getByRole('region', { name: 'BLEU and ROUGE calculator' });
		await expect(tool.locator('.task')).toContainText('BLEU-4 0.000 and ROUGE-L 0.667');
		await expect(tool.getByRole('status')).toContainText('the candidate must say the opposite');
		await tool.getByLabel("Candidate (the model's output)").fill(wrong);
		await tool.getByRole('button', { name: 'Compare' }).click();
		await expect(page).toHaveURL(/\/tools\/overlap\?/);
		await expect(page.getByRole('status')).toHaveText(
			'Solved. A wrong answer scores BLEU-4 0.658 and ROUGE-L 0.947, above the right one: overlap metrics count shared words, not meaning. Check facts with people or a calibrated judge.'
		);
		await context.close();
	});

	test('with JavaScript: each missing condition is named, live', async ({ page }) => {
		await page.goto('/modules/llm-evaluation');
		const tool = page.getByRole('region', { name: 'BLEU and ROUGE calculator' });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Compare' })).toHaveCount(0);
		const candidate = tool.getByLabel("Candidate (the model's output)");
		await candidate.fill('refund not sent on monday');
		await expect(tool.getByRole('status')).toContainText('BLEU-4 0.000 does not beat 0.000');
		await candidate.fill(wrong);
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await tool.getByLabel('Reference (what a good answer says)').fill('the refund was sent');
		await expect(tool.getByRole('status')).toContainText('put the reference back');
	});
});

test.describe('token counter: halve the system prompt, keep its rules', () => {
	const SHORT =
		"Acme Garden support. Only orders, deliveries, refunds; decline the rest. Ask for the order number first. Never promise a refund: staff decide. Customer asks for a human: hand over. Reply in the customer's language.";

	test('without JavaScript: counted on the server, not solved, then solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/tokens-cost-latency');
		const tool = page.getByRole('region', { name: 'Token counter and cost estimator' });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByRole('status')).toHaveText('Not solved yet: count the tokens first.');
		await tool.getByRole('button', { name: 'Count tokens' }).click();
		await expect(page).toHaveURL(/\/tools\/token-counter\?/);
		const counted = page.getByRole('region', { name: 'Token counter and cost estimator' });
		await expect(counted.getByRole('status')).toHaveText(
			'Not solved yet: 152 tokens, 77 over the budget.'
		);
		await counted
			.getByLabel('Prompt text')
			.fill(SHORT.replace(" Reply in the customer's language.", ''));
		await counted.getByRole('button', { name: 'Count tokens' }).click();
		await expect(counted.getByRole('status')).toHaveText('Not solved yet: 1 rule lost.');
		await expect(counted.getByText("✗ Rule kept: reply in the customer's language")).toBeVisible();
		await counted.getByLabel('Prompt text').fill(SHORT);
		await counted.getByRole('button', { name: 'Count tokens' }).click();
		await expect(counted.getByRole('status')).toContainText('Solved. The five rules in 46 tokens');
		await context.close();
	});

	test('with JavaScript: counted as the learner types', async ({ page }) => {
		await page.goto('/modules/tokens-cost-latency');
		await islandsLive(page);
		const tool = page.getByRole('region', { name: 'Token counter and cost estimator' });
		await expect(tool.getByRole('status')).toHaveText(
			'Not solved yet: 152 tokens, 77 over the budget.'
		);
		await tool.getByLabel('Prompt text').fill(SHORT);
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/tokens-cost-latency$/);
	});
});
