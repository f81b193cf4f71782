import { describe, expect, it } from 'vitest';
import { addDays, heatMap, level, mondayOf, streak, thisWeek } from '../../src/lib/activity';

const active = (...days: string[]) => days.map((day) => ({ day, count: 1 }));

describe('streak', () => {
	// 2026-12-02 is a Wednesday.
	const today = '2026-12-02';

	it('counts consecutive active days ending today', () => {
		expect(streak(active('2026-11-30', '2026-12-01', '2026-12-02'), today)).toBe(3);
	});

	it('still holds on a day not yet active when yesterday was', () => {
		expect(streak(active('2026-11-30', '2026-12-01'), today)).toBe(2);
	});

	it('is broken by a whole day with nothing done', () => {
		expect(streak(active('2026-11-29', '2026-11-30'), today)).toBe(0);
		expect(streak(active('2026-11-28', '2026-11-30', '2026-12-01', '2026-12-02'), today)).toBe(3);
	});

	it('is 0 with no activity, and ignores days counted 0', () => {
		expect(streak([], today)).toBe(0);
		expect(streak([{ day: today, count: 0 }], today)).toBe(0);
	});

	it('runs across a month and a year boundary', () => {
		expect(streak(active('2026-12-30', '2026-12-31', '2027-01-01'), '2027-01-01')).toBe(3);
	});
});

describe('the 12-week heat map', () => {
	const today = '2026-12-02'; // a Wednesday

	it('starts its weeks on Monday', () => {
		expect(mondayOf('2026-12-02')).toBe('2026-11-30');
		expect(mondayOf('2026-11-30')).toBe('2026-11-30');
		expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
	});

	it('has 12 columns from the Monday 11 weeks back, ending today', () => {
		const map = heatMap([], today);
		expect(map.weeks).toHaveLength(12);
		expect(map.since).toBe('2026-09-14');
		expect(map.weeks[0]!.monday).toBe('2026-09-14');
		expect(map.weeks[0]!.cells).toHaveLength(7);
		expect(map.weeks[11]!.monday).toBe('2026-11-30');
		expect(map.weeks[11]!.cells.map((c) => c.day)).toEqual(['2026-11-30', '2026-12-01', today]);
		expect(map.activeDays).toBe(0);
	});

	it('bins each day into its cell, and leaves out days outside the map', () => {
		const map = heatMap(
			[
				{ day: '2026-09-13', count: 5 }, // the Sunday before the map
				{ day: '2026-09-14', count: 2 },
				{ day: '2026-11-01', count: 1 }, // a Sunday: the last cell of its week
				{ day: today, count: 9 }
			],
			today
		);
		expect(map.weeks[0]!.cells[0]).toEqual({ day: '2026-09-14', count: 2, level: 2 });
		const nov1 = map.weeks.flatMap((w) => w.cells).find((c) => c.day === '2026-11-01');
		expect(nov1).toEqual({ day: '2026-11-01', count: 1, level: 1 });
		expect(map.weeks[6]!.cells[6]).toBe(nov1);
		expect(map.weeks[11]!.cells.at(-1)).toEqual({ day: today, count: 9, level: 4 });
		expect(map.activeDays).toBe(3);
	});

	it('labels a month over the first week whose Monday is in it', () => {
		expect(heatMap([], today).months).toEqual([
			{ week: 0, label: 'Sept' },
			{ week: 3, label: 'Oct' },
			{ week: 7, label: 'Nov' }
		]);
	});

	it('shades by how much was done', () => {
		expect([0, 1, 2, 3, 4, 6, 7, 30].map(level)).toEqual([0, 1, 2, 2, 3, 3, 4, 4]);
	});
});

describe('this week', () => {
	it('is Monday to today', () => {
		const days = active('2026-11-29', '2026-11-30', '2026-12-02', '2026-12-03');
		expect(thisWeek(days, '2026-12-02').map((d) => d.day)).toEqual(['2026-11-30', '2026-12-02']);
	});
});
