-- The quiz page in one call fewer: open_attempt() also returns the ids of the questions the learner
-- has a review card for at the module (the questions earlier attempts asked; a retry asks the others
-- first), so the page no longer calls my_quiz_state() beside it. Otherwise unchanged.
drop function public.open_attempt(uuid, text, integer);

create function public.open_attempt(user_id uuid, module_id text, max_attempts integer)
returns table (attempt_id text, started_at timestamptz, attempts integer, checks jsonb, seen jsonb)
language plpgsql security definer set search_path = ''
as $$
declare
	cur public.quiz_open_attempts;
	used integer;
begin
	perform pg_advisory_xact_lock(hashtext(open_attempt.user_id::text || '/' || open_attempt.module_id));
	-- Locked, so an answer being checked as the attempt goes stale is committed first and keeps it.
	select * into cur from public.quiz_open_attempts o
		where o.user_id = open_attempt.user_id and o.module_id = open_attempt.module_id
		for update;
	if cur.attempt_id is not null and not public.attempt_is_live(cur) then
		delete from public.quiz_open_attempts o
			where o.user_id = open_attempt.user_id and o.module_id = open_attempt.module_id;
		cur := null;
	end if;
	select count(*)::integer into used from public.quiz_attempts a
		where a.user_id = open_attempt.user_id and a.module_id = open_attempt.module_id;
	if cur.attempt_id is null and (open_attempt.max_attempts is null or used < open_attempt.max_attempts) then
		insert into public.quiz_open_attempts as o (user_id, module_id, attempt_id)
		values (open_attempt.user_id, open_attempt.module_id, replace(gen_random_uuid()::text, '-', ''))
		returning * into cur;
	end if;
	return query select cur.attempt_id, cur.started_at, used,
		coalesce((select jsonb_object_agg(c.question_id, c.answer) from public.quiz_checks c
			where c.user_id = open_attempt.user_id and c.attempt_id = cur.attempt_id), '{}'::jsonb),
		coalesce((select jsonb_agg(r.question_id order by r.question_id) from public.review_cards r
			where r.user_id = open_attempt.user_id and r.module_id = open_attempt.module_id), '[]'::jsonb);
end;
$$;
revoke execute on function public.open_attempt(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.open_attempt(uuid, text, integer) to service_role;
