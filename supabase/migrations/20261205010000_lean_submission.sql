-- A submission at a lower cost, with the same arguments, results and refusals.
--
-- submit_attempt() records the attempt, completes the module on a pass, schedules the review cards
-- and closes the open attempt (its checks go with it) in one statement, instead of calling
-- record_attempt() and schedule_reviews() in turn; it counts the learner's attempts only when a
-- limit applies, and then no further than the limit.
--
-- Neither function takes an advisory lock any more. The open attempt's row is the lock: there is
-- at most one per learner and module (its primary key), and a submission, a check and a reopening
-- all lock it first (`for update`). So two tabs submitting the same attempt take turns, and the
-- second gets the first's attempt back; no attempt can be recorded beside the one being submitted,
-- so the limit holds; and two pages opening the quiz at once (no row to lock yet) meet on the
-- primary key, where `on conflict do nothing` makes the second resume the first's attempt.
--
-- open_attempt() returns attempts = null for a quiz with no limit (the count only sizes what is
-- left of a limit); with a limit, the count stops at the limit.

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
		end if;
	end if;
	return query select cur.attempt_id, cur.started_at, used,
		coalesce((select jsonb_object_agg(c.question_id, c.answer) from public.quiz_checks c
			where c.user_id = open_attempt.user_id and c.attempt_id = cur.attempt_id), '{}'::jsonb),
		coalesce((select jsonb_agg(r.question_id order by r.question_id) from public.review_cards r
			where r.user_id = open_attempt.user_id and r.module_id = open_attempt.module_id), '[]'::jsonb);
end;
$$;

create or replace function public.submit_attempt(
	user_id uuid, module_id text, attempt_id text, quiz_version text, answers jsonb, results jsonb,
	score numeric, max_score numeric, passed boolean, max_attempts integer, cards jsonb
)
returns setof public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
declare
	started timestamptz;
	live boolean;
	checked boolean;
	changed boolean;
begin
	-- The open attempt, locked: a second submission of it, or a check, waits here for the first to
	-- commit.
	select o.started_at, o.expires_at > now() into started, live from public.quiz_open_attempts o
		where o.user_id = submit_attempt.user_id and o.module_id = submit_attempt.module_id
			and o.attempt_id = submit_attempt.attempt_id
		for update;
	if not found then
		-- Submitted already (by this form posted twice, or another tab): the first is the answer.
		return query select * from public.quiz_attempts a
			where a.user_id = submit_attempt.user_id and a.attempt_id = submit_attempt.attempt_id;
		if not found then
			raise exception 'this attempt is not open' using errcode = 'JL410';
		end if;
		return;
	end if;
	-- Its checks, in one statement after the lock (so with a snapshot that has every check
	-- committed before it): whether there is any (an attempt with checks stays live past its expiry),
	-- and whether the submission changes one.
	select count(*) > 0, coalesce(bool_or((submit_attempt.answers -> c.question_id) is distinct from c.answer), false)
		into checked, changed
		from public.quiz_checks c
		where c.user_id = submit_attempt.user_id and c.attempt_id = submit_attempt.attempt_id;
	if not (live or checked) then
		raise exception 'this attempt is not open' using errcode = 'JL410';
	end if;
	if changed then
		raise exception 'a checked answer was changed' using errcode = 'JL409';
	end if;
	if submit_attempt.max_attempts is not null and (select count(*) from (
			select 1 from public.quiz_attempts a
			where a.user_id = submit_attempt.user_id and a.module_id = submit_attempt.module_id
			limit greatest(submit_attempt.max_attempts, 0)) counted) >= submit_attempt.max_attempts then
		raise exception 'all % attempts used', submit_attempt.max_attempts using errcode = 'JL429';
	end if;
	return query
	with recorded as (
		insert into public.quiz_attempts as a
			(user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, attempt_id)
		values
			(submit_attempt.user_id, submit_attempt.module_id, submit_attempt.quiz_version, submit_attempt.answers,
			 submit_attempt.results, submit_attempt.score, submit_attempt.max_score, submit_attempt.passed,
			 started, submit_attempt.attempt_id)
		returning a.*
	), completed as (
		insert into public.module_progress as p (user_id, module_id, status, completed_at)
		select r.user_id, r.module_id, 'completed', r.submitted_at from recorded r where r.passed
		on conflict on constraint module_progress_pkey do update
			set status = 'completed', completed_at = coalesce(p.completed_at, excluded.completed_at), last_seen_at = now()
	), scheduled as (
		insert into public.review_cards as c (user_id, module_id, question_id, card, due)
		select submit_attempt.user_id, x.module_id, x.question_id, x.card, x.due
		from jsonb_to_recordset(submit_attempt.cards) as x (module_id text, question_id text, card jsonb, due timestamptz)
		on conflict on constraint review_cards_pkey do update
			set card = excluded.card, due = excluded.due, updated_at = now()
	), closed as (
		-- Its checks go with it (on delete cascade).
		delete from public.quiz_open_attempts o
		where o.user_id = submit_attempt.user_id and o.module_id = submit_attempt.module_id
	)
	select * from recorded;
end;
$$;
