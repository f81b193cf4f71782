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

export async function scheduleAnswers(
	locals: App.Locals,
	moduleId: string,
	answered: { id: string; correct: boolean }[],
	self?: SelfRating,
	now = new Date()
) {
	if (!locals.user || !locals.db || answered.length === 0) return;
	const previous = new Map(
		(
			await call<{ question_id: string; card: unknown }, 'my_review_cards'>(
				locals.db,
				'my_review_cards',
				{ module_id: moduleId }
			)
		).map((c) => [c.question_id, c.card])
	);
	const cards = nextCards(previous, moduleId, answered, self, now);
	await locals.serviceRpc('schedule_reviews', { user_id: locals.user.id, cards });
}

export async function dueCount(db: App.Locals['db']): Promise<number> {
	if (!db) return 0;
	const [row] = await call<{ due: number }, 'my_review_count'>(db, 'my_review_count', {});
	return row?.due ?? 0;
}
