// npm run courses:import / courses:export, run as a user runs them, on a copy of the test catalog.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const gift = (name: string) => join(root, 'tests', 'fixtures', 'gift', name);
let dirs: string[] = [];
afterEach(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
	dirs = [];
});

function catalogDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'jalons-gift-'));
	dirs.push(dir);
	for (const f of fixture('base')) {
		mkdirSync(dirname(join(dir, f.path)), { recursive: true });
		writeFileSync(join(dir, f.path), f.text);
	}
	return dir;
}
const run = (dir: string, script: string, args: string[]) =>
	spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: dir, encoding: 'utf8' });
const check = (dir: string) => run(dir, 'courses-check.ts', [dir]);

describe('npm run courses:import', () => {
	it('scaffolds a new module with the imported quiz, reports what it skipped and approximated, and passes the check', () => {
		const dir = catalogDir();
		const r = run(dir, 'courses-import.ts', [gift('every-construct.gift'), 'nlp/token-basics']);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('every-construct.gift:4: skipped: $CATEGORY');
		expect(r.stdout).toContain(
			'every-construct.gift:68: skipped: question "Explain tokens": an essay'
		);
		expect(r.stdout).toContain(
			'every-construct.gift:70: skipped: question at position 18: a description'
		);
		expect(r.stdout).toContain('every-construct.gift:72: skipped: question "Two right"');
		expect(r.stdout).toContain('every-construct.gift:21: approximated: question "Cost drivers"');
		expect(r.stdout).toContain(
			'Wrote courses/modules/nlp/token-basics/quiz.yaml: 16 questions (4 skipped, 17 approximated'
		);
		expect(r.stdout).toContain(
			'Created courses/modules/nlp/token-basics/index.md as courses:new does'
		);
		const lesson = readFileSync(join(dir, 'courses/modules/nlp/token-basics/index.md'), 'utf8');
		expect(lesson).toMatch(/^---\nid: token-basics\ntitle: Token basics\n/);
		const quiz = parse(
			readFileSync(join(dir, 'courses/modules/nlp/token-basics/quiz.yaml'), 'utf8')
		);
		expect(quiz.questions).toHaveLength(16);
		const after = check(dir);
		expect(after.stdout).toContain('4 modules');
		expect(after.stdout).toContain('0 errors');
		expect(after.status).toBe(0);
	});

	it('refuses to replace an existing quiz without --force; with it, replaces the questions and keeps the settings and the lesson', () => {
		const dir = catalogDir();
		const quizFile = join(dir, 'courses/modules/nlp/tokenization/quiz.yaml');
		const lessonFile = join(dir, 'courses/modules/nlp/tokenization/index.md');
		writeFileSync(quizFile, 'attempts: 3\nfeedback: immediate\n' + readFileSync(quizFile, 'utf8'));
		const [quizBefore, lessonBefore] = [
			readFileSync(quizFile, 'utf8'),
			readFileSync(lessonFile, 'utf8')
		];
		const refused = run(dir, 'courses-import.ts', [gift('matching.gift'), 'nlp/tokenization']);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain(
			'courses/modules/nlp/tokenization/quiz.yaml already exists: add --force'
		);
		expect(readFileSync(quizFile, 'utf8')).toBe(quizBefore);
		const forced = run(dir, 'courses-import.ts', [
			gift('matching.gift'),
			'nlp/tokenization',
			'--force'
		]);
		expect(forced.status).toBe(0);
		expect(
			parse(readFileSync(quizFile, 'utf8')).questions.map((q: { id: string }) => q.id)
		).toEqual(['capitals', 'with-distractors', 'compact']);
		expect(parse(readFileSync(quizFile, 'utf8'))).toMatchObject({
			pass: 0.8,
			attempts: 3,
			feedback: 'immediate'
		});
		expect(readFileSync(lessonFile, 'utf8')).toBe(lessonBefore);
		expect(check(dir).status).toBe(0);
	});

	it('refuses a file that is not UTF-8 and writes nothing', () => {
		const dir = catalogDir();
		const r = run(dir, 'courses-import.ts', [gift('latin1.gift'), 'nlp/cafe']);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('latin1.gift:1: not UTF-8: byte 0xE9 at offset 14');
		expect(r.stderr).toContain('Nothing was written.');
		expect(existsSync(join(dir, 'courses/modules/nlp/cafe'))).toBe(false);
	});

	it('lists every syntax error and every schema error as file.gift:line, and writes nothing', () => {
		const dir = catalogDir();
		const syntax = run(dir, 'courses-import.ts', [gift('errors.gift'), 'nlp/broken']);
		expect(syntax.status).toBe(1);
		const lines = [...syntax.stderr.matchAll(/errors\.gift:(\d+): error:/g)].map((m) =>
			Number(m[1])
		);
		expect(lines).toEqual([3, 5, 7, 9, 11, 13, 16]);
		const schema = run(dir, 'courses-import.ts', [gift('schema-errors.gift'), 'nlp/broken']);
		expect(schema.status).toBe(1);
		expect(schema.stderr).toContain(
			'schema-errors.gift:3: error: questions[1].pairs: a "match" question has at least two pairs (courses/modules/nlp/broken/quiz.yaml line'
		);
		expect(schema.stderr).toContain(
			'schema-errors.gift:5: error: questions[2].prompt: must not be empty'
		);
		expect(existsSync(join(dir, 'courses/modules/nlp/broken'))).toBe(false);
	});

	it('explains its usage and refuses a module of the same name in another area', () => {
		const dir = catalogDir();
		const usage = run(dir, 'courses-import.ts', [gift('title.gift')]);
		expect(usage.status).toBe(2);
		expect(usage.stderr).toContain(
			'usage: npm run courses:import -- <file.gift> <area>/<slug> [--force]'
		);
		const other = run(dir, 'courses-import.ts', [
			gift('title.gift'),
			'prompting/tokenization',
			'--force'
		]);
		expect(other.status).toBe(1);
		expect(other.stderr).toContain('A module "tokenization" already exists in another area');
	});
});

describe('npm run courses:export', () => {
	it('writes GIFT to stdout or --out, reports ordering questions as skipped, and imports back', () => {
		const dir = catalogDir();
		const quizFile = join(dir, 'courses/modules/nlp/tokenization/quiz.yaml');
		writeFileSync(
			quizFile,
			`pass: 0.7
questions:
  - id: pick-one
    type: single
    points: 2
    prompt: Which unit do models read?
    options:
      - { text: Tokens, correct: true }
      - { text: Letters, feedback: "Not letters: tokens." }
    explanation: Models read tokens.
  - id: steps
    type: order
    prompt: Order the steps.
    items: [Split, Map to ids, Embed]
    explanation: Split first.
`
		);
		const out = run(dir, 'courses-export.ts', ['tokenization']);
		expect(out.status).toBe(0);
		expect(out.stdout).toContain('// jalons-quiz {"pass":0.7,"shuffle":true,"feedback":"after"}');
		expect(out.stdout).toContain('// [id:pick-one]\n// jalons {"points":2}\n');
		expect(out.stdout).toContain(
			'::pick-one::[markdown]Which unit do models read?{\n\t=Tokens\n\t~Letters#Not letters\\: tokens.\n\t####Models read tokens.\n}'
		);
		expect(out.stderr).toContain(
			'courses/modules/nlp/tokenization/quiz.yaml:11: skipped: question "steps": an ordering question has no GIFT form'
		);
		expect(out.stderr).toContain('quiz.yaml:3: approximated: question "pick-one": points 2');
		expect(out.stderr).toContain(
			'Exported 1 of 2 questions of "tokenization" (1 skipped) to standard output.'
		);

		const file = join(dir, 'tokenization.gift');
		const saved = run(dir, 'courses-export.ts', ['tokenization', '--out', file]);
		expect(saved.status).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(out.stdout);
		const back = run(dir, 'courses-import.ts', [file, 'nlp/tokenization', '--force']);
		expect(back.status).toBe(0);
		expect(back.stdout).toContain('1 question (1 skipped, 0 approximated');
		expect(parse(readFileSync(quizFile, 'utf8'))).toMatchObject({
			pass: 0.7,
			questions: [{ id: 'pick-one', type: 'single', points: 2, explanation: 'Models read tokens.' }]
		});
	});

	it('names an unknown module with a hint', () => {
		const r = run(catalogDir(), 'courses-export.ts', ['tokenisation']);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('No module "tokenisation" — did you mean "tokenization"?');
	});
});
