// What item analysis reads (module_first_attempts): each learner's first attempt at a module, to
// instructors only — learners, visitors and the anon key get an error, and no row names a learner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLearner, createUser, engines, openTestDb, type TestDb } from './harness';
import { openAttemptId, single, submitAttempt } from './attempts';

const MODULE = 'ml-basics';

describe.each(engines)('module_first_attempts on %s', (engine) => {
	let t: TestDb;
	let instructor: string;
	const learners: string[] = [];
	beforeAll(async () => {
		t = await openTestDb(engine);
		instructor = await createUser(t.db, 'teach@example.org');
		await t.db.serviceRpc('set_user_role', {
			user_email: 'teach@example.org',
			new_role: 'instructor'
		});
		// Three learners: the first fails then passes, the second passes, the third fails; and one
		// attempt at another module that must not count.
		for (let i = 0; i < 3; i++) learners.push(await createUser(t.db, `l${i}@example.org`));
		const attempt = async (user: string, passed: boolean, moduleId = MODULE) =>
			submitAttempt(t.db, user, moduleId, {
				attemptId: await openAttemptId(t.db, user, moduleId),
				answers: { q1: single('o0'), q2: single('o1') },
				passed,
				maxScore: 2
			});
		await attempt(learners[0]!, false);
		await attempt(learners[0]!, true);
		await attempt(learners[1]!, true);
		await attempt(learners[2]!, false);
		await attempt(learners[2]!, true, 'docker-for-ml');
	});
	afterAll(() => t.dispose());

	const firstAttempts = (user: string, moduleId = MODULE) =>
		t.db
			.forUser(user)
			.rpc<{ results: Record<string, { score: number }>; max_score: number }>(
				'module_first_attempts',
				{ target_module: moduleId }
			);

	it("an instructor reads one attempt per learner, each learner's first", async () => {
		const rows = await firstAttempts(instructor);
		expect(rows).toHaveLength(3);
		const scores = rows.map((r) => r.results.q1!.score).sort();
		// Learner 0's first attempt failed (0), learner 1 passed (1), learner 2 failed (0).
		expect(scores).toEqual([0, 0, 1]);
		expect(rows.every((r) => Number(r.max_score) === 2)).toBe(true);
		expect(Object.keys(rows[0]!).sort(), 'nothing says whose attempt it is').toEqual([
			'max_score',
			'results'
		]);
	});

	it('only the asked module counts', async () => {
		expect(await firstAttempts(instructor, 'docker-for-ml')).toHaveLength(1);
		expect(await firstAttempts(instructor, 'no-such-module')).toEqual([]);
	});

	it('a learner gets an error, not rows, even for their own module', async () => {
		const error = await firstAttempts(learners[0]!).then(
			() => null,
			(e: { code?: string }) => e
		);
		expect(error?.code).toBe('42501');
	});

	it('anon may not call it at all', async () => {
		const error = await t.db
			.anon()
			.rpc('module_first_attempts', { target_module: MODULE })
			.then(
				() => null,
				(e: { code?: string }) => e
			);
		expect(error?.code).toBe('42501');
	});

	it('taking the role back ends access at once', async () => {
		await t.db.serviceRpc('set_user_role', {
			user_email: 'teach@example.org',
			new_role: 'learner'
		});
		const error = await firstAttempts(instructor).then(
			() => null,
			(e: { code?: string }) => e
		);
		expect(error?.code).toBe('42501');
		// A learner's own token on the table sees only their own attempts, as before.
		const own = await asLearner(
			t.db,
			learners[0]!,
			'select count(*)::int as n from public.quiz_attempts'
		);
		expect(own).toEqual([{ n: 2 }]);
	});
});
