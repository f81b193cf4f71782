-- Every attempt's per-question results, newest first, for mastery per competency.
create function public.my_attempt_results()
returns table (module_id text, results jsonb, submitted_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select a.module_id, a.results, a.submitted_at from public.quiz_attempts a
	where a.user_id = (select auth.uid())
	order by a.submitted_at desc
$$;

revoke execute on function public.my_attempt_results() from public, anon;
grant execute on function public.my_attempt_results() to authenticated;
