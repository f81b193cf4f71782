-- Helpers for the pgTAP tests of this folder, in the style of basejump's supabase-test-helpers:
-- make users in auth.users and act as them the way PostgREST does (role and request.jwt.claims, local
-- to the transaction). Installed in a schema of their own, `tests` (not exposed by the Data API),
-- and kept, so the files after this one can use them; every test file runs in a transaction it
-- rolls back. `supabase test db` (and CI, through pg_prove) runs the files in name order.
create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- A user as Supabase Auth makes one (its profile comes from the on_auth_user_created trigger).
create or replace function tests.create_user(identifier text, display_name text default null)
returns uuid
language sql
as $$
	insert into auth.users (email, raw_user_meta_data)
	values (
		identifier || '@example.test',
		jsonb_strip_nulls(jsonb_build_object('test_identifier', identifier, 'display_name', display_name))
	)
	returning id
$$;

-- The id of a user made by tests.create_user(); an error for an unknown identifier.
create or replace function tests.user_id(identifier text)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
	found uuid;
begin
	select u.id into found from auth.users u where u.raw_user_meta_data ->> 'test_identifier' = identifier;
	if found is null then
		raise exception 'no test user "%": make it with tests.create_user()', identifier;
	end if;
	return found;
end;
$$;

-- Acts as a signed-in user until the end of the transaction or the next tests.* call.
create or replace function tests.authenticate_as(identifier text)
returns void
language plpgsql
as $$
declare
	uid uuid := tests.user_id(identifier);
begin
	perform set_config('role', 'authenticated', true);
	perform set_config('request.jwt.claims',
		jsonb_build_object('sub', uid, 'role', 'authenticated', 'email', identifier || '@example.test')::text, true);
end;
$$;

-- Acts as a visitor with the anon key.
create or replace function tests.authenticate_as_anon()
returns void
language sql
as $$
	select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true);
$$;

-- Acts as the server with the service-role key.
create or replace function tests.authenticate_as_service_role()
returns void
language sql
as $$
	select set_config('role', 'service_role', true),
		set_config('request.jwt.claims', '{"role":"service_role"}', true);
$$;

-- Back to the role that runs the tests (the database owner), with no claims.
create or replace function tests.clear_authentication()
returns void
language plpgsql
as $$
begin
	set local role none;
	perform set_config('request.jwt.claims', '', true);
end;
$$;

-- What a statement did as the current role: 'denied' when it was refused (insufficient privilege,
-- or a row-level security policy's check) or reached no row, else 'N row(s)'. Whatever it did is
-- undone, so one assertion cannot change what the next one sees.
create or replace function tests.outcome(statement text)
returns text
language plpgsql
as $$
declare
	n bigint;
begin
	begin
		execute format('with r as (%s) select count(*) from r', statement) into n;
		raise exception 'undo' using errcode = 'JLT00';
	exception
		when insufficient_privilege then
			return 'denied';
		when sqlstate 'JLT00' then
			return case when n = 0 then 'denied' else format('%s row(s)', n) end;
	end;
end;
$$;

-- A learner with a row in every table of public: enrolled in mlops-engineer, a passed attempt (with
-- a review card) at ml-basics and one at prompt-basics, evidence for two roadmaps, an open attempt
-- at ml-basics with one checked answer, and a link sharing mlops-engineer that covers ml-basics.
create or replace function tests.create_learner_with_history(identifier text, display_name text default null)
returns uuid
language plpgsql
as $$
declare
	uid uuid := tests.create_user(identifier, display_name);
	m text;
	attempt text;
begin
	perform tests.authenticate_as(identifier);
	perform public.enroll('mlops-engineer');
	perform public.save_evidence('mlops-engineer', 'pipeline-project', 'https://example.org/pipeline',
		'A training pipeline', null, date '2026-11-01');
	perform public.save_evidence('prompt-engineer', 'prompt-library', 'https://example.org/prompts',
		'A prompt library', null, date '2026-11-02');
	perform public.share_portfolio('mlops-engineer', '["ml-basics"]');
	perform public.save_portfolio_profile('Data analyst moving into MLOps', 'Five years of SQL.',
		'https://github.com/example', null, null);
	perform tests.authenticate_as_service_role();
	foreach m in array array['ml-basics', 'prompt-basics'] loop
		select o.attempt_id into attempt from public.open_attempt(uid, m, null) o;
		perform public.submit_attempt(uid, m, attempt, 'v1', '{"q1":{"type":"single","option":"o0"}}',
			'{"q1":{"score":1,"max":1}}', 9, 10, true, null,
			jsonb_build_array(jsonb_build_object('module_id', m, 'question_id', 'q1', 'card', '{}'::jsonb, 'due', now())));
	end loop;
	select o.attempt_id into attempt from public.open_attempt(uid, 'ml-basics', null) o;
	perform public.check_answer(uid, 'ml-basics', attempt, 'q1', '{"type":"single","option":null}');
	perform tests.clear_authentication();
	return uid;
end;
$$;

revoke all on all functions in schema tests from public;
grant execute on function tests.user_id(text), tests.authenticate_as(text), tests.authenticate_as_anon(),
	tests.authenticate_as_service_role(), tests.clear_authentication(), tests.outcome(text)
	to anon, authenticated, service_role;

begin;
select plan(6);

select tests.create_user('helper_check', 'Helper Check');
select is(
	(select display_name from public.profiles where id = tests.user_id('helper_check')),
	'Helper Check',
	'tests.create_user() makes an auth user whose profile the trigger creates'
);

select tests.authenticate_as('helper_check');
select is(current_user::text, 'authenticated', 'tests.authenticate_as() acts as role authenticated');
select is(auth.uid(), tests.user_id('helper_check'), 'tests.authenticate_as() makes the user auth.uid()');

select tests.authenticate_as_anon();
select is(current_user::text, 'anon', 'tests.authenticate_as_anon() acts as role anon');
select is(auth.uid(), null, 'a visitor has no auth.uid()');

select tests.clear_authentication();
select is(current_user::text, session_user::text, 'tests.clear_authentication() returns to the role running the tests');

select * from finish();
rollback;
