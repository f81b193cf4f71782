-- The functions only the server may call, as service_role (SERVICE_RPC in src/lib/server/rpc.ts),
-- and the internal ones the list in tests/db/07-function-registry.test.ts names: neither a visitor
-- nor a learner can execute them, so no learner records a score, a check or a review card they did
-- not earn, not even by calling the Data API with their own token. And anon may execute two
-- functions in public only: public_portfolio(), public_profile() and public_portfolio_claims(), a share's page.
begin;
select plan(27);

create temp table service_only (signature regprocedure, server boolean) on commit drop;
insert into service_only values
	('public.open_attempt(uuid, text, integer)', true),
	('public.check_answer(uuid, text, text, text, jsonb)', true),
	('public.submit_attempt(uuid, text, text, text, jsonb, jsonb, numeric, numeric, boolean, integer, jsonb)', true),
	('public.review_answer(uuid, text, text, jsonb, timestamptz)', true),
	('public.record_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text)', false),
	('public.schedule_reviews(uuid, jsonb)', false),
	('public.attempt_is_live(public.quiz_open_attempts)', false),
	('public.attempt_not_open(uuid, text)', false),
	('public.handle_new_user()', false);

select ok(not has_function_privilege('anon', signature, 'execute'), format('anon cannot execute %s', signature))
from service_only order by 1;
select ok(not has_function_privilege('authenticated', signature, 'execute'), format('a learner cannot execute %s', signature))
from service_only order by 1;
select ok(has_function_privilege('service_role', signature, 'execute'), format('the server (service_role) executes %s', signature))
from service_only where server order by 1;

select is(
	(select array_agg(p.proname order by p.proname) from pg_proc p
	 where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute')
	   and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')),
	array['public_portfolio', 'public_portfolio_claims', 'public_profile']::name[],
	'anon may execute public_portfolio(), public_profile() and public_portfolio_claims(), and no other function in public'
);

-- Calling them anyway, as a learner on their own behalf: refused, and nothing recorded.
select tests.create_user('learner_a') is not null as made;
select tests.user_id('learner_a') as a \gset
select tests.authenticate_as('learner_a');
select throws_ok(
	format('select * from public.open_attempt(%L, ''ml-basics'', null)', :'a'),
	'42501', null,
	'a learner cannot open an attempt themselves'
);
select throws_ok(
	format($$select * from public.submit_attempt(%L, 'ml-basics', 'forged-attempt-id-00001', 'v1', '{}', '{}', 10, 10, true, null, '[]')$$, :'a'),
	'42501', null,
	'a learner cannot record a passed attempt for themselves'
);
select tests.authenticate_as_anon();
select throws_ok(
	format($$select * from public.review_answer(%L, 'ml-basics', 'q1', '{}', now() + interval '1 year')$$, :'a'),
	'42501', null,
	'a visitor cannot schedule a review card for a learner'
);
select tests.clear_authentication();
select is(
	(select count(*)::int from public.quiz_attempts where user_id = :'a')
		+ (select count(*)::int from public.quiz_open_attempts where user_id = :'a')
		+ (select count(*)::int from public.review_cards where user_id = :'a'),
	0,
	'the refused calls recorded nothing'
);

select * from finish();
rollback;
