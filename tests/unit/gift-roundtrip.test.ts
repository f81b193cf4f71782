// Export then import gives back the same questions, for every real module quiz in courses/: every
// type GIFT can carry comes back equal; ordering questions, which GIFT cannot carry, are reported
// skipped by the exporter with their id.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../../scripts/catalog-files';
import { checkCatalog } from '../../src/lib/content/catalog';
import { quizToGift } from '../../src/lib/content/gift/export';
import { giftToQuiz } from '../../src/lib/content/gift/import';
import { parseGift } from '../../src/lib/content/gift/parse';
import { parseYaml } from '../../src/lib/content/yaml';
import { quizSchema } from '../../src/lib/quiz/schema';

const root = join(import.meta.dirname, '..', '..');
const files = readCourseFiles(root);
const { catalog } = checkCatalog(files);
const competencies = new Set(catalog.competencies.keys());

describe('GIFT round trip over the real catalog', () => {
	it('covers every module quiz and every question type', () => {
		expect(catalog.quizzes.size).toBe(catalog.modules.size);
		const types = new Set(
			[...catalog.quizzes.values()].flatMap((q) => q.questions.map((x) => x.type))
		);
		expect([...types].sort()).toEqual([
			'match',
			'multiple',
			'numeric',
			'order',
			'single',
			'text',
			'true-false'
		]);
	});

	for (const [id, quiz] of catalog.quizzes) {
		it(`${id}: export → import gives back the same quiz, but for the reported ordering questions`, () => {
			const mod = catalog.modules.get(id)!;
			const path = mod.file.replace(/index\.md$/, 'quiz.yaml');
			const yaml = parseYaml(path, files.find((f) => f.path === path)!.text);
			if (!('source' in yaml)) throw new Error(`${path} does not parse`);
			const out = quizToGift(quiz, mod, (i) => yaml.source.lineOf(['questions', i]));

			const orders = quiz.questions.filter((q) => q.type === 'order');
			const skipped = out.notes.filter((n) => n.kind === 'skipped');
			expect(skipped.map((n) => n.message)).toEqual(
				orders.map((q) => expect.stringContaining(`question "${q.id}": an ordering question`))
			);
			expect(skipped.map((n) => n.line)).toEqual(
				orders.map((q) => yaml.source.lineOf(['questions', quiz.questions.indexOf(q)]))
			);
			expect(out.exported).toBe(quiz.questions.length - orders.length);

			const parsed = parseGift(out.gift);
			expect(parsed.errors).toEqual([]);
			const back = giftToQuiz(parsed.items, competencies);
			expect(back.errors).toEqual([]);
			expect(back.notes).toEqual([
				expect.objectContaining({ kind: 'skipped', message: expect.stringMatching(/^\$CATEGORY/) })
			]);
			const again = quizSchema.parse({ ...back.settings, questions: back.questions });
			expect(again).toEqual({
				...quiz,
				questions: quiz.questions.filter((q) => q.type !== 'order')
			});
		});
	}
});

describe('the GIFT writer', () => {
	const nasty =
		'a ~tilde, =equals, #hash, {braces}, :colon, \\backslash, ->arrow,\n\nand //a new paragraph';
	const quiz = quizSchema.parse({
		questions: [
			{
				id: 'every-special',
				type: 'single',
				prompt: nasty,
				options: [
					{ text: nasty, correct: true, feedback: nasty },
					{ text: '[html] is text here', feedback: '#### not general feedback' }
				],
				explanation: nasty
			},
			{
				id: 'blank-in-the-middle',
				type: 'text',
				prompt: 'Prompt caching matches an exact _____ of the request.',
				accept: ['prefix', 'a = b', 'T'],
				explanation: 'Prefix.'
			},
			{
				id: 'relative',
				type: 'numeric',
				prompt: 'About how much?',
				answer: -250,
				relative: 0.02,
				explanation: 'Two per cent.'
			},
			{
				id: 'pairs',
				type: 'match',
				prompt: 'Match.',
				pairs: [
					{ left: 'x: #1', right: 'a -> b = c' },
					{ left: 'y', right: '{z}' }
				],
				distractors: ['~w'],
				explanation: 'Pairs.'
			}
		]
	});

	it('escapes every special character so the texts come back unchanged', () => {
		const out = quizToGift(quiz, { id: 'm', title: 'M' }, (i) => i + 1);
		expect(out.notes).toEqual([]);
		expect(out.gift).toContain(
			'\\~tilde, \\=equals, \\#hash, \\{braces\\}, \\:colon, \\\\backslash'
		);
		expect(out.gift).toContain(
			'exact {\n\t=prefix\n\t=a \\= b\n\t=T\n\t####Prefix.\n} of the request.'
		);
		expect(out.gift).toContain('{#\n\t=-250:5\n');
		const parsed = parseGift(out.gift);
		expect(parsed.errors).toEqual([]);
		const back = giftToQuiz(parsed.items, competencies);
		expect(back.errors).toEqual([]);
		expect(quizSchema.parse({ ...back.settings, questions: back.questions })).toEqual(quiz);
	});
});
