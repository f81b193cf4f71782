// Answer keys never reach the browser before submission: not in any client asset of the build, not
// in any quiz page, not in its __data.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkCatalog } from '../../src/lib/content/catalog';
import { readCourseFiles } from '../../scripts/catalog-files';

const { catalog } = checkCatalog(readCourseFiles(process.cwd()));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const lessons = norm([...catalog.modules.values()].map((m) => m.body).join('\n'));

/**
 * Distinctive texts that only the server may know: explanations and per-option feedback — less
 * any that a lesson itself says word for word (lessons are public).
 */
function secrets(moduleId: string): string[] {
	const quiz = catalog.quizzes.get(moduleId)!;
	return quiz.questions
		.flatMap((q) => [
			norm(q.explanation).slice(0, 48),
			...('options' in q
				? q.options.flatMap((o) => (o.feedback ? [norm(o.feedback).slice(0, 40)] : []))
				: [])
		])
		.filter((s) => !lessons.includes(s));
}
// Field names of the quiz format that hold keys: they must never be serialised for the browser.
const KEY_FIELDS = [
	'"correct"',
	'"accept"',
	'"explanation"',
	'"pattern"',
	'"tolerance"',
	'"distractors"',
	'correct:true',
	'explanation:'
];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) =>
		statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]
	);
}

test('no client asset of the build holds a quiz explanation or feedback', () => {
	const assets = files('build/client').filter((f) => /\.(js|css|html|json)$/.test(f));
	expect(assets.length).toBeGreaterThan(10);
	const text = assets.map((f) => norm(readFileSync(f, 'utf8'))).join('\n');
	expect([...catalog.quizzes.keys()].flatMap(secrets).length).toBeGreaterThan(300);
	const leaked = [...catalog.quizzes.keys()].flatMap((m) =>
		secrets(m)
			.filter((s) => text.includes(s))
			.map((s) => `${m}: ${s}`)
	);
	expect(leaked).toEqual([]);
});

test('no quiz page or __data.json holds a key before submission', async ({ page, request }) => {
	test.setTimeout(180_000);
	await page.goto('/signup');
	await page.getByLabel('Email').fill(`leak-${Date.now()}@example.org`);
	await page.getByLabel('Password').fill('a good long password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('link', { name: 'Account', exact: true })).toBeVisible();
	const cookies = await page.context().cookies();
	const headers = { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
	const leaks: string[] = [];
	for (const id of catalog.quizzes.keys()) {
		for (const path of [
			`/modules/${id}/quiz`,
			`/modules/${id}/quiz/__data.json`,
			`/modules/${id}`,
			`/modules/${id}/__data.json`
		]) {
			const res = await request.get(path, { headers });
			expect(res.status(), path).toBe(200);
			const body = norm(await res.text());
			if (path.endsWith('/quiz')) expect(body, path).toContain('Submit my answers');
			for (const s of secrets(id)) if (body.includes(s)) leaks.push(`${path}: ${s}`);
			for (const f of KEY_FIELDS) if (body.includes(f)) leaks.push(`${path}: ${f}`);
		}
	}
	expect(leaks).toEqual([]);
});
