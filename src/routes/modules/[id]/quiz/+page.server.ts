import { error, fail } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { DbError } from '$lib/server/db/types';
import { call } from '$lib/server/rpc';
import { nextCards } from '$lib/server/review';
import {
	gradeAttempt,
	newAttemptToken,
	parseAnswers,
	quizVersion,
	readAttemptToken,
	showQuiz
} from '$lib/server/quiz';
import type { Answer } from '$lib/quiz/engine';

interface AttemptRow {
	id: string;
	score: string | number;
	max_score: string | number;
	passed: boolean;
	submitted_at: string | Date;
}

interface QuizState {
	attempts: number;
	cards: Record<string, unknown>;
	open_key: string | null;
	open_started_at: string | Date | null;
	checks: Record<string, Answer>;
}

function lookup(id: string) {
	const module = catalog.modules.get(id);
	const quiz = catalog.quizzes.get(id);
	if (!module || !quiz) error(404, `There is no quiz for module "${id}".`);
	return { module, quiz };
}

async function history(db: NonNullable<App.Locals['db']>, moduleId: string) {
	const rows = await call<AttemptRow, 'my_attempts'>(db, 'my_attempts', { module_id: moduleId });
	return rows.map((r) => ({
		id: r.id,
		score: Number(r.score),
		max: Number(r.max_score),
		passed: r.passed,
		date: new Date(r.submitted_at).toISOString()
	}));
}

/** Attempts used, the module's review cards and the open attempt's checked answers, in one call. */
async function quizState(
	db: NonNullable<App.Locals['db']>,
	moduleId: string,
	attemptKey: string | null
): Promise<QuizState> {
	const [row] = await call<QuizState, 'my_quiz_state'>(db, 'my_quiz_state', {
		module_id: moduleId,
		attempt_key: attemptKey
	});
	return row!;
}

const formValues = (form: FormData) =>
	Object.fromEntries(
		[...form.keys()].filter((k) => k.startsWith('q-')).map((k) => [k, form.getAll(k).map(String)])
	);

export async function load({ params, locals }) {
	const { module, quiz } = lookup(params.id);
	const base = {
		module: { id: module.id, title: module.title },
		settings: {
			pass: quiz.pass,
			attempts: quiz.attempts ?? null,
			count: quiz.draw ?? quiz.questions.length,
			immediate: quiz.feedback === 'immediate'
		}
	};
	if (!locals.user || !locals.db)
		return { ...base, signedIn: false as const, history: [], token: null, questions: [] };
	const [attempts, state] = await Promise.all([
		history(locals.db, module.id),
		quizState(locals.db, module.id, null)
	]);
	const left = quiz.attempts === undefined ? null : Math.max(0, quiz.attempts - attempts.length);
	// An attempt with checked answers is resumed (same questions, order and locked answers), so
	// checking answers and starting over does not get round the attempt limit.
	const token = state.open_key
		? newAttemptToken(
				locals.user.id,
				module.id,
				state.open_key,
				new Date(state.open_started_at!).getTime()
			)
		: newAttemptToken(locals.user.id, module.id);
	const seed = token.split('.')[0]!;
	const questions = left === 0 && !state.open_key ? [] : showQuiz(quiz, seed);
	const checkedIds = new Set(Object.keys(state.checks));
	// Checked answers are graded: their feedback was shown when they were checked.
	const checked = gradeAttempt(
		quiz,
		questions.filter((q) => checkedIds.has(q.id)),
		state.checks
	).results;
	return {
		...base,
		signedIn: true as const,
		history: attempts,
		left,
		token,
		questions,
		checked: Object.fromEntries(checked.map((r) => [r.id, r]))
	};
}

/** The signed attempt named by the form, or a failure to return. */
async function openAttempt(locals: App.Locals, moduleId: string, form: FormData) {
	if (!locals.user || !locals.db)
		return { failure: fail(401, { message: 'Sign in to submit a quiz.' }) } as const;
	const attempt = readAttemptToken(String(form.get('attempt') ?? ''), locals.user.id, moduleId);
	if (!attempt)
		return {
			failure: fail(400, {
				message: 'This quiz form is no longer valid. Reload the page to start a new attempt.'
			})
		} as const;
	return { user: locals.user, db: locals.db, attempt } as const;
}

export const actions = {
	/** `feedback: immediate`: grades one answer, locks it and shows its feedback. */
	check: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		const form = await request.formData();
		const open = await openAttempt(locals, module.id, form);
		if ('failure' in open) return open.failure;
		const { user, db, attempt } = open;
		const values = formValues(form);
		if (quiz.feedback !== 'immediate')
			return fail(400, { message: 'This quiz shows feedback after submission only.', values });
		const shown = showQuiz(quiz, attempt.seed);
		const question = shown.find((q) => q.id === form.get('check'));
		if (!question) return fail(400, { message: 'There is no such question to check.', values });
		const state = await quizState(db, module.id, attempt.seed);
		if (quiz.attempts !== undefined && state.attempts >= quiz.attempts && !state.open_key)
			return fail(403, { message: `You have used all ${quiz.attempts} attempts at this quiz.` });
		const { answers, errors } = parseAnswers([question], form);
		if (errors[question.id]) return fail(400, { errors, values });
		const answer = answers[question.id]!;
		if (!(question.id in state.checks) && isEmpty(answer))
			return fail(400, {
				errors: { [question.id]: 'Answer this question before checking it.' },
				values
			});
		try {
			await locals.serviceRpc('check_answer', {
				user_id: user.id,
				module_id: module.id,
				attempt_key: attempt.seed,
				started_at: attempt.startedAt,
				question_id: question.id,
				answer
			});
		} catch (e) {
			if (e instanceof DbError && e.code === 'JL409')
				return fail(409, {
					message: 'This attempt is already submitted. Reload to start a new one.'
				});
			throw e;
		}
		// The page's load reads the checked answers back and shows their feedback.
		return { checkedId: question.id, values };
	},

	submit: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		const form = await request.formData();
		const open = await openAttempt(locals, module.id, form);
		if ('failure' in open) return open.failure;
		const { user, db, attempt } = open;
		const shown = showQuiz(quiz, attempt.seed);
		const state = await quizState(db, module.id, attempt.seed);
		const parsed = parseAnswers(shown, form);
		// A checked answer is locked: the stored one counts, whatever the form now says.
		const answers = { ...parsed.answers, ...state.checks };
		const errors = Object.fromEntries(
			Object.entries(parsed.errors).filter(([id]) => !(id in state.checks))
		);
		if (Object.keys(errors).length) return fail(400, { errors, values: formValues(form) });
		// Only the answers count: any score or result a learner adds to the form is never read.
		const graded = gradeAttempt(quiz, shown, answers);
		try {
			await locals.serviceRpc('submit_attempt', {
				user_id: user.id,
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
				idempotency_key: attempt.seed,
				max_attempts: quiz.attempts ?? null,
				// Every answered question becomes a review card: missed ones come back soon, known ones later.
				cards: nextCards(new Map(Object.entries(state.cards)), module.id, graded.results)
			});
		} catch (e) {
			if (e instanceof DbError && e.code === 'JL429')
				return fail(403, { message: `You have used all ${quiz.attempts} attempts at this quiz.` });
			throw e;
		}
		return { result: { ...graded, pass: quiz.pass } };
	}
};

function isEmpty(a: Answer): boolean {
	switch (a.type) {
		case 'single':
			return a.option === null;
		case 'multiple':
			return a.options.length === 0;
		case 'true-false':
		case 'numeric':
			return a.value === null;
		case 'text':
			return a.value.trim() === '';
		case 'order':
			return a.items.length === 0;
		case 'match':
			return Object.keys(a.pairs).length === 0;
	}
}
