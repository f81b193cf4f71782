// A quiz tried as a learner, in preview: graded on the server like any attempt, stored nowhere
// (no attempt is opened, nothing is written to the database).
import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { catalog } from '$lib/server/content';
import { gradeAttempt, parseAnswers, showQuiz } from '$lib/server/quiz';
import { formValues } from '$lib/server/quiz/attempts';
import { instructorOnly } from '$lib/server/teach/access';
import { PREVIEW_SEED, wholePool } from '$lib/server/teach/preview';

async function lookup(locals: App.Locals, id: string) {
	await instructorOnly(locals);
	const module = catalog.modules.get(id);
	const quiz = catalog.quizzes.get(id);
	if (!module || !quiz) error(404, m.teach_no_quiz({ id }));
	return { module, quiz: wholePool(quiz) };
}

export async function load({ params, locals }) {
	const { module, quiz } = await lookup(locals, params.id);
	return {
		module: { id: module.id, title: module.title },
		pass: quiz.pass,
		questions: showQuiz(quiz, PREVIEW_SEED)
	};
}

export const actions = {
	default: async ({ params, locals, request }) => {
		const { quiz } = await lookup(locals, params.id);
		const form = await request.formData();
		const shown = showQuiz(quiz, PREVIEW_SEED);
		const { answers, errors } = parseAnswers(shown, form);
		if (Object.keys(errors).length) return fail(400, { errors, values: formValues(form) });
		return { result: { ...gradeAttempt(quiz, shown, answers), pass: quiz.pass } };
	}
};
