import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog } from '$lib/server/content';
import { gradeAttempt, parseAnswers, showQuiz } from '$lib/server/quiz';
import { formValues } from '$lib/server/quiz/attempts';
import { call } from '$lib/server/rpc';
import { signedIn } from '$lib/server/redirect';
import { answerReview, dueCard, dueCount, ratingChoices, reviewOutlook } from '$lib/server/review';
import { SELF_RATINGS } from '$lib/quiz/review';
import { localHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** One question, alone, as a review shows it (options shuffled by a seed of its own). */
function reviewQuestion(moduleId: string, questionId: string) {
	const quiz = catalog.quizzes.get(moduleId);
	const question = quiz?.questions.find((q) => q.id === questionId);
	if (!quiz || !question) return null;
	const single = { ...quiz, draw: undefined, questions: [question] };
	return { quiz: single, shown: showQuiz(single, `review:${moduleId}:${questionId}`) };
}

export async function load({ locals }) {
	const { db } = signedIn(locals, localHref('/review'));
	const [due, count, outlook] = await Promise.all([
		call(db, 'my_due_reviews', { max_cards: 50 }),
		dueCount(db),
		reviewOutlook(db)
	]);
	// Cards of questions removed from the catalog since are skipped.
	const next = due.find((d) => reviewQuestion(d.module_id, d.question_id));
	const r = next ? reviewQuestion(next.module_id, next.question_id)! : null;
	return {
		due: count,
		...outlook,
		card:
			next && r
				? {
						module: {
							id: next.module_id,
							title: catalog.modules.get(next.module_id)?.title ?? next.module_id
						},
						question: r.shown[0]!
					}
				: null
	};
}

const NOT_DUE = () => m.review_error_not_due();

const ids = z.object({
	module: z.string().regex(/^[a-z0-9-]{1,80}$/),
	question: z.string().regex(/^[a-z0-9-]{1,80}$/)
});
const rating = z.enum(SELF_RATINGS);

/** The learner's answer to their due card, graded; or the failure to show instead of any outcome. */
async function graded(locals: App.Locals, form: FormData) {
	const parsed = ids.safeParse({ module: form.get('module'), question: form.get('question') });
	const r = parsed.success ? reviewQuestion(parsed.data.module, parsed.data.question) : null;
	if (!parsed.success || !r) return { failure: fail(404, { message: NOT_DUE() }) };
	const { answers, errors } = parseAnswers(r.shown, form);
	if (Object.keys(errors).length) return { failure: fail(400, { errors }) };
	// Graded only against the learner's own due card: nothing is shown otherwise.
	const card = await dueCard(locals, parsed.data.module, parsed.data.question);
	if (!card) return { failure: fail(404, { message: NOT_DUE() }) };
	const result = gradeAttempt(r.quiz, r.shown, answers).results[0]!;
	return { module: parsed.data.module, result, card: card.card };
}

export const actions = {
	/**
	 * The learner answers first. A miss is recorded at once (Again: due again now). A right answer
	 * is recorded when the learner says how hard it was (`rate`), which carries the answer back.
	 */
	answer: async ({ request, locals }) => {
		signedIn(locals, localHref('/review'));
		const form = await request.formData();
		const g = await graded(locals, form);
		if ('failure' in g) return g.failure;
		if (g.result.correct)
			return {
				result: g.result,
				module: g.module,
				values: formValues(form),
				choices: ratingChoices(g.card)
			};
		const due = await answerReview(locals, g.module, g.result);
		if (!due) return fail(404, { message: NOT_DUE() });
		return { result: g.result, module: g.module, rated: { rate: 'again' as const, due } };
	},

	/** The answer again, graded again, with how hard it was: the card is rescheduled once. */
	rate: async ({ request, locals }) => {
		signedIn(locals, localHref('/review'));
		const form = await request.formData();
		const rate = rating.safeParse(form.get('rate'));
		if (!rate.success) return fail(400, { message: m.review_error_rate() });
		const g = await graded(locals, form);
		if ('failure' in g) return g.failure;
		const due = await answerReview(locals, g.module, g.result, rate.data);
		if (!due) return fail(404, { message: NOT_DUE() });
		return {
			result: g.result,
			module: g.module,
			rated: { rate: g.result.correct ? rate.data : ('again' as const), due }
		};
	}
};
