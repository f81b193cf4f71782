import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	assemble,
	grade,
	keyOf,
	type Answer,
	type PublicQuestion
} from '../../src/lib/quiz/engine';
import { questionSchema, quizSchema, type Question } from '../../src/lib/quiz/schema';
import { checkCatalog } from '../../src/lib/content/catalog';
import { readCourseFiles } from '../../scripts/catalog-files';

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const base = {
	id: fc.constantFrom('q-a', 'q-b'),
	prompt: text,
	explanation: text,
	points: fc.integer({ min: 1, max: 5 })
};

const question: fc.Arbitrary<Question> = fc
	.oneof(
		fc
			.record({
				...base,
				type: fc.constant('single'),
				n: fc.integer({ min: 2, max: 6 }),
				right: fc.nat()
			})
			.map(({ n, right, ...q }) => ({
				...q,
				options: Array.from({ length: n }, (_, i) => ({ text: `o${i}`, correct: i === right % n }))
			})),
		fc
			.record({
				...base,
				type: fc.constant('multiple'),
				flags: fc.array(fc.boolean(), { minLength: 2, maxLength: 6 })
			})
			.map(({ flags, ...q }) => ({
				...q,
				options: flags.map((c, i) => ({ text: `o${i}`, correct: c || i === 0 }))
			})),
		fc.record({ ...base, type: fc.constant('true-false'), answer: fc.boolean() }),
		fc.record({
			...base,
			type: fc.constant('numeric'),
			answer: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
			tolerance: fc.double({ min: 0, max: 10, noNaN: true })
		}),
		fc.record({
			...base,
			type: fc.constant('text'),
			accept: fc.array(text, { minLength: 1, maxLength: 3 })
		}),
		fc
			.record({ ...base, type: fc.constant('order'), n: fc.integer({ min: 3, max: 6 }) })
			.map(({ n, ...q }) => ({ ...q, items: Array.from({ length: n }, (_, i) => `item ${i}`) })),
		fc
			.record({ ...base, type: fc.constant('match'), n: fc.integer({ min: 2, max: 5 }) })
			.map(({ n, ...q }) => ({
				...q,
				pairs: Array.from({ length: n }, (_, i) => ({ left: `l${i}`, right: `r${i}` })),
				distractors: ['extra']
			}))
	)
	.map((q) => questionSchema.parse(q));

/** Any answer of the question's type, with ids it could have seen (or not). */
const answerFor = (q: Question): fc.Arbitrary<Answer> => {
	const ids = (prefix: string, n: number) =>
		fc.constantFrom(...Array.from({ length: n + 1 }, (_, i) => `${prefix}${i}`));
	switch (q.type) {
		case 'single':
			return fc.record({
				type: fc.constant('single' as const),
				option: fc.option(ids('o', q.options.length), { nil: null }) as fc.Arbitrary<string | null>
			});
		case 'multiple':
			return fc.record({
				type: fc.constant('multiple' as const),
				options: fc.uniqueArray(ids('o', q.options.length))
			});
		case 'true-false':
			return fc.record({
				type: fc.constant('true-false' as const),
				value: fc.option(fc.boolean(), { nil: null }) as fc.Arbitrary<boolean | null>
			});
		case 'numeric':
			return fc.record({
				type: fc.constant('numeric' as const),
				value: fc.option(fc.double(), { nil: null }) as fc.Arbitrary<number | null>
			});
		case 'text':
			return fc.record({ type: fc.constant('text' as const), value: fc.string() });
		case 'order':
			return fc.record({
				type: fc.constant('order' as const),
				items: fc.array(ids('i', q.items.length), { maxLength: 7 })
			});
		case 'match':
			return fc.record({
				type: fc.constant('match' as const),
				pairs: fc.dictionary(ids('l', q.pairs.length), ids('r', q.pairs.length + 1))
			});
	}
};

const EMPTY: Record<Question['type'], Answer> = {
	single: { type: 'single', option: null },
	multiple: { type: 'multiple', options: [] },
	'true-false': { type: 'true-false', value: null },
	numeric: { type: 'numeric', value: null },
	text: { type: 'text', value: '  ' },
	order: { type: 'order', items: [] },
	match: { type: 'match', pairs: {} }
};

describe('grading properties', () => {
	it('a score is within [0, points]', () => {
		fc.assert(
			fc.property(
				question.chain((q) => fc.tuple(fc.constant(q), answerFor(q))),
				([q, a]) => {
					const g = grade(q, a);
					expect(g.score).toBeGreaterThanOrEqual(0);
					expect(g.score).toBeLessThanOrEqual(q.points);
				}
			)
		);
	});

	it('the key itself scores full points', () => {
		fc.assert(
			fc.property(question, (q) => {
				expect(grade(q, keyOf(q))).toEqual({ score: q.points, max: q.points, correct: true });
			})
		);
	});

	it('an empty answer scores 0', () => {
		fc.assert(
			fc.property(question, (q) => {
				expect(grade(q, EMPTY[q.type]).score).toBe(0);
			})
		);
	});

	it('the shown order of options never changes the score', () => {
		// A learner answers by what they see: the texts on screen, in shuffled order. Whatever the
		// seed, picking the right texts scores full points and picking by screen position does not
		// depend on the seed's order being the authored one.
		const byText = (q: Question, shown: PublicQuestion): Answer => {
			const idOf = (list: { id: string; text: string }[], text: string) =>
				list.find((o) => o.text === text)!.id;
			switch (q.type) {
				case 'single':
					return {
						type: 'single',
						option: idOf(
							(shown as { options: { id: string; text: string }[] }).options,
							q.options.find((o) => o.correct)!.text
						)
					};
				case 'multiple':
					return {
						type: 'multiple',
						options: q.options
							.filter((o) => o.correct)
							.map((o) =>
								idOf((shown as { options: { id: string; text: string }[] }).options, o.text)
							)
					};
				case 'order':
					return {
						type: 'order',
						items: q.items.map((t) =>
							idOf((shown as { items: { id: string; text: string }[] }).items, t)
						)
					};
				case 'match': {
					const m = shown as {
						left: { id: string; text: string }[];
						right: { id: string; text: string }[];
					};
					return {
						type: 'match',
						pairs: Object.fromEntries(
							q.pairs.map((p) => [idOf(m.left, p.left), idOf(m.right, p.right)])
						)
					};
				}
				default:
					return keyOf(q);
			}
		};
		const distinct = question.filter((q) => {
			const texts =
				'options' in q
					? q.options.map((o) => o.text)
					: q.type === 'order'
						? q.items
						: q.type === 'match'
							? [...q.pairs.map((p) => p.right), ...q.distractors]
							: [];
			return new Set(texts).size === texts.length;
		});
		fc.assert(
			fc.property(distinct, fc.string(), (q, seed) => {
				const shown = assemble(quizSchema.parse({ questions: [q] }), seed)[0]!;
				expect(grade(q, byText(q, shown))).toEqual({
					score: q.points,
					max: q.points,
					correct: true
				});
			})
		);
	});
});

describe('grading rules', () => {
	const multiple = questionSchema.parse({
		id: 'm',
		type: 'multiple',
		prompt: 'p',
		explanation: 'e',
		points: 2,
		options: [{ text: 'a', correct: true }, { text: 'b', correct: true }, { text: 'c' }]
	});
	it('multiple: partial credit, minus wrong picks, never below zero', () => {
		expect(grade(multiple, { type: 'multiple', options: ['o0'] }).score).toBe(1);
		expect(grade(multiple, { type: 'multiple', options: ['o0', 'o2'] }).score).toBe(0);
		expect(grade(multiple, { type: 'multiple', options: ['o2'] }).score).toBe(0);
		expect(grade(multiple, { type: 'multiple', options: ['o0', 'o1', 'o2'] })).toEqual({
			score: 1,
			max: 2,
			correct: false
		});
	});

	it('numeric: absolute or relative tolerance', () => {
		const abs = questionSchema.parse({
			id: 'n',
			type: 'numeric',
			prompt: 'p',
			explanation: 'e',
			answer: 9,
			tolerance: 0.01
		});
		expect(grade(abs, { type: 'numeric', value: 9.01 }).correct).toBe(true);
		expect(grade(abs, { type: 'numeric', value: 9.02 }).correct).toBe(false);
		const rel = questionSchema.parse({
			id: 'n',
			type: 'numeric',
			prompt: 'p',
			explanation: 'e',
			answer: 200,
			relative: 0.05
		});
		expect(grade(rel, { type: 'numeric', value: 209 }).correct).toBe(true);
		expect(grade(rel, { type: 'numeric', value: 211 }).correct).toBe(false);
	});

	it('text: case- and space-insensitive, or the pattern', () => {
		const q = questionSchema.parse({
			id: 't',
			type: 'text',
			prompt: 'p',
			explanation: 'e',
			accept: ['Least Privilege'],
			pattern: '^rouge(-[12l])?$'
		});
		expect(grade(q, { type: 'text', value: '  least   privilege ' }).correct).toBe(true);
		expect(grade(q, { type: 'text', value: 'ROUGE-L' }).correct).toBe(true);
		expect(grade(q, { type: 'text', value: 'rouge-3' }).correct).toBe(false);
	});

	it('order: credit for correct adjacent pairs', () => {
		const q = questionSchema.parse({
			id: 'o',
			type: 'order',
			prompt: 'p',
			explanation: 'e',
			points: 3,
			items: ['a', 'b', 'c', 'd']
		});
		expect(grade(q, { type: 'order', items: ['i0', 'i1', 'i3', 'i2'] }).score).toBeCloseTo(1);
		expect(grade(q, { type: 'order', items: ['i3', 'i2', 'i1', 'i0'] }).score).toBe(0);
		expect(grade(q, { type: 'order', items: ['i0', 'i0', 'i1', 'i2'] }).score).toBe(0);
	});

	it('match: credit per right pair; distractors earn nothing', () => {
		const q = questionSchema.parse({
			id: 'x',
			type: 'match',
			prompt: 'p',
			explanation: 'e',
			pairs: [
				{ left: 'a', right: 'A' },
				{ left: 'b', right: 'B' }
			],
			distractors: ['C']
		});
		expect(grade(q, { type: 'match', pairs: { l0: 'r0', l1: 'r2' } }).score).toBe(0.5);
	});
});

describe('assembling an attempt', () => {
	const quiz = quizSchema.parse({
		draw: 2,
		questions: ['a', 'b', 'c', 'd'].map((id) => ({
			id,
			type: 'single',
			prompt: id,
			explanation: `secret ${id}`,
			options: [
				{ text: 'right', correct: true, feedback: 'secret feedback' },
				{ text: 'wrong' },
				{ text: 'other' }
			]
		}))
	});

	it('draws the same questions in the same order for the same seed', () => {
		expect(assemble(quiz, 'attempt-1')).toEqual(assemble(quiz, 'attempt-1'));
		expect(assemble(quiz, 'attempt-1')).toHaveLength(2);
		const seen = new Set(
			Array.from({ length: 30 }, (_, i) =>
				assemble(quiz, `s${i}`)
					.map((q) => q.id)
					.join()
			)
		);
		expect(seen.size).toBeGreaterThan(3);
	});

	it("asks the questions not seen yet first, in the seed's order, and nothing seen changes nothing", () => {
		const ids = (qs: { id: string }[]) => qs.map((q) => q.id);
		for (let i = 0; i < 20; i++) {
			const seed = `retry-${i}`;
			expect(assemble(quiz, seed, new Set())).toEqual(assemble(quiz, seed));
			const first = ids(assemble(quiz, `first-${i}`));
			// Two of four seen: the retry asks exactly the other two.
			const retry = ids(assemble(quiz, seed, new Set(first)));
			expect(retry.sort()).toEqual(['a', 'b', 'c', 'd'].filter((id) => !first.includes(id)));
			// Three seen: the one left, and one seen question.
			const three = ids(assemble(quiz, seed, new Set(['a', 'b', 'c'])));
			expect(three).toHaveLength(2);
			expect(three).toContain('d');
			// The drawn questions appear in the order the seed gives the whole pool.
			const all = ids(assemble({ ...quiz, draw: undefined }, seed));
			expect(three).toEqual(all.filter((id) => three.includes(id)));
		}
		// All seen: as if none were.
		expect(assemble(quiz, 'z', new Set(['a', 'b', 'c', 'd']))).toEqual(assemble(quiz, 'z'));
	});

	it('gives the browser no key, explanation or feedback', () => {
		const shown = JSON.stringify(assemble(quiz, 'x'));
		expect(shown).not.toMatch(/correct|secret|explanation|feedback/);
	});
});

describe('the real catalog', () => {
	const { catalog } = checkCatalog(readCourseFiles(new URL('../..', import.meta.url).pathname));
	it('every key of every quiz scores full points', () => {
		const failing = [...catalog.quizzes].flatMap(([m, quiz]) =>
			quiz.questions.filter((q) => !grade(q, keyOf(q)).correct).map((q) => `${m}/${q.id}`)
		);
		expect(catalog.quizzes.size, 'every module has its quiz').toBe(catalog.modules.size);
		expect(catalog.modules.size).toBeGreaterThanOrEqual(49);
		expect(failing).toEqual([]);
	});

	it('every accepted text answer is accepted, and the pattern agrees with the list', () => {
		const failing = [...catalog.quizzes].flatMap(([m, quiz]) =>
			quiz.questions.flatMap((q) =>
				q.type === 'text'
					? q.accept
							.filter((a) => !grade(q, { type: 'text', value: a }).correct)
							.map((a) => `${m}/${q.id}: ${a}`)
					: []
			)
		);
		expect(failing).toEqual([]);
	});
});
