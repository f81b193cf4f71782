-- Submitting a quiz in one transaction, and answers checked one at a time (`feedback: immediate`).
--
-- A quiz with immediate feedback lets a learner check each answer before submitting. A checked
-- answer is locked: the server stores it here (through check_answer, service_role only) and grades
-- the final submission with the stored answer, whatever the form says. An attempt with checked
-- answers stays open until it is submitted, and the quiz page resumes it, so checking answers and
-- starting over is not a way around the attempt limit.
create table public.quiz_checks (
	user_id uuid not null references auth.users (id) on delete cascade,
	module_id text not null check (module_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(module_id) <= 80),
	attempt_key text not null check (char_length(attempt_key) between 16 and 128),
	started_at timestamptz not null,
	question_id text not null check (question_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(question_id) <= 80),
	answer jsonb not null,
	checked_at timestamptz not null default now(),
	primary key (user_id, attempt_key, question_id)
);

create index quiz_checks_by_module on public.quiz_checks (user_id, module_id, checked_at desc);

alter table public.quiz_checks enable row level security;

revoke all on public.quiz_checks from anon, authenticated;
grant select on public.quiz_checks to authenticated;
grant all on public.quiz_checks to service_role;

create policy "quiz_checks: users read their own"
	on public.quiz_checks for select to authenticated
	using ((select auth.uid()) = user_id);

-- What grading a submission needs, read in one call: how many attempts were submitted, the review
-- cards of the module ({question_id: card}), and the open attempt — the one named by attempt_key,
-- or, when it is null, the latest attempt with checked answers not yet submitted — with its
-- checked answers ({question_id: answer}).
create function public.my_quiz_state(module_id text, attempt_key text)
returns table (attempts integer, cards jsonb, open_key text, open_started_at timestamptz, checks jsonb)
language sql stable security invoker set search_path = ''
as $$
	with me as (select (select auth.uid()) as id),
	open as (
		select c.attempt_key, min(c.started_at) as started_at,
			jsonb_object_agg(c.question_id, c.answer) as checks
		from public.quiz_checks c, me
		where c.user_id = me.id and c.module_id = my_quiz_state.module_id
			and (my_quiz_state.attempt_key is null or c.attempt_key = my_quiz_state.attempt_key)
			and not exists (
				select 1 from public.quiz_attempts a
				where a.user_id = me.id and a.idempotency_key = c.attempt_key)
		group by c.attempt_key
		order by max(c.checked_at) desc
		limit 1
	)
	select
		(select count(*)::integer from public.quiz_attempts a, me
			where a.user_id = me.id and a.module_id = my_quiz_state.module_id),
		coalesce((select jsonb_object_agg(r.question_id, r.card) from public.review_cards r, me
			where r.user_id = me.id and r.module_id = my_quiz_state.module_id), '{}'::jsonb),
		(select attempt_key from open),
		(select started_at from open),
		coalesce((select checks from open), '{}'::jsonb)
$$;

revoke execute on function public.my_quiz_state(text, text) from public, anon;
grant execute on function public.my_quiz_state(text, text) to authenticated;

-- Locks one graded answer of an open attempt. The first answer checked is the one kept; checking
-- again returns it unchanged. Refused once the attempt is submitted.
create function public.check_answer(
	user_id uuid,
	module_id text,
	attempt_key text,
	started_at timestamptz,
	question_id text,
	answer jsonb
)
returns table (locked_answer jsonb)
language plpgsql security definer set search_path = ''
as $$
begin
	if exists (select 1 from public.quiz_attempts a
		where a.user_id = check_answer.user_id and a.idempotency_key = check_answer.attempt_key) then
		raise exception 'this attempt is already submitted' using errcode = 'JL409';
	end if;
	insert into public.quiz_checks as c (user_id, module_id, attempt_key, started_at, question_id, answer)
	values (check_answer.user_id, check_answer.module_id, check_answer.attempt_key, check_answer.started_at,
		check_answer.question_id, check_answer.answer)
	on conflict on constraint quiz_checks_pkey do nothing;
	return query select c.answer from public.quiz_checks c
		where c.user_id = check_answer.user_id and c.attempt_key = check_answer.attempt_key
			and c.question_id = check_answer.question_id;
end;
$$;

revoke execute on function public.check_answer(uuid, text, text, timestamptz, text, jsonb)
	from public, anon, authenticated;
grant execute on function public.check_answer(uuid, text, text, timestamptz, text, jsonb) to service_role;

-- Records a graded submission and schedules its review cards in one transaction: the attempt (once
-- per idempotency key; a repeat returns the first and schedules nothing), the module completed on a
-- pass, the cards, and the attempt's checked answers cleared (they are in `answers` now). Refuses a
-- new attempt beyond max_attempts (null: unlimited) with SQLSTATE JL429.
create function public.submit_attempt(
	user_id uuid,
	module_id text,
	quiz_version text,
	answers jsonb,
	results jsonb,
	score numeric,
	max_score numeric,
	passed boolean,
	started_at timestamptz,
	idempotency_key text,
	max_attempts integer,
	cards jsonb
)
returns setof public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
begin
	-- One submission at a time per learner and module, so two tabs cannot both pass the limit.
	perform pg_advisory_xact_lock(hashtext(submit_attempt.user_id::text || '/' || submit_attempt.module_id));
	if exists (select 1 from public.quiz_attempts a
		where a.user_id = submit_attempt.user_id and a.idempotency_key = submit_attempt.idempotency_key) then
		return query select * from public.quiz_attempts a
			where a.user_id = submit_attempt.user_id and a.idempotency_key = submit_attempt.idempotency_key;
		return;
	end if;
	if submit_attempt.max_attempts is not null and (select count(*) from public.quiz_attempts a
		where a.user_id = submit_attempt.user_id and a.module_id = submit_attempt.module_id) >= submit_attempt.max_attempts then
		raise exception 'all % attempts used', submit_attempt.max_attempts using errcode = 'JL429';
	end if;
	return query select * from public.record_attempt(submit_attempt.user_id, submit_attempt.module_id, submit_attempt.quiz_version, submit_attempt.answers,
		submit_attempt.results, submit_attempt.score, submit_attempt.max_score, submit_attempt.passed, submit_attempt.started_at, submit_attempt.idempotency_key);
	perform public.schedule_reviews(submit_attempt.user_id, submit_attempt.cards);
	delete from public.quiz_checks c where c.user_id = submit_attempt.user_id and c.attempt_key = submit_attempt.idempotency_key;
end;
$$;

revoke execute on function public.submit_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text, integer, jsonb)
	from public, anon, authenticated;
grant execute on function public.submit_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text, integer, jsonb)
	to service_role;
