// The signed-in learner's home: activity by day, this week, the weekly goal. Days are counted in
// UTC: no learner's time zone is known yet (my_activity() takes one for when it is).
import { z } from 'zod';
import { heatMap, mondayOf, streak, thisWeek, utcToday, type ActiveDay } from '$lib/activity';
import { userText } from '$lib/user-text';
import type { UserDb } from './db/types';
import type { ProgressRow } from './progress';
import { call } from './rpc';

export const ACTIVITY_ZONE = 'UTC';

const dayOf = (at: string | Date | null) => (at ? new Date(at).toISOString().slice(0, 10) : null);

export async function myActivity(
	db: UserDb,
	progress: ProgressRow[],
	minutes: (id: string) => number
) {
	const today = utcToday();
	const empty = heatMap([], today);
	const rows = await call(db, 'my_activity', { since: empty.since, tz: ACTIVITY_ZONE });
	const days: ActiveDay[] = rows.map((r) => ({
		day: r.day,
		count: r.quizzes + r.modules_read + r.modules_passed + r.reviews
	}));
	const week = thisWeek(rows, today);
	const monday = mondayOf(today);
	const inWeek = (at: string | Date | null) => {
		const d = dayOf(at);
		return d !== null && d >= monday && d <= today;
	};
	const read = progress.filter((p) => inWeek(p.read_at)).map((p) => p.module_id);
	const passed = progress.filter((p) => inWeek(p.completed_at)).map((p) => p.module_id);
	return {
		map: heatMap(days, today),
		streak: streak(days, today),
		zone: ACTIVITY_ZONE,
		week: {
			read: read.length,
			passed: passed.length,
			quizzes: week.reduce((n, d) => n + d.quizzes, 0),
			reviews: week.reduce((n, d) => n + d.reviews, 0),
			// An estimate: each module read or passed this week counts its authored minutes once.
			minutes: [...new Set([...read, ...passed])].reduce((n, id) => n + minutes(id), 0)
		}
	};
}

/** The weekly goal field: whole hours from 1 to 40, or empty for no goal. */
export const weeklyGoalSchema = z.object({
	weekly_goal_hours: userText()
		.trim()
		.refine((s) => s === '' || (/^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 40), {
			message: 'Enter whole hours from 1 to 40, or leave it empty for no goal.'
		})
		.transform((s) => (s === '' ? null : Number(s)))
});

export const setWeeklyGoal = (db: UserDb, hours: number | null) =>
	call(db, 'set_weekly_goal', { hours });
