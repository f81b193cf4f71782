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

describe.each(engines)('submitting and checking answers on %s', (engine) => {
	let t: TestDb;
	let a: string;
	let b: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'submit@example.org');
		b = await createUser(t.db, 'other-submit@example.org');
	});
	afterAll(() => t.dispose());

	const submit = (user: string, key: string, maxAttempts: number | null, passed = false) =>
		t.db.asService((sql) =>
			sql.query<{ id: string }>(
				`select * from public.submit_attempt(user_id => $1, module_id => 'docker-for-ml', quiz_version => 'v1',
				 answers => '{}', results => '{"q1": {"score": 0, "max": 1}}', score => $4, max_score => 10, passed => $3,
				 started_at => now(), idempotency_key => $2, max_attempts => $5, cards => $6)`,
				[
					user,
					key,
					passed,
					passed ? 10 : 0,
					maxAttempts,
					JSON.stringify([
						{
							module_id: 'docker-for-ml',
							question_id: 'q1',
							card: { n: key },
							due: '2030-01-01T00:00:00Z'
						}
					])
				]
			)
		);
	const check = (user: string, key: string, question: string, option: string) =>
		t.db.asService((sql) =>
			sql.query<{ locked_answer: { option: string } }>(
				`select * from public.check_answer(user_id => $1, module_id => 'docker-for-ml', attempt_key => $2,
				 started_at => now(), question_id => $3, answer => $4)`,
				[user, key, question, JSON.stringify({ type: 'single', option })]
			)
		);
	const state = (user: string, key: string | null) =>
		t.db.forUser(user).rpc<{
			attempts: number;
			cards: Record<string, { n: string }>;
			open_key: string | null;
			checks: Record<string, { option: string }>;
		}>('my_quiz_state', { module_id: 'docker-for-ml', attempt_key: key });

	it('learners can call neither submit_attempt nor check_answer', async () => {
		const me = t.db.forUser(a);
		await expect(
			me.rpc('submit_attempt', {
				user_id: a,
				module_id: 'docker-for-ml',
				quiz_version: 'x',
				answers: {},
				results: {},
				score: 10,
				max_score: 10,
				passed: true,
				started_at: new Date(),
				idempotency_key: 'forged-submit-key-0001',
				max_attempts: null,
				cards: []
			})
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			me.rpc('check_answer', {
				user_id: a,
				module_id: 'docker-for-ml',
				attempt_key: 'forged-check-key-0001',
				started_at: new Date(),
				question_id: 'q1',
				answer: {}
			})
		).rejects.toMatchObject({ code: '42501' });
	});

	it('locks the first checked answer, resumes the open attempt, and clears it on submission', async () => {
		expect((await check(a, 'open-attempt-key-0001', 'q1', 'o2'))[0]!.locked_answer.option).toBe(
			'o2'
		);
		// Checking again with another answer changes nothing.
		expect((await check(a, 'open-attempt-key-0001', 'q1', 'o0'))[0]!.locked_answer.option).toBe(
			'o2'
		);
		const open = (await state(a, null))[0]!;
		expect(open.open_key).toBe('open-attempt-key-0001');
		expect(open.checks).toEqual({ q1: { type: 'single', option: 'o2' } });
		// Another learner sees none of it.
		expect((await state(b, 'open-attempt-key-0001'))[0]).toMatchObject({
			attempts: 0,
			open_key: null,
			checks: {}
		});

		await submit(a, 'open-attempt-key-0001', null);
		const after = (await state(a, null))[0]!;
		expect(after).toMatchObject({ attempts: 1, open_key: null, checks: {} });
		expect(after.cards.q1!.n).toBe('open-attempt-key-0001');
		await expect(check(a, 'open-attempt-key-0001', 'q2', 'o1')).rejects.toMatchObject({
			code: 'JL409'
		});
	});

	it('records a repeated submission once, and refuses one beyond the limit', async () => {
		const [x] = await submit(b, 'limited-attempt-key-01', 2);
		const [y] = await submit(b, 'limited-attempt-key-01', 2);
		expect(y!.id).toBe(x!.id);
		await submit(b, 'limited-attempt-key-02', 2, true);
		await expect(submit(b, 'limited-attempt-key-03', 2)).rejects.toMatchObject({
			code: 'JL429'
		});
		// The repeat of an attempt already recorded still answers, even at the limit.
		expect((await submit(b, 'limited-attempt-key-02', 2))[0]).toBeDefined();
		expect((await state(b, null))[0]!.attempts).toBe(2);
		const progress = await t.db
			.forUser(b)
			.rpc<{ module_id: string; status: string }>('my_progress');
		expect(progress.find((p) => p.module_id === 'docker-for-ml')?.status).toBe('completed');
	});
});

// The app passes JS arrays and objects as function arguments (answers, results, review cards): each
// driver must send them as JSON. node-postgres alone would send an array as an SQL array literal.
describe.each(engines)('function arguments as JSON on %s', (engine) => {
	let t: TestDb;
	let a: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'json-args@example.org');
	});
	afterAll(() => t.dispose());

	it('records a submission whose cards are an array and answers an object', async () => {
		const [row] = await t.db.serviceRpc<{ id: string }>('submit_attempt', {
			user_id: a,
			module_id: 'ml-basics',
			quiz_version: 'v1',
			answers: { q1: { type: 'multiple', options: ['o0', 'o2'] } },
			results: { q1: { score: 1, max: 1 } },
			score: 1,
			max_score: 1,
			passed: true,
			started_at: new Date(),
			idempotency_key: 'json-args-key-000001',
			max_attempts: null,
			cards: [
				{
					module_id: 'ml-basics',
					question_id: 'q1',
					card: { reps: 1 },
					due: '2030-01-01T00:00:00Z'
				}
			]
		});
		expect(row!.id).toBeTruthy();
		const [state] = await t.db
			.forUser(a)
			.rpc<{ attempts: number; cards: Record<string, unknown> }>('my_quiz_state', {
				module_id: 'ml-basics',
				attempt_key: null
			});
		expect(state).toMatchObject({ attempts: 1, cards: { q1: { reps: 1 } } });
	});
});
