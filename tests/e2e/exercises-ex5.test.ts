// Hands-on exercises (policy as code, …): each states a task and says when it is solved, through a
// form without JavaScript (a /tools page) and live in the lesson with it.
import { expect, test } from '@playwright/test';
import { islandsLive } from './helpers';
import { admissionReport, DEFAULT_MANIFEST } from '../../src/lib/lessons/policy-check';
import { SOLVED, WARNED } from '../fixtures/policy-check';

const TITLE = 'Admission checker: a Pod against cluster policies';
test('the expected states come from the checker itself', () => {
	const at = (text: string) => {
		const r = admissionReport(text);
		if ('error' in r) throw new Error(r.error);
		return [r.passed, r.denials.length, r.warnings.length, r.solved];
	};
	expect(at(DEFAULT_MANIFEST)).toEqual([0, 10, 3, false]);
	expect(at(WARNED)).toEqual([6, 0, 4, false]);
	expect(at(SOLVED)).toEqual([8, 0, 0, true]);
});

test.describe('admission checker', () => {
	test('without JavaScript: the form checks on the server, and says when the task is solved', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/modules/policy-as-code');
		const tool = page.getByRole('region', { name: TITLE });
		await expect(tool.getByText('Your task:')).toBeVisible();
		await expect(tool.getByText('0 of 8 policies pass')).toBeVisible();
		await expect(tool.getByText('Deny: 10 violations')).toBeVisible();
		await expect(
			tool.getByRole('listitem').filter({
				hasText:
					'DENY [internal-registry-only] container "api" uses unapproved image "docker.io/acme/orders-api:2.4.1" (line 27)'
			})
		).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: 10 denials and 3 warnings.'
		);
		await tool.getByLabel('Pod manifest (YAML)').fill(SOLVED);
		await tool.getByRole('button', { name: 'Check admission' }).click();
		await expect(page).toHaveURL(/\/tools\/policy-checker\?/);
		await expect(page.getByRole('link', { name: /Back to “Policy as code/ })).toBeVisible();
		await expect(page.getByText('8 of 8 policies pass')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Solved.');

		// A line outside the YAML subset is named, next to the field.
		await page.goto(
			'/tools/policy-checker?manifest=' +
				encodeURIComponent('apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: x')
		);
		await expect(
			page.getByText(
				'Manifest, line 3: anchors (“&”) are not supported: write the value out in full.'
			)
		).toBeVisible();
		await page.goto('/tools/policy-checker?manifest=a%00b');
		await expect(page.getByRole('alert')).toHaveText(
			'Manifest: Remove the NUL character (U+0000) from this text: it cannot be stored.'
		);
		await context.close();
	});

	test('with JavaScript: live in the lesson, from not solved to solved', async ({ page }) => {
		await page.goto('/modules/policy-as-code');
		const tool = page.getByRole('region', { name: TITLE });
		await islandsLive(page);
		await expect(tool.getByRole('button', { name: 'Check admission' })).toHaveCount(0);
		await expect(tool.getByText('0 of 8 policies pass')).toBeVisible();
		const field = tool.getByLabel('Pod manifest (YAML)');
		await field.fill(WARNED);
		await expect(tool.getByText('Admitted, with 4 warnings.')).toBeVisible();
		await expect(tool.getByText('6 of 8 policies pass')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText(
			'Not solved yet: 0 denials and 4 warnings.'
		);
		await field.fill(SOLVED.replace('apiVersion', '\tapiVersion'));
		await expect(
			tool.getByText(
				'Manifest, line 2: indent with spaces: YAML does not allow tabs for indentation.'
			)
		).toBeVisible();
		await field.fill(SOLVED);
		await expect(tool.getByText('Admitted.')).toBeVisible();
		await expect(tool.getByRole('status')).toContainText('Solved.');
		await expect(page).toHaveURL(/\/modules\/policy-as-code$/);
	});
});
