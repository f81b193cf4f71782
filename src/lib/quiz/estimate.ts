// How long a quiz takes, for the lesson page: a rule of thumb per question type (reading the prompt,
// then answering), averaged over the pool, times the questions drawn, rounded up to a minute.
import type { Question, Quiz } from './schema';

/** Seconds to read and answer one question (docs/quiz.md). */
export function questionSeconds(q: Question): number {
	switch (q.type) {
		case 'true-false':
			return 20;
		case 'single':
			return 30;
		case 'multiple':
			return 45;
		case 'numeric':
		case 'text':
			return 60;
		case 'order':
			return 15 + 10 * q.items.length;
		case 'match':
			return 15 + 10 * q.pairs.length;
	}
}

export function quizFacts(quiz: Quiz) {
	const count = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
	const average =
		quiz.questions.reduce((n, q) => n + questionSeconds(q), 0) / quiz.questions.length;
	return { count, pass: quiz.pass, minutes: Math.max(1, Math.ceil((average * count) / 60)) };
}
