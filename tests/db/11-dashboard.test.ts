// The dashboard's data (supabase/migrations/*_dashboard.sql): a learner's weekly goal on their
// profile, and their activity per day, read through my_activity() with RLS — their own rows only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAttemptId, submitAttempt } from './attempts';
import { asLearner, createUser, engines, openTestDb, type TestDb } from './harness';

interface Day {
	day: string;
	quizzes: number;
	modules_read: number;
	modules_passed: number;
	reviews: number;
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

describe.each(engines)('the dashboard on %s', (engine) => {
	let t: TestDb;
	let a: string;
	let b: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'dash-a@example.org');
		b = await createUser(t.db, 'dash-b@example.org');
	});
	afterAll(() => t.dispose());

	const activity = (user: string, since: string, tz = 'UTC') =>
		t.db.forUser(user).rpc<Day>('my_activity', { since, tz });

	it('a learner with nothing done has no active day', async () => {
		expect(await activity(a, '2000-01-01')).toEqual([]);
	});

	it("counts a learner's reads, passes, quizzes and reviews on their day, and nobody else's", async () => {
		const today = utcDay(new Date());
		await t.db.forUser(a).rpc('mark_read', { module_id: 'ml-basics' });
		const attemptId = await openAttemptId(t.db, a, 'ml-basics');
		const due = new Date(Date.now() - 60_000).toISOString();
		await submitAttempt(t.db, a, 'ml-basics', {
			attemptId,
			passed: true,
			cards: [{ module_id: 'ml-basics', question_id: 'q1', card: {}, due }]
		});
		expect(await activity(a, today), 'the attempt scheduled a card: not a review').toEqual([
			{ day: today, quizzes: 1, modules_read: 1, modules_passed: 1, reviews: 0 }
		]);
		await t.db.serviceRpc('review_answer', {
			user_id: a,
			module_id: 'ml-basics',
			question_id: 'q1',
			card: { reviewed: 1 },
			due: new Date(Date.now() + 86_400_000).toISOString()
		});
		expect(await activity(a, today)).toEqual([
			{ day: today, quizzes: 1, modules_read: 1, modules_passed: 1, reviews: 1 }
		]);
		expect(await activity(b, '2000-01-01'), 'another learner sees nothing of it').toEqual([]);
		expect(
			await asLearner(t.db, b, `select * from public.my_activity('2000-01-01', 'UTC')`),
			'not even through SQL with their own token'
		).toEqual([]);
	});

	it('leaves out days before `since`, and bins by the time zone given', async () => {
		await t.db.asService((sql) =>
			sql.query(
				`update public.module_progress set read_at = '2026-03-01T23:30:00Z' where user_id = $1`,
				[a]
			)
		);
		expect((await activity(a, '2026-03-01')).map((d) => [d.day, d.modules_read])).toContainEqual([
			'2026-03-01',
			1
		]);
		expect(
			(await activity(a, '2026-03-01', 'Europe/Paris')).map((d) => [d.day, d.modules_read])
		).toContainEqual(['2026-03-02', 1]);
		expect(
			(await activity(a, '2026-03-02')).some((d) => d.day === '2026-03-01'),
			'before since'
		).toBe(false);
	});

	it('a learner sets and clears their own weekly goal, 1 to 40 hours', async () => {
		const me = t.db.forUser(a);
		expect(await me.rpc('set_weekly_goal', { hours: 5 })).toMatchObject([
			{ id: a, weekly_goal_hours: 5 }
		]);
		expect(await me.rpc('my_profile')).toMatchObject([{ id: a, weekly_goal_hours: 5 }]);
		for (const hours of [0, 41, -3])
			await expect(me.rpc('set_weekly_goal', { hours }), `${hours} h`).rejects.toMatchObject({
				code: '22023'
			});
		await expect(
			asLearner(t.db, a, `update public.profiles set weekly_goal_hours = 99 where id = $1`, [a]),
			'the check constraint holds for a direct update'
		).rejects.toMatchObject({ code: '23514' });
		expect(await me.rpc('set_weekly_goal', { hours: null })).toMatchObject([
			{ weekly_goal_hours: null }
		]);
	});

	it("a learner cannot set another learner's weekly goal", async () => {
		expect(
			await asLearner(
				t.db,
				a,
				`update public.profiles set weekly_goal_hours = 3 where id = $1 returning id`,
				[b]
			)
		).toEqual([]);
		expect(await t.db.forUser(b).rpc('my_profile')).toMatchObject([{ weekly_goal_hours: null }]);
	});
});
