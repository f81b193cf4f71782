-- The quiz page's history in bounded time: my_attempts() returns the learner's latest `recent`
-- attempts at a module (at most 50), newest first, each with how many they have made there in all,
-- and no longer each attempt's results (the page shows a score bar per attempt, nothing more).
-- Before, it returned every attempt with its results, so the page's cost grew with each retry.
drop function public.my_attempts(text);

create function public.my_attempts(module_id text, recent integer)
returns table (id uuid, score numeric, max_score numeric, passed boolean, started_at timestamptz, submitted_at timestamptz, total integer)
language sql stable security invoker set search_path = ''
as $$
	select a.id, a.score, a.max_score, a.passed, a.started_at, a.submitted_at,
		(select count(*)::integer from public.quiz_attempts n
			where n.user_id = (select auth.uid()) and n.module_id = my_attempts.module_id)
	from public.quiz_attempts a
	where a.user_id = (select auth.uid()) and a.module_id = my_attempts.module_id
	order by a.submitted_at desc
	limit least(greatest(coalesce(my_attempts.recent, 10), 0), 50)
$$;

revoke execute on function public.my_attempts(text, integer) from public, anon;
grant execute on function public.my_attempts(text, integer) to authenticated;
