import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { catalog, competencyTitle } from '$lib/server/content';
import { instructorOnly } from '$lib/server/teach/access';
import { keySheet } from '$lib/server/teach/preview';

export async function load({ params, locals }) {
	await instructorOnly(locals);
	const module = catalog.modules.get(params.id);
	const quiz = catalog.quizzes.get(params.id);
	if (!module || !quiz) error(404, m.teach_no_quiz({ id: params.id }));
	return {
		module: { id: module.id, title: module.title, file: module.file },
		settings: {
			pass: quiz.pass,
			draw: quiz.draw ?? null,
			pool: quiz.questions.length,
			shuffle: quiz.shuffle,
			attempts: quiz.attempts ?? null,
			feedback: quiz.feedback
		},
		questions: keySheet(quiz).map((q) => ({
			...q,
			competencies: q.competencies.map((id) => ({ id, title: competencyTitle(id) }))
		}))
	};
}
