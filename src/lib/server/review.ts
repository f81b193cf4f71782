// Scheduling review cards from graded answers (FSRS), written as service_role.
import { reschedule, ratingFor, type SelfRating } from '$lib/quiz/review';
import { call } from './rpc';

/** The next review card of each answered question, from its previous card (none: a new card). */
export function nextCards(
	previous: ReadonlyMap<string, unknown>,
	moduleId: string,
	answered: { id: string; correct: boolean }[],
	self?: SelfRating,
	now = new Date()
) {
	return answered.map((a) => {
		const next = reschedule(previous.get(a.id) ?? null, ratingFor(a.correct, self), now);
		return { module_id: moduleId, question_id: a.id, card: next.card, due: next.due.toISOString() };
	});
}

/**
 * Reschedules the learner's own card of one question after a review answer. False when the learner
 * has no card of that question due now (none at all, not due yet, or answered meanwhile): the
 * answer's outcome must then not be shown, or /review would hand out any question's key.
 */
export async function answerReview(
	locals: App.Locals,
	moduleId: string,
	answered: { id: string; correct: boolean },
	self?: SelfRating,
	now = new Date()
): Promise<boolean> {
	if (!locals.user || !locals.db) return false;
	const cards = await call(locals.db, 'my_review_cards', { module_id: moduleId });
	const previous = cards.find((c) => c.question_id === answered.id);
	if (!previous) return false;
	const [next] = nextCards(
		new Map([[answered.id, previous.card]]),
		moduleId,
		[answered],
		self,
		now
	);
	const updated = await locals.serviceRpc('review_answer', {
		user_id: locals.user.id,
		module_id: moduleId,
		question_id: answered.id,
		card: next!.card,
		due: next!.due
	});
	return updated.length === 1;
}

export async function dueCount(db: App.Locals['db']): Promise<number> {
	if (!db) return 0;
	const [row] = await call(db, 'my_review_count');
	return row?.due ?? 0;
}
