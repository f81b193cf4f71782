-- What item analysis reads (docs/item-analysis.md): the first graded attempt of each learner on a
-- module — per question, the marks earned and the maximum — and nothing that says whose it is.
-- Instructors only: the check is here, not only in the route, so a learner's token on the database
-- API gets an error, not the rows.
create function public.module_first_attempts(target_module text)
returns table (results jsonb, max_score numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
	if not public.is_instructor() then
		raise exception 'only instructors read quiz statistics' using errcode = '42501';
	end if;
	return query
		select first.results, first.max_score
		from (
			select distinct on (a.user_id) a.results, a.max_score
			from public.quiz_attempts a
			where a.module_id = target_module
			order by a.user_id, a.submitted_at, a.id
		) first;
end;
$$;

revoke execute on function public.module_first_attempts(text) from public, anon;
grant execute on function public.module_first_attempts(text) to authenticated;

-- The first attempt of each learner is found through this index, not a scan of every attempt.
create index quiz_attempts_module_user_submitted
	on public.quiz_attempts (module_id, user_id, submitted_at);
