// Cohorts (docs/cohorts.md): an instructor reads members' progress only through the cohort
// functions, only while they are members, only for the cohort's modules; a join code works once
// hashed and stops at rotation; another instructor, a learner and anon see nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLearner, createUser, engines, openTestDb, type TestDb } from './harness';
import { openAttemptId, submitAttempt } from './attempts';

const code = (e: unknown) => (e as { code?: string }).code;
const failure = (p: Promise<unknown>) =>
	p.then(
		() => 'succeeded',
		(e) => code(e)
	);

describe.each(engines)('cohorts on %s', (engine) => {
	let t: TestDb;
	let teacher: string;
	let rival: string;
	let ada: string;
	let bob: string;
	let cohort: string;
	let joinCode: string;
	const as = (user: string) => t.db.forUser(user);

	beforeAll(async () => {
		t = await openTestDb(engine);
		teacher = await createUser(t.db, 'teach@example.org');
		rival = await createUser(t.db, 'rival@example.org');
		ada = await createUser(t.db, 'ada@example.org');
		bob = await createUser(t.db, 'bob@example.org');
		for (const email of ['teach@example.org', 'rival@example.org'])
			await t.db.serviceRpc('set_user_role', { user_email: email, new_role: 'instructor' });
		const [made] = await as(teacher).rpc<{ cohort_id: string; code: string }>('create_cohort', {
			name: 'Spring',
			roadmap_ids: ['mlops-engineer'],
			module_ids: ['ml-basics']
		});
		cohort = made!.cohort_id;
		joinCode = made!.code;
		// Ada passes the cohort's module and reads one outside it; Bob never joins.
		for (const user of [ada, bob]) {
			await submitAttempt(t.db, user, 'ml-basics', {
				attemptId: await openAttemptId(t.db, user, 'ml-basics'),
				passed: true,
				score: 8,
				maxScore: 10
			});
			await as(user).rpc('mark_read', { module_id: 'docker-for-ml' });
		}
	});
	afterAll(() => t.dispose());

	it('a join code has at least 128 random bits and is stored only as its SHA-256', async () => {
		expect(joinCode).toMatch(/^[0-9a-f]{64}$/);
		const [row] = await t.db.asService((sql) =>
			sql.query<{ code_hash: string }>('select code_hash from public.cohorts where id = $1', [
				cohort
			])
		);
		expect(row!.code_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(row!.code_hash).not.toBe(joinCode);
	});

	it('a learner cannot create a cohort, nor make themselves instructor', async () => {
		expect(
			await failure(
				as(ada).rpc('create_cohort', { name: 'Mine', roadmap_ids: ['x'], module_ids: ['x'] })
			)
		).toBe('42501');
		expect(
			await failure(
				asLearner(
					t.db,
					ada,
					`insert into public.user_roles (user_id, role) values ($1, 'instructor')`,
					[ada]
				)
			)
		).toBe('42501');
		expect(
			await failure(
				asLearner(
					t.db,
					ada,
					`insert into public.cohorts (instructor_id, name, roadmap_ids, module_ids, code_hash)
					 values ($1, 'Mine', '["x"]', '["x"]', repeat('a', 64))`,
					[ada]
				)
			)
		).toBe('42501');
	});

	it('the preview shows the cohort to a signed-in learner with the code, and nothing for a wrong one', async () => {
		const [p] = await as(ada).rpc<{ name: string; module_ids: string[]; is_member: boolean }>(
			'cohort_preview',
			{ code: joinCode }
		);
		expect(p).toMatchObject({ name: 'Spring', module_ids: ['ml-basics'], is_member: false });
		expect(await as(ada).rpc('cohort_preview', { code: 'f'.repeat(64) })).toEqual([]);
		expect(await failure(t.db.anon().rpc('cohort_preview', { code: joinCode }))).toBe('42501');
	});

	it('before anyone joins, the instructor sees no one', async () => {
		expect(await as(teacher).rpc('cohort_members_of', { cohort_id: cohort })).toEqual([]);
		expect(await as(teacher).rpc('cohort_progress', { cohort_id: cohort })).toEqual([]);
	});

	it("after joining, the instructor sees the member's name and the cohort's modules only, no email", async () => {
		await as(ada).rpc('join_cohort', { code: joinCode, share_email: false });
		const members = await as(teacher).rpc<{
			user_id: string;
			display_name: string;
			email: string | null;
		}>('cohort_members_of', { cohort_id: cohort });
		expect(members).toHaveLength(1);
		expect(members[0]).toMatchObject({ user_id: ada, display_name: 'ada', email: null });
		const progress = await as(teacher).rpc<{
			module_id: string;
			best: string;
			completed_at: unknown;
		}>('cohort_progress', { cohort_id: cohort });
		expect(progress.map((p) => p.module_id)).toEqual(['ml-basics']);
		expect(Number(progress[0]!.best)).toBe(0.8);
		expect(progress[0]!.completed_at).not.toBeNull();
		// The tables themselves show the instructor nothing of Ada's.
		expect(await asLearner(t.db, teacher, 'select * from public.cohort_members')).toEqual([]);
		expect(await asLearner(t.db, teacher, 'select * from public.quiz_attempts')).toEqual([]);
	});

	it('the email is shown only when the member opts in', async () => {
		await as(ada).rpc('join_cohort', { code: joinCode, share_email: true });
		const [m] = await as(teacher).rpc<{ email: string }>('cohort_members_of', {
			cohort_id: cohort
		});
		expect(m!.email).toBe('ada@example.org');
	});

	it('another instructor, a member and a stranger see nothing of the cohort', async () => {
		for (const user of [rival, ada, bob]) {
			expect(await failure(as(user).rpc('cohort_members_of', { cohort_id: cohort }))).toBe('42501');
			expect(await failure(as(user).rpc('cohort_progress', { cohort_id: cohort }))).toBe('42501');
			expect(
				await failure(
					as(user).rpc('cohort_first_attempts', { cohort_id: cohort, target_module: 'ml-basics' })
				)
			).toBe('42501');
			expect(await failure(as(user).rpc('rotate_cohort_code', { cohort_id: cohort }))).toBe(
				'42501'
			);
			expect(
				await failure(as(user).rpc('remove_cohort_member', { cohort_id: cohort, member_id: ada }))
			).toBe('42501');
		}
		expect(await as(rival).rpc('teach_cohorts')).toEqual([]);
	});

	it("item analysis in a cohort: members' first attempts, the cohort's modules only", async () => {
		const rows = await as(teacher).rpc('cohort_first_attempts', {
			cohort_id: cohort,
			target_module: 'ml-basics'
		});
		expect(rows).toHaveLength(1);
		expect(
			await failure(
				as(teacher).rpc('cohort_first_attempts', {
					cohort_id: cohort,
					target_module: 'docker-for-ml'
				})
			)
		).toBe('42501');
	});

	it('rotating the code ends the old link at once; members stay', async () => {
		const [r] = await as(teacher).rpc<{ code: string }>('rotate_cohort_code', {
			cohort_id: cohort
		});
		expect(r!.code).not.toBe(joinCode);
		expect(await as(bob).rpc('cohort_preview', { code: joinCode })).toEqual([]);
		expect(await failure(as(bob).rpc('join_cohort', { code: joinCode, share_email: false }))).toBe(
			'P0002'
		);
		expect(await as(teacher).rpc('cohort_members_of', { cohort_id: cohort })).toHaveLength(1);
		joinCode = r!.code;
	});

	it("leaving ends the instructor's access at once", async () => {
		expect(await as(ada).rpc('my_cohorts')).toHaveLength(1);
		expect(await as(ada).rpc('leave_cohort', { cohort_id: cohort })).toHaveLength(1);
		expect(await as(ada).rpc('my_cohorts')).toEqual([]);
		expect(await as(teacher).rpc('cohort_members_of', { cohort_id: cohort })).toEqual([]);
		expect(await as(teacher).rpc('cohort_progress', { cohort_id: cohort })).toEqual([]);
		expect(
			await as(teacher).rpc('cohort_first_attempts', {
				cohort_id: cohort,
				target_module: 'ml-basics'
			})
		).toEqual([]);
	});

	it('an instructor removes a member; without the role, the instructor sees nothing', async () => {
		await as(bob).rpc('join_cohort', { code: joinCode, share_email: false });
		expect(await as(teacher).rpc('cohort_members_of', { cohort_id: cohort })).toHaveLength(1);
		await t.db.serviceRpc('set_user_role', {
			user_email: 'teach@example.org',
			new_role: 'learner'
		});
		expect(await failure(as(teacher).rpc('cohort_members_of', { cohort_id: cohort }))).toBe(
			'42501'
		);
		await t.db.serviceRpc('set_user_role', {
			user_email: 'teach@example.org',
			new_role: 'instructor'
		});
		expect(
			await as(teacher).rpc('remove_cohort_member', { cohort_id: cohort, member_id: bob })
		).toHaveLength(1);
		expect(await as(bob).rpc('my_cohorts')).toEqual([]);
	});
});
