// A learner's attempts at a quiz, held by the server (supabase/migrations/*_server_attempts.sql):
// the quiz page opens one, or resumes the open one; checks and the submission name it by its
// attempt_id, which also seeds the questions drawn. Routes call these and stay thin.
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import type { Answer } from '$lib/quiz/engine';
import type { Quiz } from '$lib/quiz/schema';
import { DbError, type UserDb } from '../db/types';
import { call, type RpcRow, type ServiceRpc } from '../rpc';
import { nextCards } from '../review';
import {
	gradeAttempt,
	parseAnswers,
	quizVersion,
	showAsked,
	showQuiz,
	type ShownQuestion
} from './index';

/** Question id → the answer checked and locked in the open attempt (jsonb, as check_answer() stored it). */
const checksOf = (checks: unknown) => checks as Record<string, Answer>;

/**
 * What the quiz page needs of the learner's state at one quiz, read in one call: attempts made,
 * question id → review card, and the open attempt (attempt_id null when none is) with its checks.
 */
export async function quizState(db: UserDb, moduleId: string) {
	const [row] = await call(db, 'my_quiz_state', { module_id: moduleId });
	const cards = row!.cards as Record<string, unknown>;
	return {
		...row!,
		cards,
		// The questions earlier attempts asked: each answered one became a review card. Only a
		// submission adds cards (and it closes the open attempt), so this holds for an attempt's life.
		seen: new Set(Object.keys(cards)) as ReadonlySet<string>,
		attempt_id: row!.attempt_id as string | null,
		checks: checksOf(row!.checks)
	};
}

/** Opens the learner's attempt, or resumes the open one; attemptId is null once none is left. */
export async function openAttempt(
	serviceRpc: ServiceRpc,
	userId: string,
	moduleId: string,
	quiz: Quiz
) {
	const [row] = await serviceRpc('open_attempt', {
		user_id: userId,
		module_id: moduleId,
		max_attempts: quiz.attempts ?? null
	});
	return {
		attemptId: row!.attempt_id as string | null,
		submitted: row!.attempts,
		checks: checksOf(row!.checks),
		// The questions earlier attempts asked (those with a review card): a retry asks others first.
		seen: new Set(row!.seen as string[]) as ReadonlySet<string>
	};
}

const attemptField = z.string().regex(/^[0-9a-f]{32}$/);

/** The attempt a quiz form names, or null when the field is missing or malformed. */
export function attemptOf(form: FormData): string | null {
	const parsed = attemptField.safeParse(form.get('attempt'));
	return parsed.success ? parsed.data : null;
}

/** Form values of the questions, to put back in the form next to an error. */
export const formValues = (form: FormData) =>
	Object.fromEntries(
		[...form.keys()].filter((k) => k.startsWith('q-')).map((k) => [k, form.getAll(k).map(String)])
	);

export function isEmpty(a: Answer): boolean {
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

const STALE = () => m.quiz_error_stale();

/** The learner-facing failure for a refusal of the database, or null for any other error. */
function refusal(e: unknown, quiz: Quiz) {
	if (!(e instanceof DbError)) return null;
	if (e.code === 'JL409') return fail(409, { message: m.quiz_error_submitted() });
	if (e.code === 'JL410') return fail(409, { message: STALE() });
	if (e.code === 'JL429')
		return fail(403, { message: m.quiz_error_attempts_used({ n: quiz.attempts ?? 0 }) });
	return null;
}

export interface Learner {
	userId: string;
	db: UserDb;
	serviceRpc: ServiceRpc;
}

/**
 * The question a `?/check` form names and its answer, or the failure to return: shared by learners'
 * attempts and guests' (`guest.ts`). `locked` says whether the question's answer is already checked.
 */
export async function answerToCheck(
	quiz: Quiz,
	seed: string,
	form: FormData,
	locked: (questionId: string) => boolean | Promise<boolean>,
	seen?: ReadonlySet<string>
) {
	const values = formValues(form);
	if (quiz.feedback !== 'immediate')
		return {
			failure: fail(400, { message: m.quiz_error_after_only(), values })
		};
	const question = showQuiz(quiz, seed, seen).find((q) => q.id === form.get('check'));
	if (!question) return { failure: fail(400, { message: m.quiz_error_no_question(), values }) };
	const { answers, errors } = parseAnswers([question], form);
	if (errors[question.id]) return { failure: fail(400, { errors, values }) };
	const answer = answers[question.id]!;
	if (isEmpty(answer) && !(await locked(question.id)))
		return {
			failure: fail(400, {
				errors: { [question.id]: m.quiz_error_answer_first() },
				values
			})
		};
	return { question, answer, values };
}

/** `feedback: immediate`: grades one answer of the open attempt and locks it. */
export async function checkAnswer(who: Learner, moduleId: string, quiz: Quiz, form: FormData) {
	const attemptId = attemptOf(form);
	if (!attemptId) return fail(400, { message: STALE() });
	const state = await quizState(who.db, moduleId);
	const checking = await answerToCheck(
		quiz,
		attemptId,
		form,
		(id) => state.attempt_id === attemptId && id in state.checks,
		state.seen
	);
	if (checking.failure) return checking.failure;
	const { question, answer, values } = checking;
	try {
		await who.serviceRpc('check_answer', {
			user_id: who.userId,
			module_id: moduleId,
			attempt_id: attemptId,
			question_id: question.id,
			answer
		});
	} catch (e) {
		const failure = refusal(e, quiz);
		if (failure) return failure;
		throw e;
	}
	// The page's load reads the checked answers back and shows their feedback.
	return { checkedId: question.id, values };
}

/**
 * A submission's answers, graded: the form's, with every checked answer locked in (the checked one
 * counts, whatever the form now says), or the failure to return. Only answers are read: a score or
 * result added to the form is never read. Shared by learners' attempts and guests'.
 */
export function gradeSubmission(
	quiz: Quiz,
	shown: ShownQuestion[],
	form: FormData,
	checks: Record<string, Answer>
) {
	const parsed = parseAnswers(shown, form);
	const answers = { ...parsed.answers, ...checks };
	const errors = Object.fromEntries(
		Object.entries(parsed.errors).filter(([id]) => !(id in checks))
	);
	if (Object.keys(errors).length)
		return { failure: fail(400, { errors, values: formValues(form) }) };
	return { answers, graded: gradeAttempt(quiz, shown, answers) };
}

/** Grades and records the open attempt, its checked answers locked in. */
export async function submitAttempt(who: Learner, moduleId: string, quiz: Quiz, form: FormData) {
	const attemptId = attemptOf(form);
	if (!attemptId) return fail(400, { message: STALE() });
	const state = await quizState(who.db, moduleId);
	const shown = showQuiz(quiz, attemptId, state.seen);
	const submission = gradeSubmission(
		quiz,
		shown,
		form,
		state.attempt_id === attemptId ? state.checks : {}
	);
	if (submission.failure) return submission.failure;
	const { answers, graded } = submission;
	let rows: RpcRow<'submit_attempt'>[];
	try {
		rows = await who.serviceRpc('submit_attempt', {
			user_id: who.userId,
			module_id: moduleId,
			attempt_id: attemptId,
			quiz_version: quizVersion(quiz),
			answers,
			results: Object.fromEntries(
				graded.results.map((r) => [r.id, { score: r.score, max: r.max }])
			),
			score: graded.score,
			max_score: graded.max,
			passed: graded.passed,
			max_attempts: quiz.attempts ?? null,
			// Every answered question becomes a review card: missed ones come back soon, known ones later.
			cards: nextCards(new Map(Object.entries(state.cards)), moduleId, graded.results)
		});
	} catch (e) {
		const failure = refusal(e, quiz);
		if (failure) return failure;
		throw e;
	}
	// A form posted twice shows the attempt as first recorded: the questions it asked (by then, the
	// first post's review cards count them as seen), with the answers stored.
	const recorded = rows[0]!.answers as Record<string, Answer>;
	const stored = gradeAttempt(quiz, showAsked(quiz, attemptId, Object.keys(recorded)), recorded);
	return { result: { ...stored, pass: quiz.pass } };
}
