// The authoring loop in `npm run dev` (scripts/vite-catalog-plugin.ts): `vite dev` starts with a
// broken catalog, every page lists the problems as file:line: message (as the terminal does, with
// no stack trace), and an open page recovers by itself when the file is fixed — and shows the list
// by itself when a file breaks again. Runs `vite dev` on a temporary copy of the project, so the
// edits never touch the real catalog.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
const URL = `http://127.0.0.1:${PORT}`;
const COPY = [
	'src',
	'courses',
	'static',
	'supabase',
	'scripts',
	'messages',
	'project.inlang',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'.npmrc'
];
// A module of the real catalog, broken in two places, and a roadmap that lists a module that is not there.
const LESSON = 'courses/modules/chatbot/chatbot-frameworks-integrations/index.md';
const ROADMAP = 'courses/roadmaps/chatbot-project-manager.yaml';

// vite dev compiles the app on the first request: minutes on a busy 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 900_000 });

let dir: string;
let child: ChildProcess;
let log = '';
const original = (file: string) => readFileSync(resolve(file), 'utf8');
const write = (file: string, text: string) => writeFileSync(join(dir, file), text);

test.beforeAll(async () => {
	test.setTimeout(900_000);
	dir = mkdtempSync(join(tmpdir(), 'jalons-dev-'));
	for (const f of COPY) cpSync(resolve(f), join(dir, f), { recursive: true });
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
	// Broken before the server starts: a mistyped field and an unknown prerequisite.
	write(
		LESSON,
		original(LESSON)
			.replace(/^minutes: .*$/m, 'minutes: lots')
			.replace(/^prerequisites: \[/m, 'prerequisites: [no-such-module, ')
	);
	child = spawn(
		process.execPath,
		[
			join('node_modules', 'vite', 'bin', 'vite.js'),
			'dev',
			'--port',
			String(PORT),
			'--strictPort',
			'--host',
			'127.0.0.1'
		],
		{
			cwd: dir,
			env: {
				...process.env,
				NODE_OPTIONS: '',
				DATA_DIR: join(dir, '.data'),
				DATABASE_URL: '',
				NO_COLOR: '1'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	// Without colour codes (Vite prints the port in bold), so the log reads as plain text.
	const keep = (chunk: Buffer) => (log += stripVTControlCharacters(chunk.toString()));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const deadline = Date.now() + 300_000;
	while (!log.includes(`${URL}/`)) {
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`vite dev did not start (exit code ${child.exitCode}):\n${log}`);
		await new Promise((r) => setTimeout(r, 500));
	}
});

test.afterAll(async () => {
	test.setTimeout(120_000);
	if (child && child.exitCode === null) {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const lessonProblems = [
	`${LESSON}:8: minutes: expected number, got string "lots"`,
	`${LESSON}:9: prerequisites[0]: unknown module "no-such-module"`
];

test('starts with a broken catalog and lists every problem, in the terminal without a stack trace', async () => {
	for (const p of lessonProblems) expect(log).toContain(p);
	expect(log).not.toMatch(/^\s+at /m);
	const res = await fetch(`${URL}/`, { headers: { accept: 'text/html' } });
	expect(res.status).toBe(503);
	expect(await res.text()).toContain('The course catalog has 2 errors');
});

test('an open page recovers by itself when the file is fixed, and shows the problems when it breaks', async ({
	page
}) => {
	await page.goto(`${URL}/modules/chatbot-frameworks-integrations`);
	const list = page.locator('#catalog-errors li');
	await expect(list).toHaveText(lessonProblems.map((p) => new RegExp(escapeRegExp(p))));

	// Fixed, with a new title: the page reloads itself into the module (compiling it may take minutes).
	write(LESSON, original(LESSON).replace(/^title: .*$/m, 'title: A title fixed in the editor'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A title fixed in the editor', {
		timeout: 600_000
	});

	// Broken again while the page is open: it lists the problem by itself.
	write(ROADMAP, original(ROADMAP).replace(/^(\s+- )nlp-fundamentals$/m, '$1nlp-fundamentalz'));
	await expect(list).toContainText(
		[/unknown module "nlp-fundamentalz" — did you mean "nlp-fundamentals"\?/],
		{
			timeout: 120_000
		}
	);
	expect(await list.first().textContent()).toMatch(new RegExp(`^${escapeRegExp(ROADMAP)}:\\d+: `));

	write(ROADMAP, original(ROADMAP));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A title fixed in the editor', {
		timeout: 300_000
	});
	expect(log).not.toMatch(/^\s+at /m);
});

function escapeRegExp(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
