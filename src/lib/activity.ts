// A learner's activity by day: the streak, the 12-week heat map, this week. Pure functions of
// days written YYYY-MM-DD (in the time zone the activity was counted in); weeks start on Monday.
import { getLocale, INTL_TAG } from './i18n';

export interface ActiveDay {
	day: string;
	/** Quizzes taken, modules read or passed, cards reviewed that day. */
	count: number;
}

const MS_DAY = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);

export const addDays = (day: string, n: number) =>
	fromDate(new Date(toDate(day).getTime() + n * MS_DAY));

/** The Monday of the week `day` falls in. */
export function mondayOf(day: string): string {
	const weekday = (toDate(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
	return addDays(day, -weekday);
}

/** Today's date in UTC, the zone activity is counted in while no learner's time zone is known. */
export const utcToday = (now = new Date()) => fromDate(now);

/**
 * Consecutive days with activity, ending today or yesterday (a streak is not broken until a whole
 * day has passed with nothing done); 0 when neither today nor yesterday had any.
 */
export function streak(days: readonly ActiveDay[], today: string): number {
	const active = new Set(days.filter((d) => d.count > 0).map((d) => d.day));
	let day = active.has(today) ? today : addDays(today, -1);
	let n = 0;
	while (active.has(day)) {
		n++;
		day = addDays(day, -1);
	}
	return n;
}

/** How dark a cell is: 0 nothing, 1 one thing, 2 two or three, 3 four to six, 4 seven or more. */
export function level(count: number): 0 | 1 | 2 | 3 | 4 {
	return count <= 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : count <= 6 ? 3 : 4;
}

export interface HeatCell {
	day: string;
	count: number;
	level: 0 | 1 | 2 | 3 | 4;
}

export interface HeatMap {
	/** Columns, oldest first; each from Monday, ending at today in the current week. */
	weeks: { monday: string; cells: HeatCell[] }[];
	/** A month's short name over the first column whose Monday falls in it. */
	months: { week: number; label: string }[];
	/** Days in the map with any activity. */
	activeDays: number;
	/** The first day of the map: what to ask the database from. */
	since: string;
}

/** A month's short name in the page's language: Dec, déc. */
const MONTH = (day: string) =>
	toDate(day).toLocaleDateString(INTL_TAG[getLocale()], { month: 'short', timeZone: 'UTC' });

/** The last `weeks` weeks to today, Monday first; days after today are not in it. */
export function heatMap(days: readonly ActiveDay[], today: string, weeks = 12): HeatMap {
	const counts = new Map(days.map((d) => [d.day, d.count]));
	const since = addDays(mondayOf(today), -7 * (weeks - 1));
	const columns: HeatMap['weeks'] = [];
	const months: HeatMap['months'] = [];
	let activeDays = 0;
	for (let w = 0; w < weeks; w++) {
		const monday = addDays(since, 7 * w);
		const cells: HeatCell[] = [];
		for (let d = 0; d < 7; d++) {
			const day = addDays(monday, d);
			if (day > today) break;
			const count = counts.get(day) ?? 0;
			if (count > 0) activeDays++;
			cells.push({ day, count, level: level(count) });
		}
		const label = MONTH(monday);
		if (w === 0 || label !== MONTH(addDays(monday, -7))) months.push({ week: w, label });
		columns.push({ monday, cells });
	}
	return { weeks: columns, months, activeDays, since };
}

/** "Since Monday": what of `days` falls in the week of `today`. */
export function thisWeek<T extends { day: string }>(days: readonly T[], today: string): T[] {
	const monday = mondayOf(today);
	return days.filter((d) => d.day >= monday && d.day <= today);
}
