// Scheduling review cards from graded answers (FSRS), written as service_role.
import { reschedule, ratingFor, SELF_RATINGS, type SelfRating } from '$lib/quiz/review';
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

// As my_due_reviews(): a card is due up to ten minutes ahead.
const AHEAD = 10 * 60_000;

/** The learner's own card of a question if it is due now, else null (none, or not due yet). */
export async function dueCard(
	locals: App.Locals,
	moduleId: string,
	questionId: string,
	now = new Date()
): Promise<{ card: unknown } | null> {
	if (!locals.db) return null;
	const cards = await call(locals.db, 'my_review_cards', { module_id: moduleId });
	const c = cards.find((c) => c.question_id === questionId);
	return c && new Date(c.due).getTime() <= now.getTime() + AHEAD ? { card: c.card } : null;
}

/** When each self-rating of a right answer would bring the card back, for the rating buttons. */
export function ratingChoices(card: unknown, now = new Date()) {
	return SELF_RATINGS.map((rate) => ({
		rate,
		due: reschedule(card, ratingFor(true, rate), now).due.toISOString()
	}));
}

/**
 * Reschedules the learner's own card of one question after a review answer; the new due date, or
 * null when the learner has no card of that question due now (none at all, not due yet, or
 * answered meanwhile): the answer's outcome must then not be shown, or /review would hand out any
 * question's key.
 */
export async function answerReview(
	locals: App.Locals,
	moduleId: string,
	answered: { id: string; correct: boolean },
	self?: SelfRating,
	now = new Date()
): Promise<string | null> {
	if (!locals.user || !locals.db) return null;
	const previous = await dueCard(locals, moduleId, answered.id, now);
	if (!previous) return null;
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
	return updated.length === 1 ? next!.due : null;
}

export async function dueCount(db: App.Locals['db']): Promise<number> {
	if (!db) return 0;
	const [row] = await call(db, 'my_review_count');
	return row?.due ?? 0;
}

/** Cards due per UTC day over the next `days` days (due ones on the first), and the next due date. */
export async function reviewOutlook(db: NonNullable<App.Locals['db']>, days = 7) {
	const [forecast, next] = await Promise.all([
		call(db, 'my_review_forecast', { days }),
		call(db, 'my_next_review')
	]);
	return {
		forecast: forecast.map((f) => ({ day: f.day, cards: Number(f.cards) })),
		next: next[0]?.due ? new Date(next[0].due).toISOString() : null
	};
}
