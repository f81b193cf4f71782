import { error, fail } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { call } from '$lib/server/rpc';
import { scheduleAnswers } from '$lib/server/review';
import {
	gradeAttempt,
	newAttemptToken,
	parseAnswers,
	quizVersion,
	readAttemptToken,
	showQuiz
} from '$lib/server/quiz';

interface AttemptRow {
	id: string;
	score: string | number;
	max_score: string | number;
	passed: boolean;
	submitted_at: string | Date;
}

function lookup(id: string) {
	const module = catalog.modules.get(id);
	const quiz = catalog.quizzes.get(id);
	if (!module || !quiz) error(404, `There is no quiz for module "${id}".`);
	return { module, quiz };
}

async function history(db: App.Locals['db'], moduleId: string) {
	if (!db) return [];
	const rows = await call<AttemptRow, 'my_attempts'>(db, 'my_attempts', { module_id: moduleId });
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
		module: { id: module.id, title: module.title },
		settings: {
			pass: quiz.pass,
			attempts: quiz.attempts ?? null,
			count: quiz.draw ?? quiz.questions.length
		}
	};
	if (!locals.user)
		return { ...base, signedIn: false as const, history: [], token: null, questions: [] };
	const attempts = await history(locals.db, module.id);
	const left = quiz.attempts === undefined ? null : Math.max(0, quiz.attempts - attempts.length);
	const token = newAttemptToken(locals.user.id, module.id);
	const seed = token.split('.')[0]!;
	return {
		...base,
		signedIn: true as const,
		history: attempts,
		left,
		token,
		questions: left === 0 ? [] : showQuiz(quiz, seed)
	};
}

export const actions = {
	default: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		if (!locals.user || !locals.db) return fail(401, { message: 'Sign in to submit a quiz.' });
		const form = await request.formData();
		const attempt = readAttemptToken(String(form.get('attempt') ?? ''), locals.user.id, module.id);
		if (!attempt)
			return fail(400, {
				message: 'This quiz form is no longer valid. Reload the page to start a new attempt.'
			});
		const past = await history(locals.db, module.id);
		const again = past.length; // a repeated post of the same attempt is recorded once, below
		if (quiz.attempts !== undefined && again >= quiz.attempts)
			return fail(403, { message: `You have used all ${quiz.attempts} attempts at this quiz.` });
		const shown = showQuiz(quiz, attempt.seed);
		const { answers, errors } = parseAnswers(shown, form);
		if (Object.keys(errors).length)
			return fail(400, {
				errors,
				values: Object.fromEntries([...form.keys()].map((k) => [k, form.getAll(k).map(String)]))
			});
		// Only the answers count: any score or result a learner adds to the form is never read.
		const graded = gradeAttempt(quiz, shown, answers);
		await locals.serviceRpc('record_attempt', {
			user_id: locals.user.id,
			module_id: module.id,
			quiz_version: quizVersion(quiz),
			answers,
			results: Object.fromEntries(
				graded.results.map((r) => [r.id, { score: r.score, max: r.max }])
			),
			score: graded.score,
			max_score: graded.max,
			passed: graded.passed,
			started_at: attempt.startedAt,
			idempotency_key: attempt.seed
		});
		// Every answered question becomes a review card: missed ones come back soon, known ones later.
		await scheduleAnswers(locals, module.id, graded.results);
		return { result: { ...graded, pass: quiz.pass } };
	}
};
