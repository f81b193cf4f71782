// Spaced review with FSRS (ts-fsrs): every answered question is a card. A wrong answer rates the
// card Again (it comes back soon); a right one rates it Good, or Hard / Easy when the learner says so.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export type SelfRating = 'hard' | 'good' | 'easy';

export function ratingFor(correct: boolean, self: SelfRating = 'good'): Grade {
	if (!correct) return Rating.Again;
	return self === 'hard' ? Rating.Hard : self === 'easy' ? Rating.Easy : Rating.Good;
}

/** The next state of a card (stored as JSON) after a rating at `now`. */
export function reschedule(
	previous: unknown | null,
	rating: Grade,
	now: Date
): { card: Card; due: Date } {
	const card = previous ? revive(previous as Card) : createEmptyCard(now);
	const next = scheduler.next(card, now, rating).card;
	return { card: next, due: new Date(next.due) };
}

function revive(c: Card): Card {
	return {
		...c,
		due: new Date(c.due),
		last_review: c.last_review ? new Date(c.last_review) : undefined
	};
}
