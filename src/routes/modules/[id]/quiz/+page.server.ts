import { error, fail } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { call } from '$lib/server/rpc';
import { gradeAttempt, showQuiz } from '$lib/server/quiz';
import { checkAnswer, openAttempt, submitAttempt, type Learner } from '$lib/server/quiz/attempts';

function lookup(id: string) {
	const module = catalog.modules.get(id);
	const quiz = catalog.quizzes.get(id);
	if (!module || !quiz) error(404, `There is no quiz for module "${id}".`);
	return { module, quiz };
}

async function history(db: NonNullable<App.Locals['db']>, moduleId: string) {
	const rows = await call(db, 'my_attempts', { module_id: moduleId });
	return rows.map((r) => ({
		id: r.id,
		score: Number(r.score),
		max: Number(r.max_score),
		passed: r.passed,
		date: new Date(r.submitted_at).toISOString()
	}));
}

export async function load({ params, locals }) {
	const { module, quiz } = lookup(params.id);
	const base = {
		module: { id: module.id, title: module.title, summary: module.summary },
		settings: {
			pass: quiz.pass,
			attempts: quiz.attempts ?? null,
			count: quiz.draw ?? quiz.questions.length,
			immediate: quiz.feedback === 'immediate'
		}
	};
	if (!locals.user || !locals.db)
		return { ...base, signedIn: false as const, history: [], attemptId: null, questions: [] };
	// Opening the page opens the learner's one attempt at this quiz, or resumes it (same questions,
	// same order, checked answers still locked).
	const [attempts, open] = await Promise.all([
		history(locals.db, module.id),
		openAttempt(locals.serviceRpc, locals.user.id, module.id, quiz)
	]);
	const left = quiz.attempts === undefined ? null : Math.max(0, quiz.attempts - open.submitted);
	const questions = open.attemptId ? showQuiz(quiz, open.attemptId) : [];
	const checkedIds = new Set(Object.keys(open.checks));
	// Checked answers are graded: their feedback was shown when they were checked.
	const checked = gradeAttempt(
		quiz,
		questions.filter((q) => checkedIds.has(q.id)),
		open.checks
	).results;
	return {
		...base,
		signedIn: true as const,
		history: attempts,
		left,
		attemptId: open.attemptId,
		questions,
		checked: Object.fromEntries(checked.map((r) => [r.id, r]))
	};
}

function learner(locals: App.Locals): Learner | null {
	return locals.user && locals.db
		? { userId: locals.user.id, db: locals.db, serviceRpc: locals.serviceRpc }
		: null;
}

export const actions = {
	check: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		const who = learner(locals);
		if (!who) return fail(401, { message: 'Sign in to take a quiz.' });
		return checkAnswer(who, module.id, quiz, await request.formData());
	},

	submit: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		const who = learner(locals);
		if (!who) return fail(401, { message: 'Sign in to submit a quiz.' });
		return submitAttempt(who, module.id, quiz, await request.formData());
	}
};
