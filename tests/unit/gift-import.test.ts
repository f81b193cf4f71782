// GIFT → Jalons questions: each construct's mapping, the report of what is skipped or approximated
// (with GIFT lines), and the catalog's own validation of the quiz that would be written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giftToQuiz } from '../../src/lib/content/gift/import';
import { toMarkdown } from '../../src/lib/content/gift/markdown';
import { parseGift } from '../../src/lib/content/gift/parse';
import { checkImport, quizYaml } from '../../src/lib/content/gift/quiz-yaml';
import { quizSchema } from '../../src/lib/quiz/schema';
import { fixture } from '../helpers/fixtures';

const dir = join(import.meta.dirname, '..', 'fixtures', 'gift');
const competencies = new Set(['nlp-fundamentals', 'prompt-design']);
const load = (name: string) => {
	const parsed = parseGift(readFileSync(join(dir, name), 'utf8'));
	expect(parsed.errors).toEqual([]);
	return giftToQuiz(parsed.items, competencies);
};
const byId = (name: string) => {
	const r = load(name);
	expect(r.errors).toEqual([]);
	return Object.fromEntries(r.questions.map((q) => [q.id, q]));
};
const notes = (name: string) => load(name).notes.map((n) => `${n.line}: ${n.kind}`);

describe('GIFT → Jalons question types', () => {
	it('derives ids from titles, else from positions, unique within the quiz', () => {
		expect(load('title.gift').questions.map((q) => q.id)).toEqual([
			'kanji-origins',
			'grants-tomb',
			'question-3'
		]);
		const dup = parseGift('::Same::a {T}\n\n::Same::b {F}\n\n// [id:given-id]\n::Other::c{T}');
		expect(giftToQuiz(dup.items, competencies).questions.map((q) => q.id)).toEqual([
			'same',
			'same-2',
			'given-id'
		]);
	});

	it('maps = / ~ multiple choice to single, with per-option feedback', () => {
		const q = byId('multiple-choice.gift');
		expect(q.grant).toMatchObject({
			type: 'single',
			options: [{ text: 'Grant' }, { text: 'Jefferson' }, { text: 'no one', correct: true }]
		});
		expect(q.hometown).toMatchObject({
			type: 'single',
			prompt: 'Jesus Christ was from _____.',
			options: [
				{ text: 'Jerusalem', feedback: 'An important city, but the wrong answer.' },
				{ text: 'Bethlehem' },
				{ text: 'Galilee' },
				{ text: 'Nazareth', correct: true, feedback: "Yes! That's right!" }
			]
		});
		expect(notes('multiple-choice.gift')).toEqual([
			'1: approximated',
			'3: approximated',
			'11: approximated',
			'12: approximated',
			'9: approximated',
			'15: approximated',
			'15: approximated'
		]);
		expect(load('multiple-choice.gift').notes[2]!.message).toMatch(
			/"Bethlehem" earns 25% in Moodle; .* counts as wrong/
		);
	});

	it('maps weighted answers to multiple: exact when each right option is 100/k and each wrong one −100/k', () => {
		const r = load('multiple-answers.gift');
		const q = Object.fromEntries(r.questions.map((x) => [x.id, x]));
		expect(q['exact-weights']).toMatchObject({
			type: 'multiple',
			options: [{ correct: true }, { correct: true }, {}, {}]
		});
		expect((q['exact-weights']!.options as object[])[2]).toEqual({ text: '4' });
		const about = (id: string) =>
			r.notes.filter(
				(n) => n.message.includes(`"${id}"`) && n.message.includes('multiple answers')
			);
		expect(about('Exact weights')).toEqual([]);
		expect(about('Thirds')).toEqual([]);
		expect(about('Entombed')[0]!.message).toMatch(
			/"No one" \(-100%\), "Grant's father" \(-100%\) costs 50% in Jalons/
		);
		expect(about('Free picks')[0]!.message).toMatch(
			/"carrot" costs nothing in Moodle \(0%\) but 50% in Jalons/
		);
		expect(about('Unequal')[0]!.message).toMatch(/carry 70%, 30% in Moodle/);
		expect(r.errors).toEqual([
			{ line: 21, message: expect.stringMatching(/"Nothing right": no option is right/) }
		]);
	});

	it('skips a choice with several = (the learner would pick one of two right options)', () => {
		const r = giftToQuiz(parseGift('::Two right::Which?{=a =b ~c}').items, competencies);
		expect(r.questions).toEqual([]);
		expect(r.notes).toEqual([
			{ line: 1, kind: 'skipped', message: expect.stringMatching(/2 options are fully right/) }
		]);
	});

	it('maps {T} {F} {TRUE} {FALSE} to true-false, their feedback going to the explanation', () => {
		const q = byId('true-false.gift');
		expect([q['short-true'], q['short-false'], q['long-true']].map((x) => x!.answer)).toEqual([
			true,
			false,
			true
		]);
		expect(q['long-false-with-feedback']).toMatchObject({
			type: 'true-false',
			answer: false,
			explanation: 'No one is buried there: he is entombed.\n\nRight: entombed, not buried.'
		});
		expect(q['lower-case']).toMatchObject({ type: 'text', accept: ['true'] });
	});

	it('maps short answers to text with every full-credit answer accepted', () => {
		const q = byId('short-answer.gift');
		expect(q.several).toMatchObject({ type: 'text', accept: ['no one', 'nobody', 'none'] });
		expect(q['without-equals']).toMatchObject({ accept: ['four'] });
		expect(q.weighted).toMatchObject({ accept: ['Nazareth'] });
		expect(q.wildcard).toMatchObject({ accept: ['our'], pattern: '^(.*our)$' });
		expect(notes('short-answer.gift')).toContain('7: approximated');
		expect(notes('short-answer.gift')).toContain('8: approximated');
	});

	it('maps matching to match, = -> x to distractors', () => {
		const q = byId('matching.gift');
		expect(q.capitals).toMatchObject({
			type: 'match',
			pairs: [
				{ left: 'Canada', right: 'Ottawa' },
				{ left: 'Italy', right: 'Rome' },
				{ left: 'Japan', right: 'Tokyo' },
				{ left: 'India', right: 'New Delhi' }
			],
			distractors: []
		});
		expect(q['with-distractors']).toMatchObject({
			distractors: ['Chat', 'Database'],
			explanation: 'Chat and Database are left over.'
		});
	});

	it('maps numbers to numeric: tolerance, a range as its midpoint ± half, exact, the full-credit one of several', () => {
		const q = byId('numerical.gift');
		expect(q.tolerance).toMatchObject({ type: 'numeric', answer: 3, tolerance: 2 });
		expect(q.range).toMatchObject({ answer: 3, tolerance: 2 });
		expect(q.exact).toMatchObject({ answer: 1822 });
		expect(q.exact).not.toHaveProperty('tolerance');
		expect(q.pi).toMatchObject({ answer: 3.1415, tolerance: 0.0005 });
		expect(q['several-weighted']).toMatchObject({ answer: 1822, tolerance: 0 });
		expect(q['catch-all']).toMatchObject({
			answer: 8,
			explanation: 'Octets are 8 bits.\n\nA byte has 8 bits.'
		});
		expect(q['two-full']).toMatchObject({ answer: 1, tolerance: 0.5 });
		expect(q.negative).toMatchObject({ answer: -6 });
		const r = load('numerical.gift');
		expect(r.notes.find((n) => n.line === 11)!.message).toMatch(/1822 ± 2 earns 50%/);
		expect(r.notes.find((n) => n.line === 16)!.message).toMatch(/10 ± 0.5 are not accepted/);
	});

	it('skips essays and descriptions, and $CATEGORY lines, naming each with its line', () => {
		expect(load('essay.gift').notes).toEqual([
			{ line: 1, kind: 'skipped', message: expect.stringMatching(/"Essay": an essay/) },
			{ line: 3, kind: 'skipped', message: expect.stringMatching(/"Essay with feedback"/) }
		]);
		expect(load('description.gift').notes[0]).toEqual({
			line: 1,
			kind: 'skipped',
			message: expect.stringMatching(/"Intro": a description/)
		});
		expect(load('category.gift').notes[0]).toMatchObject({ line: 1, kind: 'skipped' });
	});

	it('turns formats into Markdown that shows the same thing', () => {
		const qs = load('formats.gift').questions;
		expect(qs.map((q) => q.prompt)).toEqual([
			'Which **library** renders `marked` text?',
			'Which tag makes **bold** text, *really*?\n\nSecond `a*b` paragraph.',
			'Is 2 \\* 3 \\* 4 = 24 when written in \\[plain\\]?',
			"Moodle's own format keeps\\\nline breaks, and *some* HTML.",
			'Without a format, the text is in Moodle format: 2 \\* 3 is \\*not\\* emphasis.'
		]);
		expect(qs[4]!.options).toEqual([
			{ text: '**six**' },
			{ text: '**6**', correct: true, feedback: '\\*right\\*' }
		]);
		expect(toMarkdown({ format: 'html', text: 'a <span>b</span> <img src="x.png">' })).toEqual({
			markdown: 'a b',
			notes: [
				expect.stringMatching(/image "x.png" left out/),
				expect.stringMatching(/<span> left out/)
			]
		});
		expect(toMarkdown({ format: 'plain', text: '# not a heading\n1. not a list' }).markdown).toBe(
			'\\# not a heading\\\n1\\. not a list'
		);
	});

	it('keeps escaped characters as text', () => {
		const q = byId('escapes.gift');
		expect(q['control-characters']!.prompt).toBe(
			'Which of the following is NOT a control character for GIFT: \\~ = # { }?'
		);
		expect((q.equals!.options as { text: string }[]).map((o) => o.text)).toEqual([
			'\\= 2 + 2',
			'\\= 2 + 3',
			'\\= 2 + 4'
		]);
		expect(q['colon-in-title']).toBeDefined();
	});

	it('keeps tags that are catalog competencies, and reports the others', () => {
		const r = giftToQuiz(
			parseGift('// [tag:prompt-design] [tag:easy]\n::T::Tagged.{T####Why.}').items,
			competencies
		);
		expect(r.questions[0]!.competencies).toEqual(['prompt-design']);
		expect(r.notes).toEqual([
			{
				line: 2,
				kind: 'approximated',
				message: expect.stringMatching(/tag "easy" is not a competency/)
			}
		]);
	});
});

describe('the file with every construct', () => {
	it('gives the questions it should and names each skipped one with its line', () => {
		const r = load('every-construct.gift');
		expect(r.errors).toEqual([]);
		expect(r.questions.map((q) => `${q.id}:${q.type}`)).toEqual([
			'tokens-per-word:single',
			'cacheable-parts:multiple',
			'cost-drivers:multiple',
			'temperature-zero:true-false',
			'streaming:true-false',
			'tokenizer:true-false',
			'metric-name:text',
			'match-metrics:match',
			'daily-cost:numeric',
			'pick-a-number:numeric',
			'launch-year:numeric',
			'missing-word:text',
			'missing-word-choice:single',
			'question-14:text',
			'question-15:text',
			'escapes-braces:single'
		]);
		expect(r.notes.filter((n) => n.kind === 'skipped').map((n) => n.line)).toEqual([4, 68, 70, 72]);
		expect(r.questions[0]!.competencies).toEqual(['nlp-fundamentals']);
		const quiz = quizSchema.safeParse({ ...r.settings, questions: r.questions });
		expect(quiz.success).toBe(true);
	});
});

describe('the catalog check of the quiz to be written', () => {
	it('passes for a valid import, and places schema errors on GIFT lines', () => {
		const files = fixture('base');
		const path = 'courses/modules/nlp/tokenization/quiz.yaml';
		const good = load('every-construct.gift');
		const ok = checkImport(
			files,
			new Map([[path, quizYaml(good.settings, good.questions, 'every-construct.gift')]]),
			path,
			good.lines
		);
		expect(ok).toEqual([]);
		const bad = load('schema-errors.gift');
		const errors = checkImport(
			files,
			new Map([[path, quizYaml(bad.settings, bad.questions, 'schema-errors.gift')]]),
			path,
			bad.lines
		);
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[3, 'questions[1].pairs: a "match" question has at least two pairs'],
			[5, 'questions[2].prompt: must not be empty']
		]);
	});
});
