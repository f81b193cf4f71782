import { createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { ratingFor, reschedule } from '../../src/lib/quiz/review';

const now = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const days = (d: Date, from = now) => (d.getTime() - from.getTime()) / DAY;
const stored = (card: unknown) => JSON.parse(JSON.stringify(card));

describe('spaced review: the scheduling choices, held against ts-fsrs', () => {
	it('ts-fsrs with its default short-term steps would bring a first right answer back within minutes', () => {
		// Why the app turns them off: this is the "9 cards due right after a 9/9 pass" of issue #11.
		const card = fsrs(generatorParameters({ enable_fuzz: false })).next(
			createEmptyCard(now),
			now,
			Rating.Good
		).card;
		expect(days(card.due) * 24 * 60).toBeLessThan(60);
	});

	it('a first right answer is due in days, exactly as ts-fsrs schedules it without short-term steps', () => {
		const reference = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
		for (const [self, rating] of [
			['hard', Rating.Hard],
			['good', Rating.Good],
			['easy', Rating.Easy]
		] as const) {
			const ours = reschedule(null, ratingFor(true, self), now);
			const theirs = reference.next(createEmptyCard(now), now, rating).card;
			expect(ours.due.getTime(), self).toBe(theirs.due.getTime());
			expect(ours.card.stability, self).toBe(theirs.stability);
			expect(ours.card.state, self).toBe(State.Review);
		}
		// A quiz rates a right answer Good: not due again for days.
		expect(days(reschedule(null, ratingFor(true), now).due)).toBeGreaterThanOrEqual(2);
	});

	it('a missed answer is due at once, and FSRS records the lapse', () => {
		const missed = reschedule(null, ratingFor(false), now);
		expect(missed.due.getTime()).toBe(now.getTime());
		expect(missed.card.due.getTime()).toBe(now.getTime());
		const known = reschedule(null, ratingFor(true, 'easy'), now);
		const lapse = reschedule(stored(known.card), ratingFor(false), known.due);
		expect(lapse.due.getTime()).toBe(known.due.getTime());
		expect(lapse.card.lapses).toBe(1);
		expect(lapse.card.stability).toBeLessThan(known.card.stability);
	});

	it('after a miss, the next right answer is due in days again (not within the day)', () => {
		const missed = reschedule(null, ratingFor(false), now);
		const later = new Date(now.getTime() + 5 * 60_000);
		const right = reschedule(stored(missed.card), ratingFor(true), later);
		expect(days(right.due, later)).toBeGreaterThanOrEqual(1);
	});

	it('spaces a card further each time it is known, from its stored JSON', () => {
		let state = reschedule(null, ratingFor(true), now);
		const gaps: number[] = [];
		for (let i = 0; i < 4; i++) {
			const at = state.due;
			const next = reschedule(stored(state.card), ratingFor(true), at);
			gaps.push(next.due.getTime() - at.getTime());
			state = next;
		}
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
	});

	it('hard, good and easy space a right answer further in that order', () => {
		const [hard, good, easy] = (['hard', 'good', 'easy'] as const).map((s) =>
			days(reschedule(null, ratingFor(true, s), now).due)
		);
		expect(hard!).toBeLessThan(good!);
		expect(good!).toBeLessThan(easy!);
	});
});
