-- public_portfolio(slug), the one way a visitor reads a shared portfolio: for an active slug, what
-- the learner shared, for the modules of the shared roadmap only; nothing, the same nothing, for an
-- unknown or a revoked slug. Never the email, never answers.
begin;
select plan(19);

select tests.create_learner_with_history('learner_a', 'Ada Learner') is not null as made;
select slug as shared from public.portfolio_shares where user_id = tests.user_id('learner_a') \gset

select tests.authenticate_as_anon();
create temp table page on commit drop as select * from public.public_portfolio(:'shared');

select is((select count(*)::int from page), 1, 'an active slug shows one portfolio');
select is((select display_name from page), 'Ada Learner', 'with the learner''s display name');
select is((select roadmap_id from page), 'mlops-engineer', 'for the shared roadmap');
select is(
	(select array_agg(e ->> 'item_id' order by e ->> 'item_id') from page, jsonb_array_elements(page.evidence) e),
	array['pipeline-project'],
	'with the evidence for that roadmap only, not for another one'
);
select is(
	(select array_agg(m ->> 'module_id' order by m ->> 'module_id') from page, jsonb_array_elements(page.progress) m),
	array['ml-basics'],
	'with the completed modules the share covers only (not prompt-basics, also completed)'
);
select is(
	(select array_agg(b ->> 'module_id' order by b ->> 'module_id') from page, jsonb_array_elements(page.best_scores) b),
	array['ml-basics'],
	'with best scores of the modules the share covers only'
);
select is(
	(select (b ->> 'best')::numeric from page, jsonb_array_elements(page.best_scores) b),
	0.9,
	'the best score is the share of points earned (9 of 10)'
);
select is(
	(select array_agg(r ->> 'module_id' order by r ->> 'module_id') from page, jsonb_array_elements(page.results) r),
	array['ml-basics'],
	'with per-question results of the modules the share covers only'
);
select is(
	(select strpos(to_jsonb(page)::text, 'learner_a@example.test') from page),
	0,
	'never the learner''s email'
);
select is(
	(select strpos(to_jsonb(page)::text, '"option"') from page),
	0,
	'never the answers given, only their scores'
);

select is(
	(select headline from public.public_profile(:'shared')),
	'Data analyst moving into MLOps',
	'public_profile() shows the learner''s headline for an active slug'
);
select is(
	(select array[bio, github_url] from public.public_profile(:'shared')),
	array['Five years of SQL.', 'https://github.com/example'],
	'with their bio and links'
);
select is_empty(
	format('select * from public.public_profile(%L)', repeat('x', 32)),
	'public_profile() shows nothing for an unknown slug'
);
select is_empty(
	format('select * from public.public_portfolio(%L)', repeat('x', 32)),
	'an unknown slug shows nothing'
);
select is_empty(
	'select * from public.public_portfolio(null)',
	'no slug shows nothing'
);

select tests.authenticate_as('learner_a');
select is((select count(*)::int from public.revoke_share('mlops-engineer')), 1, 'the learner revokes the link');
select tests.authenticate_as_anon();
select is_empty(
	format('select * from public.public_portfolio(%L)', :'shared'),
	'a revoked slug shows nothing, as an unknown one'
);
select is_empty(
	format('select * from public.public_profile(%L)', :'shared'),
	'nor any profile'
);
select throws_ok(
	'select headline from public.portfolio_profiles',
	'42501',
	null,
	'anon cannot read the profiles table itself'
);

select * from finish();
rollback;
