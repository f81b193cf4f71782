// Attempts held by the server. A learner talking to the database as `authenticated` — exactly what
// the Supabase REST API lets them do with their own token — cannot create, change or delete an
// attempt, nor call the functions the server records attempts with. The server (service_role)
// opens one attempt per learner and module; checks and the submission must name that attempt, and
// a checked (revealed) answer cannot be changed for credit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	checkAnswer,
	forgedAttemptId,
	inParallel,
	openAttempt,
	openAttemptId,
	quizRows,
	single,
	submitAttempt
} from './attempts';
import { asLearner, createUser, engines, openTestDb, type TestDb } from './harness';
import { compatFiles, migrationFiles } from '../../src/lib/server/db/sql-files';
import { migrate } from '../../src/lib/server/db/migrate';

const denied = { code: '42501' };
const notOpen = { code: 'JL410' };
const conflict = { code: 'JL409' };

// One database per engine for these topics (each creates its own learners and uses its own modules).
describe.each(engines)('quiz attempts on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb(engine);
	});
	afterAll(() => t.dispose());

	describe('stored attempts', () => {
		let a: string;
		beforeAll(async () => {
			a = await createUser(t.db, 'attempts@example.org');
		});

		it('a learner cannot call record_attempt, nor can a visitor', async () => {
			const args = {
				user_id: a,
				module_id: 'rag-fundamentals',
				quiz_version: 'x',
				answers: {},
				results: {},
				score: 10,
				max_score: 10,
				passed: true,
				started_at: new Date(),
				attempt_id: forgedAttemptId()
			};
			await expect(t.db.forUser(a).rpc('record_attempt', args)).rejects.toMatchObject(denied);
			await expect(t.db.anon().rpc('record_attempt', args)).rejects.toMatchObject(denied);
			expect((await quizRows(t.db, a)).attempts).toBe(0);
		});

		it('a learner cannot insert, update or delete an attempt directly', async () => {
			const [first] = await submitAttempt(t.db, a, 'rag-fundamentals', {
				attemptId: await openAttemptId(t.db, a, 'rag-fundamentals'),
				score: 2
			});
			await expect(
				asLearner(
					t.db,
					a,
					`insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, attempt_id)
					values ($1, 'rag-fundamentals', 'x', '{}', '{}', 10, 10, true, now(), $2)`,
					[a, forgedAttemptId()]
				)
			).rejects.toMatchObject(denied);
			await expect(
				asLearner(
					t.db,
					a,
					`update public.quiz_attempts set score = 10, passed = true where id = $1`,
					[first!.id]
				)
			).rejects.toMatchObject(denied);
			await expect(
				asLearner(t.db, a, `delete from public.quiz_attempts where id = $1`, [first!.id])
			).rejects.toMatchObject(denied);
			const mine = await t.db
				.forUser(a)
				.rpc<{ score: string; passed: boolean; total: number }>('my_attempts', {
					module_id: 'rag-fundamentals',
					recent: 10
				});
			expect(mine.map((m) => [Number(m.score), m.passed, m.total])).toEqual([[2, false, 1]]);
		});

		it('my_attempts returns the latest attempts, newest first, with the count of all, and at most 50', async () => {
			const b = await createUser(t.db, 'many-attempts@example.org');
			const module = 'prompt-design-basics';
			for (let score = 0; score < 12; score++)
				await submitAttempt(t.db, b, module, {
					attemptId: await openAttemptId(t.db, b, module),
					score,
					maxScore: 20
				});
			const latest = (recent: number | null) =>
				t.db.forUser(b).rpc<{ score: string; total: number; results?: unknown }>('my_attempts', {
					module_id: module,
					recent
				});
			const ten = await latest(10);
			expect(ten.map((r) => Number(r.score))).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
			expect(new Set(ten.map((r) => r.total))).toEqual(new Set([12]));
			expect(ten[0], "an attempt's results stay out of the history").not.toHaveProperty('results');
			expect((await latest(3)).map((r) => Number(r.score))).toEqual([11, 10, 9]);
			expect(await latest(null), 'no number is the default, 10').toHaveLength(10);
			expect(await latest(-1)).toEqual([]);
			expect(await latest(1000), 'all 12, under the cap of 50').toHaveLength(12);
			expect(
				await t.db.forUser(a).rpc('my_attempts', { module_id: module, recent: 10 }),
				"another learner's attempts are not theirs"
			).toEqual([]);
		});

		it('a pass completes the module in the same transaction; a fail does not', async () => {
			const progress = async () =>
				(await t.db.forUser(a).rpc<{ module_id: string; status: string }>('my_progress')).find(
					(p) => p.module_id === 'llm-evaluation'
				)?.status;
			await submitAttempt(t.db, a, 'llm-evaluation', {
				attemptId: await openAttemptId(t.db, a, 'llm-evaluation')
			});
			expect(await progress(), 'a failed attempt records no progress').toBeUndefined();
			await submitAttempt(t.db, a, 'llm-evaluation', {
				attemptId: await openAttemptId(t.db, a, 'llm-evaluation'),
				passed: true
			});
			expect(await progress()).toBe('completed');
		});

		it('refuses a score above the maximum, and the attempt stays open', async () => {
			const attemptId = await openAttemptId(t.db, a, 'vector-search');
			await expect(
				submitAttempt(t.db, a, 'vector-search', { attemptId, passed: true, score: 11 })
			).rejects.toMatchObject({ code: '23514' });
			const again = await openAttempt(t.db, a, 'vector-search');
			expect(again).toMatchObject({ attempt_id: attemptId, attempts: null });
		});

		it('not even the server can record an attempt but by submitting the open one: the helpers are internal', async () => {
			const calls: [string, Record<string, unknown>][] = [
				[
					'record_attempt',
					{
						user_id: a,
						module_id: 'internal-helpers',
						quiz_version: 'v1',
						answers: {},
						results: {},
						score: 10,
						max_score: 10,
						passed: true,
						started_at: new Date(),
						attempt_id: forgedAttemptId()
					}
				],
				[
					'schedule_reviews',
					{
						user_id: a,
						cards: [
							{
								module_id: 'internal-helpers',
								question_id: 'q1',
								card: {},
								due: new Date().toISOString()
							}
						]
					}
				],
				['attempt_not_open', { user_id: a, attempt_id: forgedAttemptId() }]
			];
			const before = await quizRows(t.db, a);
			for (const [fn, args] of calls)
				await expect(t.db.serviceRpc(fn, args), `service_role calling ${fn}`).rejects.toMatchObject(
					denied
				);
			await expect(
				t.db.asService((sql) =>
					sql.query(
						'select public.attempt_is_live(o) from public.quiz_open_attempts o where o.user_id = $1',
						[a]
					)
				),
				'service_role calling attempt_is_live'
			).rejects.toMatchObject(denied);
			expect(await quizRows(t.db, a)).toEqual(before);
		});
	});

	describe('attempts held by the server', () => {
		let a: string;
		let b: string;
		beforeAll(async () => {
			a = await createUser(t.db, 'submit@example.org');
			b = await createUser(t.db, 'other-submit@example.org');
		});

		const state = (user: string, moduleId: string) =>
			t.db
				.forUser(user)
				.rpc<{
					attempts: number;
					cards: Record<string, { n: string }>;
					attempt_id: string | null;
					checks: Record<string, { option: string }>;
				}>('my_quiz_state', { module_id: moduleId })
				.then((rows) => rows[0]!);
		const openRows = (user: string, moduleId: string) =>
			t.db.asService((sql) =>
				sql.query<{ attempt_id: string }>(
					'select attempt_id from public.quiz_open_attempts where user_id = $1 and module_id = $2',
					[user, moduleId]
				)
			);

		it('opening a quiz twice resumes the one open attempt of the learner at that module', async () => {
			const first = await openAttempt(t.db, a, 'docker-basics');
			expect(first.attempt_id).toMatch(/^[0-9a-f]{32}$/);
			// No limit, no count: attempts only sizes what is left of a limit.
			expect(first).toMatchObject({ attempts: null, checks: {} });
			expect(await openAttempt(t.db, a, 'docker-basics', 3)).toMatchObject({
				attempt_id: first.attempt_id,
				attempts: 0
			});
			expect((await openAttempt(t.db, a, 'docker-basics')).attempt_id).toBe(first.attempt_id);
			expect(
				(await openAttempt(t.db, a, 'kubernetes-basics')).attempt_id,
				'another module has its own attempt'
			).not.toBe(first.attempt_id);
			expect(
				(await openAttempt(t.db, b, 'docker-basics')).attempt_id,
				'another learner has their own attempt'
			).not.toBe(first.attempt_id);
			expect(await openRows(a, 'docker-basics')).toEqual([{ attempt_id: first.attempt_id }]);
		});

		it('opening a quiz in parallel still holds one open attempt', async () => {
			for (let round = 0; round < 5; round++) {
				const moduleId = `parallel-open-${round}`;
				const opened = await inParallel(t.db, 6, () => openAttempt(t.db, a, moduleId));
				const ids = new Set(opened.map((o) => o.attempt_id));
				expect(ids.size, 'every parallel open returns the same attempt').toBe(1);
				expect(await openRows(a, moduleId)).toEqual([{ attempt_id: [...ids][0] }]);
			}
		});

		it('neither a learner nor a visitor can open, check, submit or review', async () => {
			const attemptId = await openAttemptId(t.db, a, 'forbidden-calls');
			const before = await quizRows(t.db, a);
			const calls: [string, Record<string, unknown>][] = [
				['open_attempt', { user_id: a, module_id: 'forbidden-calls-2', max_attempts: null }],
				[
					'check_answer',
					{
						user_id: a,
						module_id: 'forbidden-calls',
						attempt_id: attemptId,
						question_id: 'q1',
						answer: single('o1')
					}
				],
				[
					'submit_attempt',
					{
						user_id: a,
						module_id: 'forbidden-calls',
						attempt_id: attemptId,
						quiz_version: 'x',
						answers: {},
						results: {},
						score: 10,
						max_score: 10,
						passed: true,
						max_attempts: null,
						cards: []
					}
				],
				[
					'review_answer',
					{
						user_id: a,
						module_id: 'forbidden-calls',
						question_id: 'q1',
						card: {},
						due: new Date().toISOString()
					}
				]
			];
			for (const [fn, args] of calls) {
				await expect(
					t.db.forUser(a).rpc(fn, args),
					`a learner calling ${fn}`
				).rejects.toMatchObject(denied);
				await expect(t.db.anon().rpc(fn, args), `a visitor calling ${fn}`).rejects.toMatchObject(
					denied
				);
			}
			expect(await quizRows(t.db, a)).toEqual(before);
		});

		it("a learner can neither read nor change another learner's open attempt", async () => {
			const attemptId = await openAttemptId(t.db, a, 'private-attempt');
			await checkAnswer(t.db, a, 'private-attempt', attemptId, 'q1', single('o2'));
			expect(
				await asLearner(
					t.db,
					b,
					'select attempt_id from public.quiz_open_attempts where user_id = $1',
					[a]
				)
			).toEqual([]);
			expect(
				await asLearner(t.db, b, 'select answer from public.quiz_checks where user_id = $1', [a])
			).toEqual([]);
			expect(await state(b, 'private-attempt')).toMatchObject({ attempt_id: null, checks: {} });
			for (const q of [
				`update public.quiz_open_attempts set expires_at = now() - interval '2 days' where user_id = $1`,
				`delete from public.quiz_open_attempts where user_id = $1`,
				`insert into public.quiz_open_attempts (user_id, module_id, attempt_id) values ($1, 'private-attempt-2', '${forgedAttemptId()}')`
			]) {
				await expect(asLearner(t.db, b, q, [a]), q).rejects.toMatchObject(denied);
				await expect(asLearner(t.db, a, q, [a]), `${q}, by its owner`).rejects.toMatchObject(
					denied
				);
			}
			// The learner reads their own.
			expect(
				await asLearner(
					t.db,
					a,
					`select attempt_id from public.quiz_open_attempts where user_id = $1 and module_id = 'private-attempt'`,
					[a]
				)
			).toEqual([{ attempt_id: attemptId }]);
			expect(await openRows(a, 'private-attempt')).toEqual([{ attempt_id: attemptId }]);
		});

		it('locks the first checked answer, resumes the open attempt with it, and clears both on submission', async () => {
			const attemptId = await openAttemptId(t.db, a, 'docker-for-ml');
			expect(await checkAnswer(t.db, a, 'docker-for-ml', attemptId, 'q1', single('o2'))).toEqual(
				single('o2')
			);
			expect(
				await checkAnswer(t.db, a, 'docker-for-ml', attemptId, 'q1', single('o0')),
				'checking again with another answer changes nothing'
			).toEqual(single('o2'));
			expect(await state(a, 'docker-for-ml')).toMatchObject({
				attempts: 0,
				attempt_id: attemptId,
				checks: { q1: single('o2') }
			});
			expect(await openAttempt(t.db, a, 'docker-for-ml')).toMatchObject({
				attempt_id: attemptId,
				checks: { q1: single('o2') }
			});
			expect(await state(b, 'docker-for-ml'), 'another learner sees none of it').toMatchObject({
				attempts: 0,
				attempt_id: null,
				checks: {}
			});

			await submitAttempt(t.db, a, 'docker-for-ml', {
				attemptId,
				answers: { q1: single('o2') },
				cards: [
					{
						module_id: 'docker-for-ml',
						question_id: 'q1',
						card: { n: attemptId },
						due: '2030-01-01T00:00:00Z'
					}
				]
			});
			const after = await state(a, 'docker-for-ml');
			expect(after).toMatchObject({ attempts: 1, attempt_id: null, checks: {} });
			expect(after.cards.q1!.n).toBe(attemptId);
			await expect(
				checkAnswer(t.db, a, 'docker-for-ml', attemptId, 'q2', single('o1')),
				'a submitted attempt cannot be checked'
			).rejects.toMatchObject(conflict);
			expect(
				await t.db.asService((sql) =>
					sql.query('select 1 from public.quiz_checks where user_id = $1 and attempt_id = $2', [
						a,
						attemptId
					])
				)
			).toEqual([]);
		});

		it('refuses a check or submission under any id but the open attempt (JL410), storing nothing', async () => {
			const attemptId = await openAttemptId(t.db, a, 'two-ids');
			await checkAnswer(t.db, a, 'two-ids', attemptId, 'q1', single('o3'));
			const otherModule = await openAttemptId(t.db, a, 'two-ids-other');
			const othersAttempt = await openAttemptId(t.db, b, 'two-ids');
			const before = await quizRows(t.db, a);
			const right = { q1: single('o0'), q2: single('o1') };
			for (const [what, id] of [
				['a forged id', forgedAttemptId()],
				["the learner's attempt at another module", otherModule],
				["another learner's attempt", othersAttempt]
			] as const) {
				await expect(
					submitAttempt(t.db, a, 'two-ids', { attemptId: id, answers: right, passed: true }),
					`submitting under ${what}`
				).rejects.toMatchObject(notOpen);
				await expect(
					checkAnswer(t.db, a, 'two-ids', id, 'q2', single('o1')),
					`checking under ${what}`
				).rejects.toMatchObject(notOpen);
			}
			expect(await quizRows(t.db, a)).toEqual(before);
			expect(await openAttempt(t.db, a, 'two-ids'), 'the open attempt is untouched').toMatchObject({
				attempt_id: attemptId,
				attempts: null,
				checks: { q1: single('o3') }
			});
		});

		it('the two-tokens attack: answers revealed by checks cannot be changed at submission (JL409)', async () => {
			const attemptId = await openAttemptId(t.db, a, 'two-tokens');
			const wrong = { q1: single('o3'), q2: single('o3'), q3: single('o3') };
			for (const [q, answer] of Object.entries(wrong))
				await checkAnswer(t.db, a, 'two-tokens', attemptId, q, answer);
			const before = await quizRows(t.db, a);
			for (const [what, answers] of [
				['every checked answer changed', { q1: single('o0'), q2: single('o1'), q3: single('o2') }],
				['one checked answer changed', { ...wrong, q2: single('o1') }],
				['a checked answer left out', { q1: wrong.q1, q3: wrong.q3 }],
				['a checked answer emptied', { ...wrong, q3: single(null) }]
			] as const) {
				await expect(
					submitAttempt(t.db, a, 'two-tokens', { attemptId, answers, passed: true }),
					what
				).rejects.toMatchObject(conflict);
			}
			expect(await quizRows(t.db, a), 'nothing stored').toEqual(before);

			// The checked answers unchanged (and an unchecked one answered): stored.
			const [stored] = await submitAttempt(t.db, a, 'two-tokens', {
				attemptId,
				answers: { ...wrong, q4: single('o0') }
			});
			expect(stored).toMatchObject({
				attempt_id: attemptId,
				answers: { ...wrong, q4: single('o0') },
				passed: false
			});
			expect((await quizRows(t.db, a)).attempts).toBe(before.attempts + 1);
		});

		it('a repeated submission of one attempt returns the first, and stores one', async () => {
			const attemptId = await openAttemptId(t.db, a, 'double-post');
			const [x] = await submitAttempt(t.db, a, 'double-post', { attemptId, score: 3 });
			const [y] = await submitAttempt(t.db, a, 'double-post', {
				attemptId,
				answers: { q1: single('o1') },
				passed: true
			});
			expect(y).toEqual(x);
			expect(y).toMatchObject({ passed: false, answers: { q1: single('o0') } });
			expect(
				await t.db.asService((sql) =>
					sql.query('select 1 from public.quiz_attempts where user_id = $1 and attempt_id = $2', [
						a,
						attemptId
					])
				)
			).toHaveLength(1);
			const progress = await t.db.forUser(a).rpc<{ module_id: string }>('my_progress');
			expect(
				progress.some((p) => p.module_id === 'double-post'),
				'the repeat passed nothing'
			).toBe(false);
		});

		it('submissions of the open attempt in parallel store exactly one', async () => {
			for (let round = 0; round < 5; round++) {
				const moduleId = `parallel-submit-${round}`;
				const attemptId = await openAttemptId(t.db, a, moduleId, 1);
				const rows = await inParallel(t.db, 5, (i) =>
					submitAttempt(t.db, a, moduleId, {
						attemptId,
						answers: { q1: single(`o${i}`) },
						maxAttempts: 1
					})
				);
				expect(
					new Set(rows.map((r) => r[0]!.id)).size,
					'every call answers with the same row'
				).toBe(1);
				expect(
					await t.db.asService((sql) =>
						sql.query('select 1 from public.quiz_attempts where user_id = $1 and module_id = $2', [
							a,
							moduleId
						])
					)
				).toHaveLength(1);
			}
		});

		it('opening an attempt names the questions earlier attempts asked (their review cards), of this module only', async () => {
			const card = (module_id: string, question_id: string) => ({
				module_id,
				question_id,
				card: {},
				due: new Date().toISOString()
			});
			const first = await openAttempt(t.db, b, 'seen-module', null);
			expect(first.seen).toEqual([]);
			await submitAttempt(t.db, b, 'seen-module', {
				attemptId: first.attempt_id!,
				cards: [card('seen-module', 'q2'), card('seen-module', 'q1'), card('other-module', 'q3')]
			});
			const retry = await openAttempt(t.db, b, 'seen-module', null);
			expect(retry.attempt_id).not.toBe(first.attempt_id);
			expect(retry.seen).toEqual(['q1', 'q2']);
		});

		it('once max_attempts are submitted no attempt opens, and nothing more can be submitted', async () => {
			const attemptId = await openAttemptId(t.db, b, 'one-attempt', 1);
			await submitAttempt(t.db, b, 'one-attempt', { attemptId, maxAttempts: 1 });
			expect(await openAttempt(t.db, b, 'one-attempt', 1)).toEqual({
				attempt_id: null,
				started_at: null,
				attempts: 1,
				checks: {},
				seen: []
			});
			expect(await openRows(b, 'one-attempt')).toEqual([]);
			await expect(
				submitAttempt(t.db, b, 'one-attempt', {
					attemptId: forgedAttemptId(),
					maxAttempts: 1,
					passed: true
				})
			).rejects.toMatchObject(notOpen);
			// The repeat of the attempt recorded still answers with it, and records nothing new.
			expect(
				(
					await submitAttempt(t.db, b, 'one-attempt', { attemptId, maxAttempts: 1, passed: true })
				)[0]
			).toMatchObject({ attempt_id: attemptId, passed: false });
			expect((await state(b, 'one-attempt')).attempts).toBe(1);
		});

		it('refuses the open attempt beyond a limit lowered meanwhile (JL429), and keeps it open', async () => {
			await submitAttempt(t.db, b, 'lowered-limit', {
				attemptId: await openAttemptId(t.db, b, 'lowered-limit')
			});
			const attemptId = await openAttemptId(t.db, b, 'lowered-limit', 2);
			const before = await quizRows(t.db, b);
			await expect(
				submitAttempt(t.db, b, 'lowered-limit', { attemptId, maxAttempts: 1, passed: true })
			).rejects.toMatchObject({ code: 'JL429' });
			expect(await quizRows(t.db, b)).toEqual(before);
			expect(await openRows(b, 'lowered-limit')).toEqual([{ attempt_id: attemptId }]);
		});

		it('opening and submitting in parallel cannot exceed max_attempts', async () => {
			const tryOnce = async () => {
				const { attempt_id } = await openAttempt(t.db, b, 'parallel-limit', 2);
				if (!attempt_id) return 'none left';
				return submitAttempt(t.db, b, 'parallel-limit', {
					attemptId: attempt_id,
					maxAttempts: 2,
					passed: false
				}).then(
					() => 'stored',
					(e: { code?: string }) => e.code
				);
			};
			for (let round = 0; round < 3; round++) await inParallel(t.db, 4, tryOnce);
			expect(
				await t.db.asService((sql) =>
					sql.query(
						`select 1 from public.quiz_attempts where user_id = $1 and module_id = 'parallel-limit'`,
						[b]
					)
				)
			).toHaveLength(2);
			expect((await openAttempt(t.db, b, 'parallel-limit', 2)).attempt_id).toBeNull();
		});

		it('offers no attempt once the limit is used, not even one a lowered limit left open', async () => {
			await submitAttempt(t.db, b, 'limit-left-open', {
				attemptId: await openAttemptId(t.db, b, 'limit-left-open')
			});
			const attemptId = await openAttemptId(t.db, b, 'limit-left-open', 2);
			expect(await checkAnswer(t.db, b, 'limit-left-open', attemptId, 'q1', single('o1'))).toEqual(
				single('o1')
			);
			await expect(
				submitAttempt(t.db, b, 'limit-left-open', {
					attemptId,
					answers: { q1: single('o1') },
					maxAttempts: 1
				})
			).rejects.toMatchObject({ code: 'JL429' });
			// With the limit at 1, the open attempt cannot be submitted: it is not offered.
			expect(await openAttempt(t.db, b, 'limit-left-open', 1)).toMatchObject({
				attempt_id: null,
				attempts: 1,
				checks: {}
			});
			// It stays open with its check, and is offered again once the limit allows it.
			expect(await openRows(b, 'limit-left-open')).toEqual([{ attempt_id: attemptId }]);
			expect(await openAttempt(t.db, b, 'limit-left-open', 2)).toMatchObject({
				attempt_id: attemptId,
				attempts: 1,
				checks: { q1: single('o1') }
			});
		});

		// Two connections interleaved at one point: only PostgreSQL has them (PGlite runs one call
		// at a time, so the interleaving cannot happen there).
		if (engine === 'postgres')
			it('does not open an attempt when a submission commits between its count and its insert', async () => {
				const moduleId = 'limit-race';
				await submitAttempt(t.db, b, moduleId, {
					attemptId: await openAttemptId(t.db, b, moduleId)
				});
				// A test-only trigger holds open_attempt() at its insert, after it has counted, while
				// the session that calls it has jalons.pause_open set: it waits for an advisory lock the
				// test holds.
				await t.db.driver.exec(`
						create schema test_hooks;
						create function test_hooks.pause() returns trigger language plpgsql as $f$
						begin
							if current_setting('jalons.pause_open', true) = 'on' then
								perform pg_advisory_xact_lock(4242);
							end if;
							return new;
						end $f$;
						create trigger test_pause before insert on public.quiz_open_attempts
							for each row execute function test_hooks.pause();`);
				try {
					let release!: () => void;
					let held!: () => void;
					const isHeld = new Promise<void>((r) => (held = r));
					const holder = t.db.driver.transaction(async (sql) => {
						await sql.query('select pg_advisory_xact_lock(4242)');
						held();
						await new Promise<void>((r) => (release = r));
					});
					await isHeld;
					const paused = t.db.driver.transaction(async (sql) => {
						await sql.query(`select set_config('jalons.pause_open', 'on', true)`);
						return sql.query<{ attempt_id: string | null; attempts: number }>(
							'select * from public.open_attempt($1, $2, 2)',
							[b, moduleId]
						);
					});
					// Wait until it is held at the insert, having counted 1 attempt of 2.
					for (let waited = 0; ; waited++) {
						const rows = await t.db.driver.transaction((sql) =>
							sql.query(
								`select 1 from pg_locks where locktype = 'advisory' and objid = 4242 and not granted
								 and database = (select oid from pg_database where datname = current_database())`
							)
						);
						if (rows.length > 0) break;
						if (waited > 600) throw new Error('open_attempt() never reached its insert');
						await new Promise((r) => setTimeout(r, 50));
					}
					// Meanwhile another tab opens the quiz and submits: the limit of 2 is used.
					await submitAttempt(t.db, b, moduleId, {
						attemptId: await openAttemptId(t.db, b, moduleId, 2),
						maxAttempts: 2
					});
					release();
					await holder;
					const [late] = await paused;
					expect(late).toMatchObject({ attempt_id: null, attempts: 2 });
					expect(await openRows(b, moduleId)).toEqual([]);
					expect((await openAttempt(t.db, b, moduleId, 2)).attempt_id).toBeNull();
				} finally {
					await t.db.driver.exec(
						'drop trigger test_pause on public.quiz_open_attempts; drop schema test_hooks cascade'
					);
				}
			});

		it('an attempt with checked answers stays open past its expiry and still counts; one without is replaced', async () => {
			const expire = (user: string, moduleId: string) =>
				t.db.asService((sql) =>
					sql.query(
						`update public.quiz_open_attempts set expires_at = now() - interval '1 hour'
						 where user_id = $1 and module_id = $2 returning 1`,
						[user, moduleId]
					)
				);
			const checked = await openAttemptId(t.db, a, 'expiry-checked', 1);
			await checkAnswer(t.db, a, 'expiry-checked', checked, 'q1', single('o1'));
			expect(await expire(a, 'expiry-checked')).toHaveLength(1);
			expect(await openAttempt(t.db, a, 'expiry-checked', 1)).toMatchObject({
				attempt_id: checked,
				checks: { q1: single('o1') }
			});
			expect(await checkAnswer(t.db, a, 'expiry-checked', checked, 'q2', single('o0'))).toEqual(
				single('o0')
			);
			await submitAttempt(t.db, a, 'expiry-checked', {
				attemptId: checked,
				answers: { q1: single('o1'), q2: single('o0') },
				maxAttempts: 1
			});
			expect(
				(await openAttempt(t.db, a, 'expiry-checked', 1)).attempt_id,
				'it counted against the limit'
			).toBeNull();

			const blank = await openAttemptId(t.db, a, 'expiry-blank');
			expect(await expire(a, 'expiry-blank')).toHaveLength(1);
			await expect(
				checkAnswer(t.db, a, 'expiry-blank', blank, 'q1', single('o1')),
				'a stale attempt cannot be checked'
			).rejects.toMatchObject(notOpen);
			await expect(
				submitAttempt(t.db, a, 'expiry-blank', { attemptId: blank, passed: true }),
				'a stale attempt cannot be submitted'
			).rejects.toMatchObject(notOpen);
			const fresh = await openAttemptId(t.db, a, 'expiry-blank');
			expect(fresh).not.toBe(blank);
			expect(await openRows(a, 'expiry-blank')).toEqual([{ attempt_id: fresh }]);
			await expect(
				submitAttempt(t.db, a, 'expiry-blank', { attemptId: blank, passed: true }),
				'the replaced attempt cannot be submitted'
			).rejects.toMatchObject(notOpen);
		});
	});

	describe('review cards', () => {
		let a: string;
		let b: string;
		const soon = () => new Date(Date.now() + 60_000).toISOString();
		const later = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
		beforeAll(async () => {
			a = await createUser(t.db, 'reviews@example.org');
			b = await createUser(t.db, 'other-reviews@example.org');
			await submitAttempt(t.db, a, 'rag-fundamentals', {
				attemptId: await openAttemptId(t.db, a, 'rag-fundamentals'),
				answers: { missed: single('o1'), known: single('o0') },
				cards: [
					{ module_id: 'rag-fundamentals', question_id: 'missed', card: { reps: 1 }, due: soon() },
					{ module_id: 'rag-fundamentals', question_id: 'known', card: { reps: 1 }, due: later() }
				]
			});
		});

		const cards = (user: string) =>
			t.db.asService((sql) =>
				sql.query<{ module_id: string; question_id: string; card: unknown; due: Date }>(
					'select module_id, question_id, card, due from public.review_cards where user_id = $1 order by question_id',
					[user]
				)
			);
		const review = (user: string, moduleId: string, questionId: string, due = later()) =>
			t.db.serviceRpc<{ question_id: string; due: Date }>('review_answer', {
				user_id: user,
				module_id: moduleId,
				question_id: questionId,
				card: { reps: 2 },
				due
			});

		it('are scheduled by submit_attempt, never by a learner, and due ones are counted', async () => {
			await expect(
				t.db.forUser(a).rpc('schedule_reviews', { user_id: a, cards: [] })
			).rejects.toMatchObject(denied);
			const me = t.db.forUser(a);
			expect(await me.rpc('my_review_count')).toEqual([{ due: 1 }]);
			expect(
				(await me.rpc<{ question_id: string }>('my_due_reviews', { max_cards: 10 })).map(
					(r) => r.question_id
				)
			).toEqual(['missed']);
		});

		it('the forecast counts cards per UTC day, due ones on the first day, and names the next due', async () => {
			const day = (d: Date) => d.toISOString().slice(0, 10);
			const me = t.db.forUser(a);
			const forecast = await me.rpc<{ day: string; cards: number }>('my_review_forecast', {
				days: 9
			});
			expect(forecast).toHaveLength(9);
			const today = forecast[0]!.day;
			expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			// Read the clock after the call: the first day is today, or yesterday just past midnight.
			expect([day(new Date()), day(new Date(Date.now() - 86_400_000))]).toContain(today);
			const expected = new Map<string, number>();
			for (const c of await cards(a)) {
				const d = day(c.due) < today ? today : day(c.due);
				expected.set(d, (expected.get(d) ?? 0) + 1);
			}
			expect(
				Object.fromEntries(forecast.filter((f) => f.cards > 0).map((f) => [f.day, f.cards]))
			).toEqual(Object.fromEntries(expected));
			const [next] = await me.rpc<{ due: Date | string }>('my_next_review');
			const known = (await cards(a)).find((c) => c.question_id === 'known')!;
			expect(new Date(next!.due).getTime()).toBe(new Date(known.due).getTime());
			const theirs = await t.db
				.forUser(b)
				.rpc<{ cards: number }>('my_review_forecast', { days: 40 });
			expect(theirs, 'at most 31 days, none of them with a card of someone else').toHaveLength(31);
			expect(theirs.every((f) => f.cards === 0)).toBe(true);
			expect(await t.db.forUser(b).rpc('my_next_review')).toEqual([{ due: null }]);
		});

		it('a review of a question the learner has no card for returns nothing and stores nothing', async () => {
			const before = await cards(a);
			expect(await review(a, 'rag-fundamentals', 'never-answered'), 'no such card').toEqual([]);
			expect(
				await review(a, 'ml-basics', 'missed'),
				'a card of another module is not this one'
			).toEqual([]);
			expect(await review(b, 'rag-fundamentals', 'missed'), "another learner's card").toEqual([]);
			expect(await cards(a)).toEqual(before);
			expect(await cards(b)).toEqual([]);
		});

		it('a review of a card not due yet returns nothing and leaves the card unchanged', async () => {
			const before = await cards(a);
			expect(await review(a, 'rag-fundamentals', 'known')).toEqual([]);
			expect(await cards(a)).toEqual(before);
		});

		it('a due card is graded once', async () => {
			const next = later();
			const first = await review(a, 'rag-fundamentals', 'missed', next);
			expect(first.map((r) => [r.question_id, new Date(r.due).toISOString()])).toEqual([
				['missed', next]
			]);
			expect(await review(a, 'rag-fundamentals', 'missed'), 'answered again').toEqual([]);
			expect((await cards(a)).find((c) => c.question_id === 'missed')).toMatchObject({
				card: { reps: 2 },
				due: new Date(next)
			});
			expect(await t.db.forUser(a).rpc('my_review_count')).toEqual([{ due: 0 }]);
		});
	});

	// The app passes JS arrays and objects as function arguments (answers, results, review cards): each
	// driver must send them as JSON. node-postgres alone would send an array as an SQL array literal.
	describe('function arguments as JSON', () => {
		let a: string;
		beforeAll(async () => {
			a = await createUser(t.db, 'json-args@example.org');
		});

		it('records a submission whose cards are an array and answers an object', async () => {
			const { attempt_id } = await openAttempt(t.db, a, 'ml-basics');
			await checkAnswer(t.db, a, 'ml-basics', attempt_id!, 'q1', {
				type: 'multiple',
				options: ['o0', 'o2']
			});
			const [row] = await t.db.serviceRpc<{ id: string }>('submit_attempt', {
				user_id: a,
				module_id: 'ml-basics',
				attempt_id,
				quiz_version: 'v1',
				answers: { q1: { type: 'multiple', options: ['o0', 'o2'] } },
				results: { q1: { score: 1, max: 1 } },
				score: 1,
				max_score: 1,
				passed: true,
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
					module_id: 'ml-basics'
				});
			expect(state).toMatchObject({ attempts: 1, cards: { q1: { reps: 1 } } });
		});
	});
});

// supabase/migrations/20261201100100_server_attempts.sql, applied to data as it was before: the
// latest unsubmitted attempt with checked answers of each learner and module stays open (it
// revealed answers, so it must still count); other unsubmitted checks are dropped.
describe.each(engines)('the server-attempts migration on %s', (engine) => {
	const before = migrationFiles.filter((f) => f.path < 'supabase/migrations/20261201100100');
	let t: TestDb;
	let a: string;
	beforeAll(async () => {
		t = await openTestDb(engine, before);
		a = await createUser(t.db, 'migrated-checks@example.org');
	});
	afterAll(() => t.dispose());

	it('keeps the latest open attempt with checked answers, and drops older and submitted checks', async () => {
		const [older, latest, submitted] = [forgedAttemptId(), forgedAttemptId(), forgedAttemptId()];
		await t.db.driver.transaction(async (sql) => {
			await sql.query(
				`insert into public.quiz_checks (user_id, module_id, attempt_key, started_at, question_id, answer, checked_at) values
				 ($1, 'ml-basics', $2, now() - interval '3 days', 'q1', '{"type":"single","option":"o1"}', now() - interval '3 days'),
				 ($1, 'ml-basics', $3, now() - interval '2 hours', 'q1', '{"type":"single","option":"o2"}', now() - interval '2 hours'),
				 ($1, 'ml-basics', $3, now() - interval '2 hours', 'q2', '{"type":"single","option":"o0"}', now() - interval '1 hour'),
				 ($1, 'ml-basics', $4, now() - interval '1 day', 'q1', '{"type":"single","option":"o3"}', now() - interval '1 minute')`,
				[a, older, latest, submitted]
			);
			await sql.query(
				`insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, idempotency_key)
				 values ($1, 'ml-basics', 'v1', '{}', '{}', 1, 10, false, now() - interval '1 day', $2)`,
				[a, submitted]
			);
		});
		// This one and those after it (other migrations may have landed since).
		expect((await migrate(t.db.driver, compatFiles, migrationFiles))[0]).toBe(
			'20261201100100_server_attempts'
		);
		const open = await t.db.asService((sql) =>
			sql.query<{ attempt_id: string; module_id: string; started_at: Date }>(
				`select attempt_id, module_id, started_at from public.quiz_open_attempts where user_id = $1`,
				[a]
			)
		);
		expect(open.map((o) => [o.module_id, o.attempt_id])).toEqual([['ml-basics', latest]]);
		const age = Date.now() - new Date(open[0]!.started_at).getTime();
		expect(age, 'it started when its first answer was checked').toBeGreaterThanOrEqual(7_199_000);
		expect(age).toBeLessThan(3 * 3_600_000);
		expect(
			await t.db.asService((sql) =>
				sql.query(
					'select attempt_id, question_id from public.quiz_checks where user_id = $1 order by question_id',
					[a]
				)
			)
		).toEqual([
			{ attempt_id: latest, question_id: 'q1' },
			{ attempt_id: latest, question_id: 'q2' }
		]);
		// The learner resumes it, answers locked, and can submit it with them.
		expect(await openAttempt(t.db, a, 'ml-basics', 5)).toMatchObject({
			attempt_id: latest,
			attempts: 1,
			checks: { q1: single('o2'), q2: single('o0') }
		});
		await expect(
			submitAttempt(t.db, a, 'ml-basics', { attemptId: latest, answers: { q1: single('o0') } })
		).rejects.toMatchObject(conflict);
		expect(
			await submitAttempt(t.db, a, 'ml-basics', {
				attemptId: latest,
				answers: { q1: single('o2'), q2: single('o0') }
			})
		).toHaveLength(1);
	});
});

// Two connections at once, which only PostgreSQL has (PGlite serialises every request): an attempt
// that expires while one of its answers is being checked must not be replaced, or the learner would
// get a fresh attempt at a question whose answer they have just been shown.
describe.each(engines.filter((e) => e === 'postgres'))(
	'attempts racing their expiry on %s',
	(engine) => {
		let t: TestDb;
		let a: string;
		beforeAll(async () => {
			t = await openTestDb(engine);
			a = await createUser(t.db, 'expiry-race@example.org');
		});
		afterAll(() => t.dispose());

		const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
		/** Whether a call of this database came to wait for a lock within 2.5 s. */
		const lockWaited = async () => {
			for (let i = 0; i < 50; i++) {
				const [w] = await t.db.driver.transaction((sql) =>
					sql.query<{ n: number }>(
						`select count(*)::integer as n from pg_stat_activity
					 where datname = current_database() and wait_event_type = 'Lock'`
					)
				);
				if (w!.n > 0) return true;
				await sleep(50);
			}
			return false;
		};

		it('an answer checked as the attempt expires keeps the attempt open', async () => {
			const attemptId = await openAttemptId(t.db, a, 'expiry-race', 1);
			await t.db.asService((sql) =>
				sql.query(
					`update public.quiz_open_attempts set expires_at = now() + interval '1 second' where user_id = $1`,
					[a]
				)
			);
			// The check starts while the attempt is live, and commits only after it has expired and the
			// quiz has been opened again meanwhile.
			let commit!: () => void;
			const committed = new Promise<void>((resolve) => (commit = resolve));
			const checking = t.db.driver.transaction(async (sql) => {
				await sql.query(`select set_config('role', 'service_role', true)`);
				await sql.query(
					`select * from public.check_answer(user_id => $1, module_id => 'expiry-race', attempt_id => $2,
				 question_id => 'q1', answer => $3)`,
					[a, attemptId, JSON.stringify(single('o3'))]
				);
				await committed;
			});
			await sleep(1500);
			const reopening = openAttempt(t.db, a, 'expiry-race', 1);
			await lockWaited();
			commit();
			await checking;
			expect(
				await reopening,
				'the quiz reopened on the attempt with its checked answer'
			).toMatchObject({ attempt_id: attemptId, checks: { q1: single('o3') } });
			expect(await quizRows(t.db, a)).toMatchObject({ open: 1, checks: 1 });
		});

		it('a submission sent while an answer is being checked cannot change that answer (JL409)', async () => {
			const b = await createUser(t.db, 'check-race@example.org');
			const attemptId = await openAttemptId(t.db, b, 'check-race');
			// The check holds the open attempt until it commits; the submission, with another answer to
			// the same question, starts meanwhile and must see the check once it gets the lock.
			let commit!: () => void;
			const committed = new Promise<void>((resolve) => (commit = resolve));
			let locked!: () => void;
			const checked = new Promise<void>((resolve) => (locked = resolve));
			const checking = t.db.driver.transaction(async (sql) => {
				await sql.query(`select set_config('role', 'service_role', true)`);
				await sql.query(
					`select * from public.check_answer(user_id => $1, module_id => 'check-race', attempt_id => $2,
				 question_id => 'q1', answer => $3)`,
					[b, attemptId, JSON.stringify(single('o3'))]
				);
				locked();
				await committed;
			});
			await checked;
			const submitting = submitAttempt(t.db, b, 'check-race', {
				attemptId,
				answers: { q1: single('o0') },
				passed: true
			}).then(
				() => 'stored',
				(e: { code?: string }) => e.code
			);
			expect(await lockWaited(), 'the submission waited for the check').toBe(true);
			commit();
			await checking;
			expect(await submitting).toBe('JL409');
			expect(await quizRows(t.db, b)).toMatchObject({ attempts: 0, open: 1, checks: 1 });
		});
	}
);
