// A module is completed only by passing its quiz (supabase/migrations/*_earned_completion.sql). A
// learner records opening and reading a module; no write they can make with their own token — the
// table, the functions they may call — completes it. Completions made before without a pass are
// turned into reads by the migration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { compatFiles, migrationFiles } from '../../src/lib/server/db/sql-files';
import { forgedAttemptId, openAttemptId, submitAttempt } from './attempts';
import { asLearner, createUser, engines, openTestDb, type TestDb } from './harness';

interface Progress {
	module_id: string;
	status: 'started' | 'completed';
	completed_at: Date | null;
	read_at: Date | null;
}

// Every way a learner's token could write a completion into module_progress. $1 is the learner.
const COMPLETION_WRITES: [string, string][] = [
	[
		'inserting a completed row',
		`insert into public.module_progress (user_id, module_id, status, completed_at) values ($1, 'ml-basics', 'completed', now())`
	],
	[
		'inserting with a status only',
		`insert into public.module_progress (user_id, module_id, status) values ($1, 'ml-basics', 'completed')`
	],
	[
		'inserting with a completion date only',
		`insert into public.module_progress (user_id, module_id, completed_at) values ($1, 'ml-basics', now())`
	],
	[
		'an upsert that completes on conflict',
		`insert into public.module_progress (user_id, module_id, read_at) values ($1, 'ml-basics', now())
		 on conflict (user_id, module_id) do update set status = 'completed', completed_at = now()`
	],
	[
		'updating the status and completion date',
		`update public.module_progress set status = 'completed', completed_at = now() where user_id = $1`
	],
	[
		'updating the status only',
		`update public.module_progress set status = 'completed' where user_id = $1`
	],
	[
		'updating the completion date only',
		`update public.module_progress set completed_at = now() where user_id = $1`
	],
	[
		'a merge that completes',
		`merge into public.module_progress p using (select $1::uuid as user_id) s on p.user_id = s.user_id
		 when matched then update set status = 'completed', completed_at = now()`
	],
	['deleting the row to insert it again', `delete from public.module_progress where user_id = $1`]
];

describe.each(engines)('completion is earned on %s', (engine) => {
	let t: TestDb;
	let a: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'earned@example.org');
	});
	afterAll(() => t.dispose());

	const progress = async (user: string, moduleId: string) =>
		(await t.db.forUser(user).rpc<Progress>('my_progress')).find((p) => p.module_id === moduleId);

	it('a learner records reading a module, never its completion', async () => {
		const [read] = await t.db.forUser(a).rpc<Progress>('mark_read', { module_id: 'ml-basics' });
		expect(read).toMatchObject({ module_id: 'ml-basics', status: 'started' });
		expect(read!.read_at).toBeInstanceOf(Date);
		expect(
			await t.db.forUser(a).rpc('start_module', { module_id: 'ml-basics' }),
			'opening it again'
		).toEqual([{ module_id: 'ml-basics', status: 'started', read_at: read!.read_at }]);
		expect(await progress(a, 'ml-basics')).toMatchObject({
			status: 'started',
			completed_at: null,
			read_at: read!.read_at
		});
	});

	it.each(COMPLETION_WRITES)(
		'a learner cannot complete a module by %s (permission denied)',
		async (_, statement) => {
			await t.db.forUser(a).rpc('mark_read', { module_id: 'ml-basics' });
			await expect(asLearner(t.db, a, statement, [a])).rejects.toMatchObject({ code: '42501' });
			expect(await progress(a, 'ml-basics')).toMatchObject({
				status: 'started',
				completed_at: null
			});
		}
	);

	it('a learner cannot complete a module through the functions they may call', async () => {
		const me = t.db.forUser(a);
		await expect(
			me.rpc('complete_module', { module_id: 'ml-basics' }),
			'complete_module is gone'
		).rejects.toMatchObject({ code: '42883' });
		for (const fn of ['record_attempt', 'submit_attempt'])
			await expect(
				me.rpc(fn, {
					user_id: a,
					module_id: 'ml-basics',
					attempt_id: forgedAttemptId(),
					quiz_version: 'v1',
					answers: {},
					results: {},
					score: 10,
					max_score: 10,
					passed: true,
					...(fn === 'record_attempt'
						? { started_at: new Date() }
						: { max_attempts: null, cards: [] })
				}),
				fn
			).rejects.toMatchObject({ code: '42501' });
		for (const fn of ['start_module', 'mark_read'])
			expect(await me.rpc(fn, { module_id: 'ml-basics' }), fn).toMatchObject([
				{ status: 'started' }
			]);
		expect((await progress(a, 'ml-basics'))?.status).toBe('started');
	});

	it('a failed attempt leaves a module started; only a passed one completes it, keeping the read', async () => {
		const [read] = await t.db.forUser(a).rpc<Progress>('mark_read', { module_id: 'docker-for-ml' });
		await submitAttempt(t.db, a, 'docker-for-ml', {
			attemptId: await openAttemptId(t.db, a, 'docker-for-ml'),
			score: 4
		});
		expect(await progress(a, 'docker-for-ml'), 'after a failed attempt').toMatchObject({
			status: 'started',
			completed_at: null,
			read_at: read!.read_at
		});
		const [passed] = await submitAttempt(t.db, a, 'docker-for-ml', {
			attemptId: await openAttemptId(t.db, a, 'docker-for-ml'),
			passed: true
		});
		const done = await progress(a, 'docker-for-ml');
		expect(done).toMatchObject({ status: 'completed', read_at: read!.read_at });
		const [stored] = await t.db.asService((sql) =>
			sql.query<{ submitted_at: Date }>(
				'select submitted_at from public.quiz_attempts where id = $1',
				[passed!.id]
			)
		);
		expect(done!.completed_at, 'completed when the pass was submitted').toEqual(
			stored!.submitted_at
		);
	});

	it('a completed module stays completed when it is read or opened again, or failed after', async () => {
		await submitAttempt(t.db, a, 'kubernetes-basics', {
			attemptId: await openAttemptId(t.db, a, 'kubernetes-basics'),
			passed: true
		});
		const done = await progress(a, 'kubernetes-basics');
		expect(done?.status).toBe('completed');
		await t.db.forUser(a).rpc('mark_read', { module_id: 'kubernetes-basics' });
		await t.db.forUser(a).rpc('start_module', { module_id: 'kubernetes-basics' });
		await submitAttempt(t.db, a, 'kubernetes-basics', {
			attemptId: await openAttemptId(t.db, a, 'kubernetes-basics')
		});
		expect(await progress(a, 'kubernetes-basics')).toMatchObject({
			status: 'completed',
			completed_at: done!.completed_at
		});
	});

	it('a pass completes the module for the learner who passed, not for another', async () => {
		const b = await createUser(t.db, 'earned-other@example.org');
		await t.db.forUser(b).rpc('mark_read', { module_id: 'vector-search' });
		await submitAttempt(t.db, a, 'vector-search', {
			attemptId: await openAttemptId(t.db, a, 'vector-search'),
			passed: true
		});
		expect((await progress(a, 'vector-search'))?.status).toBe('completed');
		expect((await progress(b, 'vector-search'))?.status).toBe('started');
	});
});

// supabase/migrations/20261201100000_earned_completion.sql, applied to progress recorded before it.
describe.each(engines)('the earned-completion migration on %s', (engine) => {
	const before = migrationFiles.filter((f) => f.path < 'supabase/migrations/20261201100000');
	let t: TestDb;
	let a: string;
	let b: string;
	beforeAll(async () => {
		t = await openTestDb(engine, before);
		a = await createUser(t.db, 'migrated-a@example.org');
		b = await createUser(t.db, 'migrated-b@example.org');
	});
	afterAll(() => t.dispose());

	it('turns completions without a passed attempt into reads, and keeps the earned ones', async () => {
		// As the database was: "Mark as complete" wrote status and completed_at directly.
		await t.db.driver.transaction(async (sql) => {
			await sql.query(
				`insert into public.module_progress (user_id, module_id, status, started_at, completed_at) values
				 ($1, 'never-quizzed', 'completed', now() - interval '9 days', now() - interval '8 days'),
				 ($1, 'failed-only', 'completed', now() - interval '9 days', now() - interval '7 days'),
				 ($1, 'passed', 'completed', now() - interval '9 days', now() - interval '6 days'),
				 ($1, 'passed-by-other', 'completed', now() - interval '9 days', now() - interval '5 days'),
				 ($1, 'opened', 'started', now() - interval '9 days', null),
				 ($2, 'passed-by-other', 'completed', now() - interval '9 days', now() - interval '4 days')`,
				[a, b]
			);
			await sql.query(
				`insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, idempotency_key)
				 values ($1, 'failed-only', 'v1', '{}', '{}', 2, 10, false, now() - interval '7 days', $3),
				        ($1, 'passed', 'v1', '{}', '{}', 9, 10, true, now() - interval '6 days', $4),
				        ($1, 'passed', 'v1', '{}', '{}', 1, 10, false, now() - interval '5 days', $5),
				        ($2, 'passed-by-other', 'v1', '{}', '{}', 9, 10, true, now() - interval '4 days', $6)`,
				[a, b, forgedAttemptId(), forgedAttemptId(), forgedAttemptId(), forgedAttemptId()]
			);
		});
		const old = await t.db.driver.transaction((sql) =>
			sql.query<{ user_id: string; module_id: string; completed_at: Date | null }>(
				'select user_id, module_id, completed_at from public.module_progress'
			)
		);
		const completedAt = (user: string, moduleId: string) =>
			old.find((r) => r.user_id === user && r.module_id === moduleId)!.completed_at;

		// These two and those after them (other migrations may have landed since).
		expect((await migrate(t.db.driver, compatFiles, migrationFiles)).slice(0, 2)).toEqual([
			'20261201100000_earned_completion',
			'20261201100100_server_attempts'
		]);

		const rows = (await t.db.forUser(a).rpc<Progress>('my_progress')).sort((x, y) =>
			x.module_id.localeCompare(y.module_id)
		);
		expect(
			rows.map(({ module_id, status, completed_at, read_at }) => ({
				module_id,
				status,
				completed_at,
				read_at
			}))
		).toEqual([
			{
				module_id: 'failed-only',
				status: 'started',
				completed_at: null,
				read_at: completedAt(a, 'failed-only')
			},
			{
				module_id: 'never-quizzed',
				status: 'started',
				completed_at: null,
				read_at: completedAt(a, 'never-quizzed')
			},
			{ module_id: 'opened', status: 'started', completed_at: null, read_at: null },
			{
				module_id: 'passed',
				status: 'completed',
				completed_at: completedAt(a, 'passed'),
				read_at: null
			},
			{
				module_id: 'passed-by-other',
				status: 'started',
				completed_at: null,
				read_at: completedAt(a, 'passed-by-other')
			}
		]);
		expect(await t.db.forUser(b).rpc('my_progress'), "the other learner's pass").toMatchObject([
			{
				module_id: 'passed-by-other',
				status: 'completed',
				completed_at: completedAt(b, 'passed-by-other')
			}
		]);
	});
});
