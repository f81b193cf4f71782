-- Attempts held by the server. An attempt exists from the moment the quiz page opens it: at most one
-- is open per learner and module (quiz_open_attempts), checks (`feedback: immediate`) and the
-- submission refer to it, and submitting moves it to quiz_attempts under the same attempt_id.
-- Before, an attempt was a signed token the server kept no trace of until it was submitted: two
-- tokens for one quiz let a learner reveal every answer with the first and submit the second.
--
-- One name for the attempt's identifier, everywhere: attempt_id (it also seeds which questions are
-- drawn and in what order).
alter table public.quiz_attempts rename column idempotency_key to attempt_id;
alter table public.quiz_attempts rename constraint quiz_attempts_user_id_idempotency_key_key
	to quiz_attempts_user_id_attempt_id_key;
alter table public.quiz_checks rename column attempt_key to attempt_id;

create table public.quiz_open_attempts (
	user_id uuid not null references auth.users (id) on delete cascade,
	module_id text not null check (module_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(module_id) <= 80),
	attempt_id text not null check (char_length(attempt_id) between 16 and 128),
	started_at timestamptz not null default now(),
	-- An attempt with no checked answer is replaced once stale (nothing of it was revealed); one
	-- with checked answers stays open until it is submitted, so it counts against the limit.
	expires_at timestamptz not null default now() + interval '1 day',
	primary key (user_id, module_id),
	unique (user_id, attempt_id)
);

alter table public.quiz_open_attempts enable row level security;

revoke all on public.quiz_open_attempts from anon, authenticated;
grant select on public.quiz_open_attempts to authenticated;
grant all on public.quiz_open_attempts to service_role;

create policy "quiz_open_attempts: users read their own"
	on public.quiz_open_attempts for select to authenticated
	using ((select auth.uid()) = user_id);

-- Attempts with checked answers that were open before this migration stay open (the latest per
-- learner and module); other unsubmitted checks are dropped.
insert into public.quiz_open_attempts (user_id, module_id, attempt_id, started_at)
select distinct on (c.user_id, c.module_id) c.user_id, c.module_id, c.attempt_id, min(c.started_at)
from public.quiz_checks c
where not exists (select 1 from public.quiz_attempts a where a.user_id = c.user_id and a.attempt_id = c.attempt_id)
group by c.user_id, c.module_id, c.attempt_id
order by c.user_id, c.module_id, max(c.checked_at) desc;

delete from public.quiz_checks c
where not exists (select 1 from public.quiz_open_attempts o where o.user_id = c.user_id and o.attempt_id = c.attempt_id);

alter table public.quiz_checks drop column started_at;
alter table public.quiz_checks add constraint quiz_checks_open_attempt
	foreign key (user_id, attempt_id) references public.quiz_open_attempts (user_id, attempt_id) on delete cascade;

drop function public.my_quiz_state(text, text);
drop function public.check_answer(uuid, text, text, timestamptz, text, jsonb);
drop function public.submit_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text, integer, jsonb);
drop function public.record_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text);

-- Whether an open attempt may still be used: not stale, or holding checked answers.
create function public.attempt_is_live(a public.quiz_open_attempts)
returns boolean
language sql stable security definer set search_path = ''
as $$
	select a.expires_at > now() or exists (
		select 1 from public.quiz_checks c where c.user_id = a.user_id and c.attempt_id = a.attempt_id)
$$;

revoke execute on function public.attempt_is_live(public.quiz_open_attempts) from public, anon, authenticated;

-- The learner's state for a quiz, read in one call: attempts submitted, the module's review cards
-- ({question_id: card}), and the open attempt with its checked answers ({question_id: answer}).
create function public.my_quiz_state(module_id text)
returns table (attempts integer, cards jsonb, attempt_id text, started_at timestamptz, checks jsonb)
language sql stable security invoker set search_path = ''
as $$
	with me as (select (select auth.uid()) as id),
	cur as (
		select o.attempt_id, o.started_at from public.quiz_open_attempts o, me
		where o.user_id = me.id and o.module_id = my_quiz_state.module_id
	)
	select
		(select count(*)::integer from public.quiz_attempts a, me
			where a.user_id = me.id and a.module_id = my_quiz_state.module_id),
		coalesce((select jsonb_object_agg(r.question_id, r.card) from public.review_cards r, me
			where r.user_id = me.id and r.module_id = my_quiz_state.module_id), '{}'::jsonb),
		(select cur.attempt_id from cur),
		(select cur.started_at from cur),
		coalesce((select jsonb_object_agg(c.question_id, c.answer) from public.quiz_checks c, me, cur
			where c.user_id = me.id and c.attempt_id = cur.attempt_id), '{}'::jsonb)
$$;

revoke execute on function public.my_quiz_state(text) from public, anon;
grant execute on function public.my_quiz_state(text) to authenticated;

-- Opens the learner's attempt at a quiz, or resumes the open one. No new attempt is opened once
-- max_attempts (null: unlimited) are submitted; attempt_id is then null. Returns how many attempts
-- were submitted and the open attempt's checked answers.
create function public.open_attempt(user_id uuid, module_id text, max_attempts integer)
returns table (attempt_id text, started_at timestamptz, attempts integer, checks jsonb)
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
			where c.user_id = open_attempt.user_id and c.attempt_id = cur.attempt_id), '{}'::jsonb);
end;
$$;

revoke execute on function public.open_attempt(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.open_attempt(uuid, text, integer) to service_role;

-- Raises the error that says why attempt_id is not the learner's live open attempt at the module:
-- JL409 when it was submitted, JL410 when it is not open (stale, replaced, or never opened).
create function public.attempt_not_open(user_id uuid, attempt_id text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
	if exists (select 1 from public.quiz_attempts a
		where a.user_id = attempt_not_open.user_id and a.attempt_id = attempt_not_open.attempt_id) then
		raise exception 'this attempt is already submitted' using errcode = 'JL409';
	end if;
	raise exception 'this attempt is not open' using errcode = 'JL410';
end;
$$;

revoke execute on function public.attempt_not_open(uuid, text) from public, anon, authenticated;

-- Locks one graded answer of the open attempt. The first answer checked is the one kept; checking
-- again returns it unchanged.
create function public.check_answer(user_id uuid, module_id text, attempt_id text, question_id text, answer jsonb)
returns table (locked_answer jsonb)
language plpgsql security definer set search_path = ''
as $$
declare
	cur public.quiz_open_attempts;
begin
	select * into cur from public.quiz_open_attempts o
		where o.user_id = check_answer.user_id and o.module_id = check_answer.module_id
			and o.attempt_id = check_answer.attempt_id
		for update;
	if cur.attempt_id is null or not public.attempt_is_live(cur) then
		perform public.attempt_not_open(check_answer.user_id, check_answer.attempt_id);
	end if;
	insert into public.quiz_checks as c (user_id, module_id, attempt_id, question_id, answer)
	values (check_answer.user_id, check_answer.module_id, check_answer.attempt_id, check_answer.question_id,
		check_answer.answer)
	on conflict on constraint quiz_checks_pkey do nothing;
	return query select c.answer from public.quiz_checks c
		where c.user_id = check_answer.user_id and c.attempt_id = check_answer.attempt_id
			and c.question_id = check_answer.question_id;
end;
$$;

revoke execute on function public.check_answer(uuid, text, text, text, jsonb) from public, anon, authenticated;
grant execute on function public.check_answer(uuid, text, text, text, jsonb) to service_role;

-- Records a graded attempt; a pass completes the module in the same transaction. Called by
-- submit_attempt only.
create function public.record_attempt(
	user_id uuid, module_id text, quiz_version text, answers jsonb, results jsonb, score numeric,
	max_score numeric, passed boolean, started_at timestamptz, attempt_id text
)
returns setof public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
declare
	recorded public.quiz_attempts;
begin
	insert into public.quiz_attempts as a
		(user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, attempt_id)
	values
		(record_attempt.user_id, record_attempt.module_id, record_attempt.quiz_version, record_attempt.answers,
		 record_attempt.results, record_attempt.score, record_attempt.max_score, record_attempt.passed,
		 record_attempt.started_at, record_attempt.attempt_id)
	returning * into recorded;
	if recorded.passed then
		insert into public.module_progress as p (user_id, module_id, status, completed_at)
		values (recorded.user_id, recorded.module_id, 'completed', recorded.submitted_at)
		on conflict on constraint module_progress_pkey do update
			set status = 'completed', completed_at = coalesce(p.completed_at, excluded.completed_at), last_seen_at = now();
	end if;
	return next recorded;
end;
$$;

revoke execute on function public.record_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text)
	from public, anon, authenticated;

-- Submits the learner's open attempt, in one transaction: the attempt recorded (a repeat of the same
-- attempt_id returns the first and changes nothing), the module completed on a pass, the review
-- cards scheduled, the open attempt and its checks removed. The submission must carry every checked
-- answer unchanged (JL409 otherwise). Refuses an attempt beyond max_attempts (null: unlimited) with
-- JL429, and an attempt that is not the open one with JL409/JL410.
create function public.submit_attempt(
	user_id uuid, module_id text, attempt_id text, quiz_version text, answers jsonb, results jsonb,
	score numeric, max_score numeric, passed boolean, max_attempts integer, cards jsonb
)
returns setof public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
declare
	cur public.quiz_open_attempts;
begin
	-- One submission at a time per learner and module, so two tabs cannot both pass the limit.
	perform pg_advisory_xact_lock(hashtext(submit_attempt.user_id::text || '/' || submit_attempt.module_id));
	if exists (select 1 from public.quiz_attempts a
		where a.user_id = submit_attempt.user_id and a.attempt_id = submit_attempt.attempt_id) then
		return query select * from public.quiz_attempts a
			where a.user_id = submit_attempt.user_id and a.attempt_id = submit_attempt.attempt_id;
		return;
	end if;
	select * into cur from public.quiz_open_attempts o
		where o.user_id = submit_attempt.user_id and o.module_id = submit_attempt.module_id
			and o.attempt_id = submit_attempt.attempt_id;
	if cur.attempt_id is null or not public.attempt_is_live(cur) then
		perform public.attempt_not_open(submit_attempt.user_id, submit_attempt.attempt_id);
	end if;
	if exists (select 1 from public.quiz_checks c
		where c.user_id = submit_attempt.user_id and c.attempt_id = submit_attempt.attempt_id
			and (submit_attempt.answers -> c.question_id) is distinct from c.answer) then
		raise exception 'a checked answer was changed' using errcode = 'JL409';
	end if;
	if submit_attempt.max_attempts is not null and (select count(*) from public.quiz_attempts a
		where a.user_id = submit_attempt.user_id and a.module_id = submit_attempt.module_id) >= submit_attempt.max_attempts then
		raise exception 'all % attempts used', submit_attempt.max_attempts using errcode = 'JL429';
	end if;
	return query select * from public.record_attempt(submit_attempt.user_id, submit_attempt.module_id,
		submit_attempt.quiz_version, submit_attempt.answers, submit_attempt.results, submit_attempt.score,
		submit_attempt.max_score, submit_attempt.passed, cur.started_at, submit_attempt.attempt_id);
	perform public.schedule_reviews(submit_attempt.user_id, submit_attempt.cards);
	delete from public.quiz_open_attempts o
		where o.user_id = submit_attempt.user_id and o.module_id = submit_attempt.module_id;
end;
$$;

revoke execute on function public.submit_attempt(uuid, text, text, text, jsonb, jsonb, numeric, numeric, boolean, integer, jsonb)
	from public, anon, authenticated;
grant execute on function public.submit_attempt(uuid, text, text, text, jsonb, jsonb, numeric, numeric, boolean, integer, jsonb)
	to service_role;

-- A review answered: the learner's card is rescheduled only if it is due (within the same ten
-- minutes my_due_reviews() allows), so each due card is graded once. Returns no row otherwise.
create function public.review_answer(user_id uuid, module_id text, question_id text, card jsonb, due timestamptz)
returns table (question_id text, due timestamptz)
language sql security definer set search_path = ''
as $$
	update public.review_cards c
		set card = review_answer.card, due = review_answer.due, updated_at = now()
	where c.user_id = review_answer.user_id and c.module_id = review_answer.module_id
		and c.question_id = review_answer.question_id and c.due <= now() + interval '10 minutes'
	returning c.question_id, c.due
$$;

revoke execute on function public.review_answer(uuid, text, text, jsonb, timestamptz) from public, anon, authenticated;
grant execute on function public.review_answer(uuid, text, text, jsonb, timestamptz) to service_role;

-- The helpers run inside the functions above, as their owner; not even the server calls them alone
-- (Supabase grants service_role every new function by default), so an attempt is only ever
-- recorded by submitting the open one.
revoke execute on function public.record_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text),
	public.attempt_is_live(public.quiz_open_attempts), public.attempt_not_open(uuid, text),
	public.schedule_reviews(uuid, jsonb)
	from service_role;
