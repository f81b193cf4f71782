-- open_attempt() offers no attempt once the limit is used, and cannot leave one open beyond it.
--
-- Before, it counted the learner's attempts before inserting the new open attempt. A submission
-- committed between the two (another tab's, of the attempt open then) made that count one short:
-- the new attempt was opened with no attempt left to submit it with, submit_attempt() refused it
-- (JL429), and it stayed open, so every later visit offered it again. Now:
-- - after inserting a new open attempt, it counts again (that statement sees every submission
--   committed before the insert, and the insert waited for the one that closed the attempt it
--   replaces); when the limit is used, it removes the attempt it just opened;
-- - when the limit is used, it returns no attempt (attempt_id null), even if one is open: one
--   refused because the limit was lowered stays open with its checks, should the limit be raised
--   again, but is not offered while it cannot be submitted.

create or replace function public.open_attempt(user_id uuid, module_id text, max_attempts integer)
returns table (attempt_id text, started_at timestamptz, attempts integer, checks jsonb, seen jsonb)
language plpgsql security definer set search_path = ''
as $$
declare
	cur public.quiz_open_attempts;
	live boolean;
	used integer;
begin
	-- Locked, so an answer being checked as the attempt goes stale is committed first and keeps it.
	-- Its checks are read by the next statement: one that waited for the lock still reads with the
	-- snapshot it started with, which misses the answer just committed.
	select * into cur from public.quiz_open_attempts o
		where o.user_id = open_attempt.user_id and o.module_id = open_attempt.module_id
		for update;
	live := cur.expires_at > now() or exists (
		select 1 from public.quiz_checks c where c.user_id = cur.user_id and c.attempt_id = cur.attempt_id);
	if cur.attempt_id is not null and not live then
		delete from public.quiz_open_attempts o
			where o.user_id = open_attempt.user_id and o.module_id = open_attempt.module_id;
		cur := null;
	end if;
	if open_attempt.max_attempts is not null then
		select count(*)::integer into used from (
			select 1 from public.quiz_attempts a
			where a.user_id = open_attempt.user_id and a.module_id = open_attempt.module_id
			limit greatest(open_attempt.max_attempts, 0)) counted;
	end if;
	if cur.attempt_id is null and (open_attempt.max_attempts is null or used < open_attempt.max_attempts) then
		insert into public.quiz_open_attempts as o (user_id, module_id, attempt_id)
		values (open_attempt.user_id, open_attempt.module_id, replace(gen_random_uuid()::text, '-', ''))
		on conflict on constraint quiz_open_attempts_pkey do nothing
		returning * into cur;
		if cur.attempt_id is null then
			-- Opened by another request since the lookup above: resume that one.
			select * into cur from public.quiz_open_attempts o
				where o.user_id = open_attempt.user_id and o.module_id = open_attempt.module_id;
		elsif open_attempt.max_attempts is not null then
			-- Counted again, after the insert: a submission committed since the first count is seen.
			select count(*)::integer into used from (
				select 1 from public.quiz_attempts a
				where a.user_id = open_attempt.user_id and a.module_id = open_attempt.module_id
				limit greatest(open_attempt.max_attempts, 0)) counted;
			if used >= open_attempt.max_attempts then
				delete from public.quiz_open_attempts o
					where o.user_id = open_attempt.user_id and o.module_id = open_attempt.module_id
						and o.attempt_id = cur.attempt_id;
			end if;
		end if;
	end if;
	if open_attempt.max_attempts is not null and used >= open_attempt.max_attempts then
		cur := null;
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
