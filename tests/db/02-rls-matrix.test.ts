// The RLS matrix: every table × role × operation, with its expected outcome, on each engine.
// Each cell runs in its own transaction, rolled back, so cells cannot affect one another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/lib/server/db/types';
import { checkAnswer, openAttemptId, single, submitAttempt } from './attempts';
import { createUser, engines, openTestDb, type TestDb } from './harness';

// 'instructor' is C, an instructor whose cohort A joined: the tables show C nothing of A's, even so
// (C reads members' progress only through the cohort functions, tests/db/11-cohorts.test.ts).
type Actor = 'anon' | 'owner' | 'other learner' | 'instructor' | 'service_role';
type Op = 'select' | 'insert' | 'update' | 'delete';
type Outcome = 'allow' | 'deny';

interface TableSpec {
	/** Run as the database owner before the actor acts (e.g. clear the row an insert recreates). */
	prepare?: Partial<Record<Op, string>>;
	sql: Record<Op, string>;
	expect: Record<Actor, Record<Op, Outcome>>;
}

const NONE = { select: 'deny', insert: 'deny', update: 'deny', delete: 'deny' } as const;
const ALL = { select: 'allow', insert: 'allow', update: 'allow', delete: 'allow' } as const;

// $1 is always the owner's user id (learner A); the subject row belongs to A.
const TABLES: Record<string, TableSpec> = {
	profiles: {
		prepare: { insert: 'delete from public.profiles where id = $1' },
		sql: {
			select: 'select id from public.profiles where id = $1',
			insert: `insert into public.profiles (id, display_name) values ($1, 'Mallory') returning id`,
			update: `update public.profiles set display_name = 'Mallory' where id = $1 returning id`,
			delete: 'delete from public.profiles where id = $1 returning id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'allow', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	enrollments: {
		prepare: { insert: 'delete from public.enrollments where user_id = $1' },
		sql: {
			select: 'select user_id from public.enrollments where user_id = $1',
			insert: `insert into public.enrollments (user_id, roadmap_id) values ($1, 'mlops-engineer') returning user_id`,
			update: `update public.enrollments set started_at = now() - interval '1 day' where user_id = $1 returning user_id`,
			delete: 'delete from public.enrollments where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'allow', update: 'deny', delete: 'allow' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	quiz_attempts: {
		prepare: { insert: 'delete from public.quiz_attempts where user_id = $1' },
		sql: {
			select: 'select user_id from public.quiz_attempts where user_id = $1',
			insert: `insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, attempt_id)
				values ($1, 'ml-basics', 'v1', '{}', '{}', 10, 10, true, now(), 'forged-attempt-id-00001') returning user_id`,
			update:
				'update public.quiz_attempts set score = max_score, passed = true where user_id = $1 returning user_id',
			delete: 'delete from public.quiz_attempts where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	review_cards: {
		prepare: { insert: 'delete from public.review_cards where user_id = $1' },
		sql: {
			select: 'select user_id from public.review_cards where user_id = $1',
			insert: `insert into public.review_cards (user_id, module_id, question_id, card, due)
				values ($1, 'ml-basics', 'forged', '{}', now() + interval '1 year') returning user_id`,
			update: `update public.review_cards set due = now() + interval '1 year' where user_id = $1 returning user_id`,
			delete: 'delete from public.review_cards where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	quiz_checks: {
		prepare: { insert: 'delete from public.quiz_checks where user_id = $1' },
		sql: {
			select: 'select user_id from public.quiz_checks where user_id = $1',
			// Into the owner's open attempt (a check must belong to one).
			insert: `insert into public.quiz_checks (user_id, module_id, attempt_id, question_id, answer)
				select $1, 'ml-basics', o.attempt_id, 'q2', '{}' from public.quiz_open_attempts o
				where o.user_id = $1 and o.module_id = 'ml-basics' returning user_id`,
			update: `update public.quiz_checks set answer = '{"type":"single","option":"o0"}' where user_id = $1 returning user_id`,
			delete: 'delete from public.quiz_checks where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	quiz_open_attempts: {
		sql: {
			select: 'select user_id from public.quiz_open_attempts where user_id = $1',
			insert: `insert into public.quiz_open_attempts (user_id, module_id, attempt_id)
				values ($1, 'docker-for-ml', 'forged-attempt-id-00003') returning user_id`,
			update: `update public.quiz_open_attempts set expires_at = now() + interval '10 years' where user_id = $1 returning user_id`,
			delete: 'delete from public.quiz_open_attempts where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	portfolio_evidence: {
		prepare: { insert: 'delete from public.portfolio_evidence where user_id = $1' },
		sql: {
			select: 'select user_id from public.portfolio_evidence where user_id = $1',
			insert: `insert into public.portfolio_evidence (user_id, roadmap_id, item_id, url, note, achieved_on)
				values ($1, 'mlops-engineer', 'forged', 'https://example.org', 'Forged', '2026-01-01') returning user_id`,
			update: `update public.portfolio_evidence set note = 'Changed' where user_id = $1 returning user_id`,
			delete: 'delete from public.portfolio_evidence where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: ALL,
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	// Self-assessed rubric criteria of A's evidence for pipeline-project (saved in beforeAll).
	portfolio_claims: {
		prepare: { insert: 'delete from public.portfolio_claims where user_id = $1' },
		sql: {
			select: 'select user_id from public.portfolio_claims where user_id = $1',
			insert: `insert into public.portfolio_claims (user_id, roadmap_id, item_id, criterion_id)
				values ($1, 'mlops-engineer', 'pipeline-project', 'forged') returning user_id`,
			update: `update public.portfolio_claims set claimed_at = now() where user_id = $1 returning user_id`,
			delete: 'delete from public.portfolio_claims where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'allow', update: 'deny', delete: 'allow' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	portfolio_shares: {
		prepare: { insert: 'delete from public.portfolio_shares where user_id = $1' },
		sql: {
			select: 'select user_id from public.portfolio_shares where user_id = $1',
			insert: `insert into public.portfolio_shares (user_id, roadmap_id) values ($1, 'mlops-engineer') returning user_id`,
			update: `update public.portfolio_shares set revoked_at = now() where user_id = $1 returning user_id`,
			delete: 'delete from public.portfolio_shares where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'allow', update: 'allow', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	// Headline, bio and links: the owner's to write; visitors read them through public_profile().
	portfolio_profiles: {
		prepare: { insert: 'delete from public.portfolio_profiles where user_id = $1' },
		sql: {
			select: 'select user_id from public.portfolio_profiles where user_id = $1',
			insert: `insert into public.portfolio_profiles (user_id, headline) values ($1, 'Forged') returning user_id`,
			update: `update public.portfolio_profiles set headline = 'Changed' where user_id = $1 returning user_id`,
			delete: 'delete from public.portfolio_profiles where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: ALL,
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	// A's row says instructor (set in beforeAll). Written by service_role only: nobody, A included,
	// grants, changes or drops a role with their own token (tests/db/09-roles.test.ts).
	user_roles: {
		prepare: { insert: 'delete from public.user_roles where user_id = $1' },
		sql: {
			select: 'select user_id from public.user_roles where user_id = $1',
			insert: `insert into public.user_roles (user_id, role) values ($1, 'instructor') returning user_id`,
			update: `update public.user_roles set granted_at = now() where user_id = $1 returning user_id`,
			delete: 'delete from public.user_roles where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	// A's cohort (A is an instructor). Written only through the cohort functions, never directly.
	cohorts: {
		sql: {
			select: 'select id from public.cohorts where instructor_id = $1',
			insert: `insert into public.cohorts (instructor_id, name, roadmap_ids, module_ids, code_hash)
				values ($1, 'Forged', '["mlops-engineer"]', '["ml-basics"]', repeat('b', 64)) returning id`,
			update: `update public.cohorts set code_hash = repeat('c', 64) where instructor_id = $1 returning id`,
			delete: 'delete from public.cohorts where instructor_id = $1 returning id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	// A's membership of C's cohort: joined and left through join_cohort() and leave_cohort() only.
	cohort_members: {
		prepare: { insert: 'delete from public.cohort_members where user_id = $1' },
		sql: {
			select: 'select user_id from public.cohort_members where user_id = $1',
			insert: `insert into public.cohort_members (cohort_id, user_id)
				select c.id, $1 from public.cohorts c where c.instructor_id <> $1 returning user_id`,
			update: `update public.cohort_members set share_email = true where user_id = $1 returning user_id`,
			delete: 'delete from public.cohort_members where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'deny', update: 'deny', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	},
	// What a learner may write: that they opened and read a module. Writing its completion is tested
	// in 08-earned-completion.test.ts.
	module_progress: {
		prepare: { insert: 'delete from public.module_progress where user_id = $1' },
		sql: {
			select: 'select user_id from public.module_progress where user_id = $1',
			insert: `insert into public.module_progress (user_id, module_id, read_at) values ($1, 'ml-basics', now()) returning user_id`,
			update: `update public.module_progress set read_at = now(), last_seen_at = now() where user_id = $1 returning user_id`,
			delete: 'delete from public.module_progress where user_id = $1 returning user_id'
		},
		expect: {
			anon: NONE,
			owner: { select: 'allow', insert: 'allow', update: 'allow', delete: 'deny' },
			'other learner': NONE,
			instructor: NONE,
			service_role: ALL
		}
	}
};

class Rollback extends Error {
	constructor(readonly outcome: Outcome) {
		super('rollback');
	}
}

async function cell(
	t: TestDb,
	a: string,
	b: string,
	c: string,
	table: TableSpec,
	actor: Actor,
	op: Op
): Promise<Outcome> {
	try {
		await t.db.driver.transaction(async (sql: Sql) => {
			if (table.prepare?.[op]) await sql.query(table.prepare[op]!, [a]);
			const claims =
				actor === 'anon'
					? { role: 'anon' }
					: actor === 'service_role'
						? { role: 'service_role' }
						: {
								sub: actor === 'owner' ? a : actor === 'instructor' ? c : b,
								role: 'authenticated'
							};
			await sql.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify(claims)
			]);
			await sql.query(
				`set local role ${actor === 'anon' ? 'anon' : actor === 'service_role' ? 'service_role' : 'authenticated'}`
			);
			let outcome: Outcome;
			try {
				outcome = (await sql.query(table.sql[op], [a])).length > 0 ? 'allow' : 'deny';
			} catch (e) {
				// 42501: permission denied, or a row that violates a policy's WITH CHECK.
				if ((e as { code?: string }).code !== '42501') throw e;
				outcome = 'deny';
			}
			throw new Rollback(outcome);
		});
	} catch (e) {
		if (e instanceof Rollback) return e.outcome;
		throw e;
	}
	throw new Error('unreachable');
}

describe.each(engines)('RLS matrix on %s', (engine) => {
	let t: TestDb;
	let a: string;
	let b: string;
	let c: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'a@example.org');
		b = await createUser(t.db, 'b@example.org');
		c = await createUser(t.db, 'c@example.org');
		await t.db.serviceRpc('set_user_role', { user_email: 'a@example.org', new_role: 'instructor' });
		await t.db.serviceRpc('set_user_role', { user_email: 'c@example.org', new_role: 'instructor' });
		const cohort = { roadmap_ids: ['mlops-engineer'], module_ids: ['ml-basics'] };
		await t.db.forUser(a).rpc('create_cohort', { name: "A's cohort", ...cohort });
		const [made] = await t.db
			.forUser(c)
			.rpc<{ code: string }>('create_cohort', { name: "C's cohort", ...cohort });
		await t.db.forUser(a).rpc('join_cohort', { code: made!.code, share_email: false });
		for (const id of [a, b]) {
			await t.db.forUser(id).rpc('enroll', { roadmap_id: 'mlops-engineer' });
			await t.db.forUser(id).rpc('start_module', { module_id: 'ml-basics' });
			await submitAttempt(t.db, id, 'ml-basics', {
				attemptId: await openAttemptId(t.db, id, 'ml-basics'),
				score: 3,
				cards: [
					{ module_id: 'ml-basics', question_id: 'q1', card: {}, due: new Date().toISOString() }
				]
			});
			await t.db.forUser(id).rpc('save_evidence', {
				roadmap_id: 'mlops-engineer',
				item_id: 'pipeline-project',
				url: 'https://example.org/repo',
				note: 'A pipeline',
				credential_id: null,
				achieved_on: '2026-11-01'
			});
			await t.db.forUser(id).rpc('save_claims', {
				roadmap_id: 'mlops-engineer',
				item_id: 'pipeline-project',
				criterion_ids: ['tracking']
			});
			await t.db
				.forUser(id)
				.rpc('share_portfolio', { roadmap_id: 'mlops-engineer', module_ids: ['ml-basics'] });
			await t.db.forUser(id).rpc('save_portfolio_profile', {
				headline: 'A headline',
				bio: '',
				github_url: null,
				linkedin_url: null,
				website_url: 'https://example.org/'
			});
			const open = await openAttemptId(t.db, id, 'ml-basics');
			await checkAnswer(t.db, id, 'ml-basics', open, 'q1', single(null));
		}
	});
	afterAll(() => t.dispose());

	const cases = Object.entries(TABLES).flatMap(([name, spec]) =>
		(Object.keys(spec.expect) as Actor[]).flatMap((actor) =>
			(['select', 'insert', 'update', 'delete'] as Op[]).map((op) => ({
				name,
				spec,
				actor,
				op,
				expected: spec.expect[actor][op]
			}))
		)
	);

	it.each(cases)('$name: $actor may $op? $expected', async ({ spec, actor, op, expected }) => {
		expect(await cell(t, a, b, c, spec, actor, op)).toBe(expected);
	});

	it('covers every table in public', async () => {
		const rows = await t.db.driver.transaction((sql) =>
			sql.query<{ relname: string }>(
				`select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`
			)
		);
		expect(rows.map((r) => r.relname).sort()).toEqual(Object.keys(TABLES).sort());
	});
});
