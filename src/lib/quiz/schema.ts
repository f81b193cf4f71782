import { z } from 'zod';

const id = z
	.string()
	.regex(
		/^[a-z0-9]+(-[a-z0-9]+)*$/,
		'ids are lowercase words joined by hyphens, e.g. "cheapest-call"'
	);
const markdown = z.string().trim().min(1, 'must not be empty');

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'true-false',
	'numeric',
	'text',
	'order',
	'match'
] as const;

const base = {
	id,
	prompt: markdown,
	points: z.number().positive().max(100).default(1),
	explanation: markdown,
	competencies: z.array(id).min(1).optional(),
	/** The id of the lesson's `##`/`###` heading the question is about: "revisit" links after a miss. */
	section: z
		.string()
		.regex(
			/^[a-z0-9][a-z0-9-]*$/,
			'a heading id, as in the lesson\'s table of contents, e.g. "what-a-token-is"'
		)
		.optional()
};

const option = z.strictObject({
	text: markdown,
	correct: z.boolean().default(false),
	feedback: markdown.optional()
});
const options = z.array(option).min(2, 'a question needs at least two options');

const single = z
	.strictObject({ ...base, type: z.literal('single'), options })
	.refine((q) => q.options.filter((o) => o.correct).length === 1, {
		message:
			'a "single" question has exactly one option with `correct: true` (use "multiple" for several)',
		path: ['options']
	});

const multiple = z
	.strictObject({ ...base, type: z.literal('multiple'), options })
	.refine((q) => q.options.some((o) => o.correct), {
		message: 'a "multiple" question needs at least one option with `correct: true`',
		path: ['options']
	});

const trueFalse = z.strictObject({ ...base, type: z.literal('true-false'), answer: z.boolean() });

const numeric = z
	.strictObject({
		...base,
		type: z.literal('numeric'),
		answer: z.number(),
		tolerance: z.number().min(0).optional(),
		relative: z.number().min(0).max(1).optional(),
		unit: z.string().trim().min(1).optional()
	})
	.refine((q) => !(q.tolerance !== undefined && q.relative !== undefined), {
		message: 'give either `tolerance` (absolute) or `relative`, not both',
		path: ['relative']
	});

function isRegex(s: string) {
	try {
		new RegExp(s, 'i');
		return true;
	} catch {
		return false;
	}
}

const text = z.strictObject({
	...base,
	type: z.literal('text'),
	accept: z.array(z.string().trim().min(1)).min(1, 'list at least one accepted answer'),
	pattern: z.string().refine(isRegex, 'not a valid regular expression').optional()
});

const order = z.strictObject({
	...base,
	type: z.literal('order'),
	items: z.array(markdown).min(3, 'an "order" question has at least three items')
});

const match = z.strictObject({
	...base,
	type: z.literal('match'),
	pairs: z
		.array(z.strictObject({ left: markdown, right: markdown }))
		.min(2, 'a "match" question has at least two pairs'),
	distractors: z.array(markdown).default([])
});

export const questionSchema = z.discriminatedUnion('type', [
	single,
	multiple,
	trueFalse,
	numeric,
	text,
	order,
	match
]);

export const quizSchema = z
	.strictObject({
		pass: z.number().gt(0).max(1).default(0.8),
		draw: z.number().int().positive().optional(),
		shuffle: z.boolean().default(true),
		attempts: z.number().int().positive().optional(),
		feedback: z.enum(['after', 'immediate']).default('after'),
		questions: z.array(questionSchema).min(1, 'the question pool is empty')
	})
	.refine((q) => q.draw === undefined || q.draw <= q.questions.length, {
		message: '`draw` asks for more questions than the pool has',
		path: ['draw']
	});

export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type Quiz = z.infer<typeof quizSchema>;

/** A retry must be a mostly different quiz: the pool holds at least this many times the draw. */
export const POOL_FACTOR = 1.5;

/**
 * What is wrong with a quiz's pool for retries, or null. A quiz without `draw` asks its whole
 * pool, the same questions every time. Checked on the real catalog by its guard
 * (tests/unit/catalog-guards.test.ts); a quiz being written may still have a small pool.
 */
export function poolProblem(quiz: Pick<Quiz, 'draw' | 'questions'>): string | null {
	const pool = quiz.questions.length;
	const draw = quiz.draw ?? pool;
	const needed = Math.ceil(POOL_FACTOR * draw);
	if (pool >= needed) return null;
	const most = Math.floor(pool / POOL_FACTOR);
	return quiz.draw === undefined
		? `no \`draw\`: every attempt asks the same ${pool} questions — set \`draw\` to at most ${most} or write more questions (pool ≥ ${POOL_FACTOR} × draw)`
		: `draw: ${draw} of ${pool} questions — a retry would repeat most of them; write ${needed - pool} more or draw at most ${most} (pool ≥ ${POOL_FACTOR} × draw)`;
}
