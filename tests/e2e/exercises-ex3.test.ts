// Hands-on exercises (conversation design, …): each states a task and says when it is solved,
// through a form without JavaScript (a /tools page) and live in the lesson with it.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';
import { DEFAULT_FLOW } from '../../src/lib/lessons/flow';

/** The bundled flow, fixed: global lines, an escalating repair, a booking that ends. */
const FIXED_FLOW = DEFAULT_FLOW.replace(
	'greeting -> greeting : no_match',
	'greeting -> agent : no_match\ngreeting -> callback : call_me_back'
)
	.replace(
		'ask_date -> ask_date : no_match',
		'ask_date -> date_buttons : no_match\ndate_buttons -> ask_slot : date'
	)
	.replace('faq -> faq : no_match', 'faq -> greeting : no_match')
	.replace('confirm -> booked : yes', 'confirm -> done : yes')
	.concat('* -> agent : talk_to_human\n* -> agent : no_match\n* -> cancelled : cancel\n');

test.describe('conversation-flow checker', () => {
	test('without JavaScript: the form checks on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/conversation-design');
		const tool = page.getByRole('region', { name: 'Conversation-flow checker' });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByText('0 of 6 checks pass')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Not solved yet');
		await tool.getByLabel('Flow, one transition a line').fill(FIXED_FLOW);
		await tool.getByRole('button', { name: 'Check the flow' }).click();
		await expect(page).toHaveURL(/\/tools\/flow-checker\?/);
		await expect(page.getByRole('link', { name: /Back to “Conversation design/ })).toBeVisible();
		await expect(page.getByText('6 of 6 checks pass')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// A line the checker cannot read is named, next to the field.
		await page.goto(
			'/tools/flow-checker?flow=' + encodeURIComponent('start: a\nend: z\na => z : go')
		);
		await expect(page.getByText('Flow, line 3: write “state -> state : intent”')).toBeVisible();
		await page.goto('/tools/flow-checker?flow=a%00b');
		await expect(page.getByRole('alert')).toHaveText(
			'Flow: Remove the NUL character (U+0000) from this text: it cannot be stored.'
		);
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/conversation-design');
		const tool = page.getByRole('region', { name: 'Conversation-flow checker' });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Check the flow' })).toHaveCount(0);
		await expect(tool.getByText('0 of 6 checks pass')).toBeVisible();
		const flow = tool.getByLabel('Flow, one transition a line');
		await flow.fill(DEFAULT_FLOW + '* -> agent : talk_to_human\n');
		await expect(tool.getByText('3 of 6 checks pass')).toBeVisible();
		await flow.fill(FIXED_FLOW);
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/conversation-design$/);
	});
});
