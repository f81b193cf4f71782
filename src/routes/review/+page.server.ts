import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog } from '$lib/server/content';
import { gradeAttempt, parseAnswers, showQuiz } from '$lib/server/quiz';
import { call } from '$lib/server/rpc';
import { answerReview, dueCount } from '$lib/server/review';

/** One question, alone, as a review shows it (options shuffled by a seed of its own). */
function reviewQuestion(moduleId: string, questionId: string) {
	const quiz = catalog.quizzes.get(moduleId);
	const question = quiz?.questions.find((q) => q.id === questionId);
	if (!quiz || !question) return null;
	const single = { ...quiz, draw: undefined, questions: [question] };
	return { quiz: single, shown: showQuiz(single, `review:${moduleId}:${questionId}`) };
}

export async function load({ locals }) {
	if (!locals.user || !locals.db) redirect(303, '/login?redirectTo=/review');
	const due = await call(locals.db, 'my_due_reviews', { max_cards: 50 });
	// Cards of questions removed from the catalog since are skipped.
	const next = due.find((d) => reviewQuestion(d.module_id, d.question_id));
	if (!next) return { due: 0, card: null };
	const r = reviewQuestion(next.module_id, next.question_id)!;
	return {
		due: await dueCount(locals.db),
		card: {
			module: {
				id: next.module_id,
				title: catalog.modules.get(next.module_id)?.title ?? next.module_id
			},
			question: r.shown[0]!
		}
	};
}

const NOT_DUE = 'You have no review card due for this question. Go on with the next one.';

const ids = z.object({
	module: z.string().regex(/^[a-z0-9-]{1,80}$/),
	question: z.string().regex(/^[a-z0-9-]{1,80}$/),
	rate: z.enum(['hard', 'good', 'easy']).default('good')
});

export const actions = {
	default: async ({ request, locals }) => {
		if (!locals.user || !locals.db) redirect(303, '/login?redirectTo=/review');
		const form = await request.formData();
		const parsed = ids.safeParse({
			module: form.get('module'),
			question: form.get('question'),
			rate: form.get('rate') || undefined
		});
		const r = parsed.success ? reviewQuestion(parsed.data.module, parsed.data.question) : null;
		if (!parsed.success || !r) return fail(404, { message: NOT_DUE });
		const { answers, errors } = parseAnswers(r.shown, form);
		if (Object.keys(errors).length) return fail(400, { errors });
		const result = gradeAttempt(r.quiz, r.shown, answers).results[0]!;
		// Graded only against the learner's own due card, once: nothing is returned otherwise.
		if (!(await answerReview(locals, parsed.data.module, result, parsed.data.rate)))
			return fail(404, { message: NOT_DUE });
		return { result, module: parsed.data.module };
	}
};
