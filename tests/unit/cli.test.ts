import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogCheck } from '../../scripts/vite-catalog-plugin';
import { fixture } from '../helpers/fixtures';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let dirs: string[] = [];
afterEach(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
	dirs = [];
});

// The fixtures were reviewed on 2026-11-23: run the scripts as of a fixed day, so no test ages.
const env = { ...process.env, COURSES_TODAY: '2026-12-01' };

const coursesCheck = (dir: string) =>
	spawnSync(tsx, ['scripts/courses-check.ts', dir], { cwd: root, encoding: 'utf8', env });

/** Writes a fixture catalog (base + overlay) to a temporary project folder. */
function materialise(name: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'jalons-catalog-'));
	dirs.push(dir);
	for (const f of fixture(name)) {
		mkdirSync(dirname(join(dir, f.path)), { recursive: true });
		writeFileSync(join(dir, f.path), f.text);
	}
	return dir;
}

describe('npm run courses:check', () => {
	it('exits 0 on a valid catalog', () => {
		const out = execFileSync(tsx, ['scripts/courses-check.ts', materialise('base')], {
			cwd: root,
			encoding: 'utf8',
			env
		});
		expect(out).toContain(
			'1 roadmaps, 3 modules, 2 competencies, 6 quiz questions: 0 errors, 0 warnings'
		);
	});

	it('warns about a review older than 12 months and still exits 0', () => {
		const run = coursesCheck(materialise('stale-review'));
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(
			'courses/modules/nlp/embeddings/index.md:11: warning: reviewed 2025-11-30: older than 12 months — re-check facts and update it'
		);
		expect(run.stdout).toContain('0 errors, 1 warning');
	});

	it('lists every error and exits non-zero', () => {
		const run = coursesCheck(materialise('unknown-ids'));
		expect(run.status).toBe(1);
		expect(run.stdout).toContain(
			'index.md:9: prerequisites[0]: unknown module "tokenisation" — did you mean "tokenization"?'
		);
		expect(run.stdout).toContain(
			'prompt-engineer.yaml:26: portfolio[1].requires[0]: unknown module "promt-basics"'
		);
		expect(run.stdout).toMatch(/5 errors, 1 warning/);
	});
});

describe('npm run courses:new', () => {
	it('scaffolds a module and quiz that pass the check', () => {
		const dir = materialise('base');
		const created = execFileSync(tsx, [join(root, 'scripts/courses-new.ts'), 'nlp/attention'], {
			cwd: dir,
			encoding: 'utf8',
			env
		});
		expect(created).toContain('Created courses/modules/nlp/attention/index.md and quiz.yaml.');
		expect(readFileSync(join(dir, 'courses/modules/nlp/attention/index.md'), 'utf8')).toContain(
			'\nreviewed: 2026-12-01\n'
		);
		const check = spawnSync(tsx, [join(root, 'scripts/courses-check.ts'), dir], {
			cwd: root,
			encoding: 'utf8',
			env
		});
		expect(check.status).toBe(0);
		expect(check.stdout).toContain('4 modules');
		expect(check.stdout).toContain('0 errors, 1 warning');
	});

	it('refuses a malformed name and an existing module', () => {
		const dir = materialise('base');
		const bad = spawnSync(tsx, [join(root, 'scripts/courses-new.ts'), 'Not A Slug'], {
			cwd: dir,
			encoding: 'utf8',
			env
		});
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('usage: npm run courses:new -- <area>/<slug>');
		const dup = spawnSync(tsx, [join(root, 'scripts/courses-new.ts'), 'nlp/tokenization'], {
			cwd: dir,
			encoding: 'utf8',
			env
		});
		expect(dup.status).toBe(1);
		expect(dup.stderr).toContain('A module "tokenization" already exists');
	});
});

describe('the build and the dev server', () => {
	const load = (plugin: ReturnType<typeof catalogCheck>) => {
		const messages: string[] = [];
		const context = {
			error(message: string) {
				throw new Error(message);
			},
			warn: (m: string) => messages.push(m)
		};
		const hook = plugin.load as (this: unknown, id: string) => string | undefined;
		return { code: hook.call(context, '\0virtual:jalons/catalog'), messages };
	};

	it('fail on catalog errors with the same messages', () => {
		const plugin = catalogCheck(root, () => fixture('cycle'));
		expect(() => load(plugin)).toThrow(
			/courses\/modules\/nlp\/tokenization\/index\.md:9: prerequisites form a cycle: tokenization → prompt-basics → tokenization/
		);
	});

	it('in dev, start with a broken catalog: the terminal and every page list its problems', () => {
		const plugin = catalogCheck(root, () => fixture('cycle'), false);
		(plugin.configResolved as (c: unknown) => void)({ command: 'serve' });
		const logged: string[] = [];
		let middleware!: (req: unknown, res: unknown, next: () => void) => void;
		const server = {
			config: { logger: { error: (m: string) => logged.push(m), warn() {}, info() {} } },
			watcher: { add() {}, on() {} },
			middlewares: { use: (fn: typeof middleware) => (middleware = fn) },
			environments: {},
			ws: { send() {} }
		};
		(plugin.configureServer as (s: unknown) => void)(server);
		expect(logged.join('\n')).toContain(
			'courses/modules/nlp/tokenization/index.md:9: prerequisites form a cycle: tokenization → prompt-basics → tokenization'
		);
		expect(logged.join('\n')).not.toMatch(/^\s+at /m);
		// The server still loads: the index is built, not thrown.
		expect(load(plugin).code).toMatch(/^export default JSON\.parse\(/);
		const res = { statusCode: 0, body: '', setHeader() {}, end: (b: string) => (res.body = b) };
		let passed = false;
		middleware(
			{ method: 'GET', url: '/', headers: { accept: 'text/html' } },
			res,
			() => (passed = true)
		);
		expect(passed).toBe(false);
		expect(res.statusCode).toBe(503);
		expect(res.body).toContain(
			'prerequisites form a cycle: tokenization → prompt-basics → tokenization'
		);
		expect(res.body).toContain('/@vite/client');
		// Vite's own files (its client, which reloads the page) still pass.
		middleware(
			{ method: 'GET', url: '/@vite/client', headers: { accept: '*/*' } },
			res,
			() => (passed = true)
		);
		expect(passed).toBe(true);
	});

	it('build the catalog index from a valid catalog', () => {
		const { code } = load(catalogCheck(root, () => fixture('base')));
		expect(code).toMatch(/^export default JSON\.parse\(/);
		expect(code).toContain('prompt-basics');
	});
});
