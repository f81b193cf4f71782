// A signed-out visitor's quiz: the same draw, controls and grading as a learner's attempt (the
// helpers of attempts.ts and index.ts), with nothing written anywhere. The form carries a signed
// guest token (guest-token.ts) instead of an attempt held by the database.
import { randomBytes } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { env } from '$env/dynamic/private';
import type { Quiz } from '$lib/quiz/schema';
import { gradeAttempt, quizVersion, showQuiz } from './index';
import { answerToCheck, gradeSubmission } from './attempts';
import {
	makeGuestToken,
	newGuestAttempt,
	readGuestToken,
	type GuestAttempt,
	type GuestTokenProblem
} from './guest-token';

// Signs guest tokens. Set ATTEMPT_SECRET when several app servers share the load, or a guest quiz
// shown by one server is refused by another (docs/scaling.md).
const SECRET = env.ATTEMPT_SECRET || randomBytes(32).toString('hex');

const PROBLEMS: Record<GuestTokenProblem, () => string> = {
	malformed: m.quiz_error_malformed,
	tampered: m.quiz_error_forged,
	expired: m.quiz_error_expired,
	changed: m.quiz_error_changed
};

/** What the page shows of a guest attempt: its token, its questions, and its checked answers graded. */
function view(quiz: Quiz, attempt: GuestAttempt) {
	const questions = showQuiz(quiz, attempt.seed);
	const checked = gradeAttempt(
		quiz,
		questions.filter((q) => q.id in attempt.checks),
		attempt.checks
	).results;
	return {
		token: makeGuestToken(SECRET, attempt),
		questions,
		checked: Object.fromEntries(checked.map((r) => [r.id, r]))
	};
}

export type GuestView = ReturnType<typeof view>;

/** A new guest attempt at the quiz: a fresh draw on every page load. */
export const openGuest = (moduleId: string, quiz: Quiz) =>
	view(quiz, newGuestAttempt(moduleId, quizVersion(quiz)));

function attemptOf(moduleId: string, quiz: Quiz, form: FormData) {
	const read = readGuestToken(SECRET, form.get('guest'), moduleId, quizVersion(quiz));
	return 'problem' in read ? { failure: fail(400, { message: PROBLEMS[read.problem]() }) } : read;
}

/**
 * `feedback: immediate`: grades one answer and locks it in a new token. Every answer, failures
 * included, carries the attempt back, so the page shows the same draw whatever its load does.
 */
export async function guestCheck(moduleId: string, quiz: Quiz, form: FormData) {
	const read = attemptOf(moduleId, quiz, form);
	if ('failure' in read) return read.failure;
	const { attempt } = read;
	const checking = await answerToCheck(quiz, attempt.seed, form, (id) => id in attempt.checks);
	if (checking.failure)
		return fail(checking.failure.status, { ...checking.failure.data, guest: view(quiz, attempt) });
	const { question, answer, values } = checking;
	// A question checked once stays as checked: a second check changes nothing.
	const checks = { [question.id]: answer, ...attempt.checks };
	return { checkedId: question.id, values, guest: view(quiz, { ...attempt, checks }) };
}

/** Grades a guest's answers exactly as a learner's submission is graded, and stores nothing. */
export async function guestSubmit(moduleId: string, quiz: Quiz, form: FormData) {
	const read = attemptOf(moduleId, quiz, form);
	if ('failure' in read) return read.failure;
	const { attempt } = read;
	const shown = showQuiz(quiz, attempt.seed);
	const submission = gradeSubmission(quiz, shown, form, attempt.checks);
	if (submission.failure)
		return fail(submission.failure.status, {
			...submission.failure.data,
			guest: view(quiz, attempt)
		});
	return { result: { ...submission.graded, pass: quiz.pass }, guest: null };
}
