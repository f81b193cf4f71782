// The README's quick start, as a newcomer runs it: `npm start` (build, then `node build`) with no
// variable set — no ORIGIN, no PORT, no DATA_DIR — then sign up, sign in, take a quiz and share a
// portfolio at http://localhost:3000 and http://127.0.0.1:3000, with and without JavaScript.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';

const README_PORT = 3000;
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const portIsFree = (port: number) =>
	new Promise<boolean>((done) => {
		const probe = createServer()
			.once('error', () => done(false))
			.once('listening', () => probe.close(() => done(true)))
			.listen(port, '0.0.0.0');
	});

let server: ChildProcess;
let port = README_PORT;
let cwd: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	// The start script is the build, then exactly this command; the suite has built already.
	expect(pkg.scripts.start).toBe('npm run build && node build');
	// Only when a developer already runs something on 3000 does the test pick another port.
	if (!(await portIsFree(README_PORT))) port = 3100 + Math.floor(Math.random() * 800);
	// A folder of its own, so the default DATA_DIR (.data) is a new, empty one.
	cwd = mkdtempSync(join(tmpdir(), 'jalons-quick-start-'));
	const env: Record<string, string> = { PATH: process.env.PATH!, HOME: cwd };
	if (port !== README_PORT) env.PORT = String(port);
	server = spawn(process.execPath, [resolve('build')], { cwd, env, stdio: 'inherit' });
	const until = Date.now() + 100_000;
	for (;;) {
		const up = await fetch(`http://127.0.0.1:${port}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		if (Date.now() > until || server.exitCode !== null)
			throw new Error(`the app did not start on port ${port}`);
		await new Promise((r) => setTimeout(r, 250));
	}
});

test.afterAll(async () => {
	server?.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 500));
	if (cwd) rmSync(cwd, { recursive: true, force: true });
});

async function journey(browser: Browser, host: string, javaScriptEnabled: boolean) {
	const base = `http://${host}:${port}`;
	const context = await browser.newContext({ javaScriptEnabled, baseURL: base });
	const page = await context.newPage();
	const email = `quick-${host}-${javaScriptEnabled}-${Date.now()}@example.org`;

	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a good long password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('link', { name: 'Account', exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Sign out' }).click();
	// Signed out before the next navigation, which would otherwise cancel the sign-out's post.
	await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a good long password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('link', { name: 'Account', exact: true })).toBeVisible();

	await page.goto('/modules/ml-basics/quiz');
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: '✗ Not passed yet' })).toBeVisible();

	await page.goto('/portfolio/prompt-engineer');
	await page.getByRole('button', { name: 'Share with a public link' }).click();
	const link = await page.getByLabel(/Public link/).inputValue();
	expect(link.startsWith(`${base}/p/`), link).toBe(true);
	const shared = await context.request.get(link);
	expect(shared.status()).toBe(200);
	await context.close();
}

for (const [host, javaScriptEnabled] of [
	['localhost', true],
	['127.0.0.1', false],
	['localhost', false],
	['127.0.0.1', true]
] as const)
	test(`npm start with no settings: sign up, sign in, quiz, share at ${host}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(120_000);
		await journey(browser, host, javaScriptEnabled);
	});
