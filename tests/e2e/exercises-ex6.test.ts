// The intent scorer (chatbot-testing): it states a task and says when it is solved, through a form
// without JavaScript (a /tools page) and live in the lesson with it. The figures are the ones the
// unit tests check against NumPy (tests/unit/intents.test.ts).
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';

const name = 'Intent scorer: an NLU test set at a confidence threshold';
const thresholdLabel = 'Confidence threshold: answer when confidence ≥';

test.describe('intent scorer', () => {
	test('without JavaScript: the form scores on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/chatbot-testing');
		const tool = page.getByRole('region', { name });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: confident wrong answers 23.3 % (at most 10 %), fallback rate 6.7 %'
		);
		await tool.getByLabel(thresholdLabel).fill('0.56');
		await tool.getByRole('button', { name: 'Score' }).click();
		await expect(page).toHaveURL(/\/tools\/intent-scorer\?/);
		await expect(page.getByRole('link', { name: /Back to “Testing a chatbot/ })).toBeVisible();
		await expect(
			page.getByText(
				'At threshold 0.56: macro-F1 0.85, accuracy 0.80 (24 of 30), fallback rate 20.0 % (6 of 30), confident wrong answers 10.0 % (3 of 30).'
			)
		).toBeVisible();
		await expect(page.getByRole('row', { name: 'check_departure 5 0.83 1.00 0.91' })).toBeVisible();
		await expect(page.getByRole('row', { name: 'change_booking cancel_booking 1' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// A bad line is named, next to its field; a NUL character is refused before parsing.
		await page.goto(
			'/tools/intent-scorer?set=' +
				encodeURIComponent('hi | greet | greet | 0.9\n# a note\n\nbook | book_ticket 0.8')
		);
		await expect(
			page.getByText(
				'Test set, line 4: write “utterance | expected | predicted | confidence”, four parts separated by “|” (this line has 2).'
			)
		).toBeVisible();
		await page.goto('/tools/intent-scorer?set=' + encodeURIComponent('a | b | b | 1.5'));
		await expect(
			page.getByText('Test set, line 1: the confidence “1.5” must be a number from 0 to 1')
		).toBeVisible();
		await page.goto('/tools/intent-scorer?set=a%00b');
		await expect(page.getByRole('alert')).toHaveText(
			'Test set: Remove the NUL character (U+0000) from this text: it cannot be stored.'
		);
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/chatbot-testing');
		const tool = page.getByRole('region', { name });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Score' })).toHaveCount(0);
		const threshold = tool.getByLabel(thresholdLabel);
		await threshold.fill('0.54');
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: confident wrong answers 13.3 % (at most 10 %), fallback rate 16.7 %'
		);
		await threshold.fill('0.59');
		await expect(tool.getByRole('status')).toContainText(
			'fallback rate 23.3 % (at most 20 %). Hint: lower the threshold'
		);
		await threshold.fill('0.58');
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(tool.getByRole('row', { name: 'request_refund nlu_fallback 1' })).toBeVisible();
		await expect(page).toHaveURL(/\/modules\/chatbot-testing$/);
	});
});
