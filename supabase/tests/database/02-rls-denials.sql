-- The key denials of the RLS matrix (tests/db/02-rls-matrix.test.ts is the full matrix, and the
-- source of truth): neither a visitor (anon) nor another learner can read or write a learner's rows,
-- in any table of public; the learner reads their own, and cannot write what only the server
-- records (attempts, completions). Each statement is undone after it is judged (tests.outcome).
begin;
select plan(150);

select tests.create_learner_with_history('learner_a') is not null as made_a;
select tests.create_user('learner_b') is not null as made_b;
select tests.user_id('learner_a') as a \gset
-- A role row for learner a, so that reading their own row of user_roles is tested too. Only
-- service_role writes roles; here the test's owner does, before anyone is authenticated.
insert into public.user_roles (user_id, role) values (:'a', 'instructor');
-- And a rubric claim on learner a's evidence (tests.create_learner_with_history saves it).
insert into public.portfolio_claims (user_id, roadmap_id, item_id, criterion_id)
values (:'a', 'mlops-engineer', 'pipeline-project', 'tracking');
-- A cohort of learner a's, and a membership of theirs (in it: the table allows what the functions
-- refuse, and the denials are of the table).
insert into public.cohorts (id, instructor_id, name, roadmap_ids, module_ids, code_hash)
values ('00000000-0000-4000-8000-00000000c0c0', :'a', 'Spring', '["mlops-engineer"]', '["ml-basics"]', repeat('a', 64));
insert into public.cohort_members (cohort_id, user_id) values ('00000000-0000-4000-8000-00000000c0c0', :'a');

-- One row per table: reading, adding, changing and removing learner a's rows.
create temp table cases (tbl text, op text, statement text) on commit drop;
insert into cases (tbl, op, statement)
select o.tbl, o.op, format(o.statement, :'a')
from (values
	('profiles', 'select', 'select id from public.profiles where id = %L'),
	('profiles', 'insert', 'insert into public.profiles (id, display_name) values (%L, ''Mallory'') returning id'),
	('profiles', 'update', 'update public.profiles set display_name = ''Mallory'' where id = %L returning id'),
	('profiles', 'delete', 'delete from public.profiles where id = %L returning id'),
	('enrollments', 'select', 'select user_id from public.enrollments where user_id = %L'),
	('enrollments', 'insert', 'insert into public.enrollments (user_id, roadmap_id) values (%L, ''prompt-engineer'') returning user_id'),
	('enrollments', 'update', 'update public.enrollments set started_at = now() - interval ''1 day'' where user_id = %L returning user_id'),
	('enrollments', 'delete', 'delete from public.enrollments where user_id = %L returning user_id'),
	('module_progress', 'select', 'select user_id from public.module_progress where user_id = %L'),
	('module_progress', 'insert', 'insert into public.module_progress (user_id, module_id, read_at) values (%L, ''docker-for-ml'', now()) returning user_id'),
	('module_progress', 'update', 'update public.module_progress set read_at = now(), last_seen_at = now() where user_id = %L returning user_id'),
	('module_progress', 'delete', 'delete from public.module_progress where user_id = %L returning user_id'),
	('quiz_attempts', 'select', 'select user_id from public.quiz_attempts where user_id = %L'),
	('quiz_attempts', 'insert', 'insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, attempt_id) values (%L, ''docker-for-ml'', ''v1'', ''{}'', ''{}'', 10, 10, true, now(), ''forged-attempt-id-00001'') returning user_id'),
	('quiz_attempts', 'update', 'update public.quiz_attempts set score = max_score, passed = true where user_id = %L returning user_id'),
	('quiz_attempts', 'delete', 'delete from public.quiz_attempts where user_id = %L returning user_id'),
	('quiz_open_attempts', 'select', 'select user_id from public.quiz_open_attempts where user_id = %L'),
	('quiz_open_attempts', 'insert', 'insert into public.quiz_open_attempts (user_id, module_id, attempt_id) values (%L, ''docker-for-ml'', ''forged-attempt-id-00003'') returning user_id'),
	('quiz_open_attempts', 'update', 'update public.quiz_open_attempts set expires_at = now() + interval ''10 years'' where user_id = %L returning user_id'),
	('quiz_open_attempts', 'delete', 'delete from public.quiz_open_attempts where user_id = %L returning user_id'),
	('quiz_checks', 'select', 'select user_id from public.quiz_checks where user_id = %L'),
	('quiz_checks', 'insert', 'insert into public.quiz_checks (user_id, module_id, attempt_id, question_id, answer) select o.user_id, o.module_id, o.attempt_id, ''q2'', ''{}'' from public.quiz_open_attempts o where o.user_id = %L returning user_id'),
	('quiz_checks', 'update', 'update public.quiz_checks set answer = ''{"type":"single","option":"o0"}'' where user_id = %L returning user_id'),
	('quiz_checks', 'delete', 'delete from public.quiz_checks where user_id = %L returning user_id'),
	('review_cards', 'select', 'select user_id from public.review_cards where user_id = %L'),
	('review_cards', 'insert', 'insert into public.review_cards (user_id, module_id, question_id, card, due) values (%L, ''docker-for-ml'', ''forged'', ''{}'', now() + interval ''1 year'') returning user_id'),
	('review_cards', 'update', 'update public.review_cards set due = now() + interval ''1 year'' where user_id = %L returning user_id'),
	('review_cards', 'delete', 'delete from public.review_cards where user_id = %L returning user_id'),
	('portfolio_evidence', 'select', 'select user_id from public.portfolio_evidence where user_id = %L'),
	('portfolio_evidence', 'insert', 'insert into public.portfolio_evidence (user_id, roadmap_id, item_id, url, note, achieved_on) values (%L, ''mlops-engineer'', ''forged'', ''https://example.org'', ''Forged'', ''2026-01-01'') returning user_id'),
	('portfolio_evidence', 'update', 'update public.portfolio_evidence set note = ''Changed'' where user_id = %L returning user_id'),
	('portfolio_evidence', 'delete', 'delete from public.portfolio_evidence where user_id = %L returning user_id'),
	('portfolio_profiles', 'select', 'select user_id from public.portfolio_profiles where user_id = %L'),
	('portfolio_profiles', 'insert', 'insert into public.portfolio_profiles (user_id, headline) values (%L, ''Forged'') returning user_id'),
	('portfolio_profiles', 'update', 'update public.portfolio_profiles set headline = ''Changed'' where user_id = %L returning user_id'),
	('portfolio_profiles', 'delete', 'delete from public.portfolio_profiles where user_id = %L returning user_id'),
	('portfolio_claims', 'select', 'select user_id from public.portfolio_claims where user_id = %L'),
	('portfolio_claims', 'insert', 'insert into public.portfolio_claims (user_id, roadmap_id, item_id, criterion_id) values (%L, ''mlops-engineer'', ''pipeline-project'', ''forged'') returning user_id'),
	('portfolio_claims', 'update', 'update public.portfolio_claims set claimed_at = now() where user_id = %L returning user_id'),
	('portfolio_claims', 'delete', 'delete from public.portfolio_claims where user_id = %L returning user_id'),
	('portfolio_shares', 'select', 'select user_id from public.portfolio_shares where user_id = %L'),
	('portfolio_shares', 'insert', 'insert into public.portfolio_shares (user_id, roadmap_id) values (%L, ''prompt-engineer'') returning user_id'),
	('portfolio_shares', 'update', 'update public.portfolio_shares set revoked_at = now() where user_id = %L returning user_id'),
	('portfolio_shares', 'delete', 'delete from public.portfolio_shares where user_id = %L returning user_id'),
	('cohorts', 'select', 'select id from public.cohorts where instructor_id = %L'),
	('cohorts', 'insert', 'insert into public.cohorts (instructor_id, name, roadmap_ids, module_ids, code_hash) values (%L, ''Forged'', ''["x"]'', ''["x"]'', repeat(''b'', 64)) returning id'),
	('cohorts', 'update', 'update public.cohorts set code_hash = repeat(''c'', 64) where instructor_id = %L returning id'),
	('cohorts', 'delete', 'delete from public.cohorts where instructor_id = %L returning id'),
	('cohort_members', 'select', 'select user_id from public.cohort_members where user_id = %L'),
	('cohort_members', 'insert', 'insert into public.cohort_members (cohort_id, user_id) values (''00000000-0000-4000-8000-00000000c0c1'', %L) returning user_id'),
	('cohort_members', 'update', 'update public.cohort_members set share_email = true where user_id = %L returning user_id'),
	('cohort_members', 'delete', 'delete from public.cohort_members where user_id = %L returning user_id'),
	('user_roles', 'select', 'select user_id from public.user_roles where user_id = %L'),
	('user_roles', 'insert', 'insert into public.user_roles (user_id, role) values (%L, ''instructor'') returning user_id'),
	('user_roles', 'update', 'update public.user_roles set granted_at = now() where user_id = %L returning user_id'),
	('user_roles', 'delete', 'delete from public.user_roles where user_id = %L returning user_id')
) as o (tbl, op, statement);
grant select on cases to anon, authenticated;

select is(
	(select array_agg(distinct tbl order by tbl) from cases),
	(select array_agg(c.relname::text order by c.relname) from pg_class c
	 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')),
	'these denials cover every table in public'
);

-- A visitor with the anon key: nothing, in any table.
select tests.authenticate_as_anon();
select is(tests.outcome(statement), 'denied', format('anon cannot %s learner a''s rows of %s', op, tbl))
from cases order by tbl, op;

-- Another learner: nothing of learner a's, in any table.
select tests.authenticate_as('learner_b');
select is(tests.outcome(statement), 'denied', format('another learner cannot %s learner a''s rows of %s', op, tbl))
from cases order by tbl, op;

-- Learner a reads every one of their own rows: the denials above are not for want of rows.
select tests.authenticate_as('learner_a');
select isnt(tests.outcome(statement), 'denied', format('learner a reads their own rows of %s', tbl))
from cases where op = 'select' order by tbl;

-- What only the server records, learner a cannot write either.
select is(tests.outcome(statement), 'denied', format('learner a cannot %s their own %s', op, tbl))
from cases where tbl in ('cohorts', 'cohort_members', 'quiz_attempts', 'quiz_checks', 'quiz_open_attempts', 'review_cards', 'user_roles') and op <> 'select'
order by tbl, op;
select is(
	tests.outcome(format('update public.module_progress set status = ''completed'', completed_at = now() where user_id = %L returning user_id', :'a')),
	'denied',
	'learner a cannot mark a module completed without passing its quiz'
);
select is(
	tests.outcome(format('update public.profiles set role = ''instructor'' where id = %L returning id', :'a')),
	'denied',
	'learner a cannot make themselves an instructor'
);
select tests.clear_authentication();

select * from finish();
rollback;
