import { describe, expect, it } from 'vitest';
import { ratingFor, reschedule } from '../../src/lib/quiz/review';

const now = new Date('2026-11-23T12:00:00Z');
const minutes = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

describe('spaced review', () => {
	it('brings a missed question back sooner than a known one', () => {
		const missed = reschedule(null, ratingFor(false), now);
		const known = reschedule(null, ratingFor(true), now);
		const easy = reschedule(null, ratingFor(true, 'easy'), now);
		expect(minutes(missed.due)).toBeLessThan(minutes(known.due));
		expect(minutes(known.due)).toBeLessThan(minutes(easy.due));
	});

	it('spaces a card further each time it is known, from its stored JSON', () => {
		let state = reschedule(null, ratingFor(true), now);
		const gaps: number[] = [];
		let at = now;
		for (let i = 0; i < 4; i++) {
			at = state.due;
			const stored = JSON.parse(JSON.stringify(state.card));
			const next = reschedule(stored, ratingFor(true), at);
			gaps.push(next.due.getTime() - at.getTime());
			state = next;
		}
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
	});

	it('a miss after a long interval brings it back within a day', () => {
		let state = reschedule(null, ratingFor(true, 'easy'), now);
		state = reschedule(JSON.parse(JSON.stringify(state.card)), ratingFor(true, 'easy'), state.due);
		const lapse = reschedule(JSON.parse(JSON.stringify(state.card)), ratingFor(false), state.due);
		expect(lapse.due.getTime() - state.due.getTime()).toBeLessThan(86_400_000);
	});
});
