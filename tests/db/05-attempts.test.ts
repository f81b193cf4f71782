// Forging attempts: a learner talking to the database as `authenticated` — exactly what the
// Supabase REST API lets them do with their own token — cannot create, change or delete an attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, engines, openTestDb, type TestDb } from './harness';

const record = (t: TestDb, user: string, key: string, passed: boolean, score = passed ? 9 : 2) =>
	t.db.asService((sql) =>
		sql.query<{ id: string; score: string; passed: boolean }>(
			`select * from public.record_attempt(user_id => $1, module_id => 'rag-fundamentals', quiz_version => 'abc123',
			 answers => '{"q1": {"type": "single", "option": "o0"}}', results => '{"q1": {"score": 1, "max": 1}}',
			 score => $2, max_score => 10, passed => $3, started_at => now() - interval '5 minutes', idempotency_key => $4)`,
			[user, score, passed, key]
		)
	);

describe.each(engines)('quiz attempts on %s', (engine) => {
	let t: TestDb;
	let a: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'attempts@example.org');
	});
	afterAll(() => t.dispose());

	it('a learner cannot call record_attempt', async () => {
		await expect(
			t.db.forUser(a).rpc('record_attempt', {
				user_id: a,
				module_id: 'rag-fundamentals',
				quiz_version: 'x',
				answers: {},
				results: {},
				score: 10,
				max_score: 10,
				passed: true,
				started_at: new Date(),
				idempotency_key: 'forged-key-0000000001'
			})
		).rejects.toMatchObject({ code: '42501' });
	});

	it('a learner cannot insert, update or delete an attempt directly', async () => {
		const [first] = await record(t, a, 'first-attempt-key-0001', false);
		const me = (q: string, p: unknown[] = []) =>
			t.db.driver.transaction(async (sql) => {
				await sql.query(`select set_config('request.jwt.claims', $1, true)`, [
					JSON.stringify({ sub: a, role: 'authenticated' })
				]);
				await sql.query('set local role authenticated');
				return sql.query(q, p);
			});
		await expect(
			me(
				`insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, idempotency_key)
				values ($1, 'rag-fundamentals', 'x', '{}', '{}', 10, 10, true, now(), 'forged-key-0000000002')`,
				[a]
			)
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			me(`update public.quiz_attempts set score = 10, passed = true where id = $1`, [first!.id])
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			me(`delete from public.quiz_attempts where id = $1`, [first!.id])
		).rejects.toMatchObject({ code: '42501' });
		const mine = await t.db
			.forUser(a)
			.rpc<{ score: string; passed: boolean }>('my_attempts', { module_id: 'rag-fundamentals' });
		expect(mine.map((m) => [Number(m.score), m.passed])).toEqual([[2, false]]);
	});

	it('records one attempt for the same idempotency key', async () => {
		const [x] = await record(t, a, 'double-post-key-0001', false);
		const [y] = await record(t, a, 'double-post-key-0001', false);
		expect(y!.id).toBe(x!.id);
		const rows = await t.db.asService((sql) =>
			sql.query(`select 1 from public.quiz_attempts where idempotency_key = 'double-post-key-0001'`)
		);
		expect(rows).toHaveLength(1);
	});

	it('a pass completes the module in the same transaction; a fail does not', async () => {
		const progress = () =>
			t.db.forUser(a).rpc<{ module_id: string; status: string }>('my_progress');
		expect((await progress()).find((p) => p.module_id === 'rag-fundamentals')).toBeUndefined();
		await record(t, a, 'passing-attempt-key-01', true);
		expect((await progress()).find((p) => p.module_id === 'rag-fundamentals')?.status).toBe(
			'completed'
		);
	});

	it('refuses a score above the maximum', async () => {
		await expect(record(t, a, 'impossible-score-key-1', true, 11)).rejects.toMatchObject({
			code: '23514'
		});
	});
});

describe.each(engines)('review cards on %s', (engine) => {
	let t: TestDb;
	let a: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'reviews@example.org');
	});
	afterAll(() => t.dispose());

	it('are scheduled by the service only, and due ones are counted', async () => {
		await expect(
			t.db.forUser(a).rpc('schedule_reviews', { user_id: a, cards: [] })
		).rejects.toMatchObject({ code: '42501' });
		const soon = new Date(Date.now() + 60_000).toISOString();
		const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
		const [n] = await t.db.asService((sql) =>
			sql.query<{ scheduled: number }>(
				`select * from public.schedule_reviews(user_id => $1, cards => $2)`,
				[
					a,
					JSON.stringify([
						{ module_id: 'rag-fundamentals', question_id: 'missed', card: { reps: 1 }, due: soon },
						{ module_id: 'rag-fundamentals', question_id: 'known', card: { reps: 1 }, due: later }
					])
				]
			)
		);
		expect(n!.scheduled).toBe(2);
		const me = t.db.forUser(a);
		expect(await me.rpc('my_review_count')).toEqual([{ due: 1 }]);
		expect(
			(await me.rpc<{ question_id: string }>('my_due_reviews', { max_cards: 10 })).map(
				(r) => r.question_id
			)
		).toEqual(['missed']);
	});
});
