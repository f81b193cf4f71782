// Spaced review with FSRS (ts-fsrs), without short-term (learning) steps: every answered question
// is a card, scheduled in whole days. A first right answer (Good) is due again in days; a missed one
// (Again) is due at once, so it can be practised on /review straight away, and FSRS records the
// lapse, so the next right answer spaces it out again. Default parameters, no fuzz.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

export const parameters = generatorParameters({ enable_fuzz: false, enable_short_term: false });
const scheduler = fsrs(parameters);

export const SELF_RATINGS = ['hard', 'good', 'easy'] as const;
export type SelfRating = (typeof SELF_RATINGS)[number];

export function ratingFor(correct: boolean, self: SelfRating = 'good'): Grade {
	if (!correct) return Rating.Again;
	return self === 'hard' ? Rating.Hard : self === 'easy' ? Rating.Easy : Rating.Good;
}

/**
 * The next state of a card (stored as JSON) after a rating at `now`. `due` is FSRS's due date, but
 * for Again it is `now`: a missed question is due again at once (FSRS alone would wait a day).
 */
export function reschedule(
	previous: unknown | null,
	rating: Grade,
	now: Date
): { card: Card; due: Date } {
	const card = previous ? revive(previous as Card) : createEmptyCard(now);
	const next = scheduler.next(card, now, rating).card;
	const due = rating === Rating.Again ? now : new Date(next.due);
	return { card: { ...next, due }, due };
}

function revive(c: Card): Card {
	return {
		...c,
		due: new Date(c.due),
		last_review: c.last_review ? new Date(c.last_review) : undefined
	};
}
