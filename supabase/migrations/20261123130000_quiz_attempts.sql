-- Quiz attempts. Learners can read their own attempts but never write one: the app grades an
-- attempt on the server (answer keys never leave it) and records it through record_attempt(),
-- which only service_role may execute — a role no learner's token carries. On Supabase the server
-- calls it with the service-role key; locally it runs as `set local role service_role`.
create table public.quiz_attempts (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null references auth.users (id) on delete cascade,
	module_id text not null check (module_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(module_id) <= 80),
	quiz_version text not null check (char_length(quiz_version) between 1 and 128),
	answers jsonb not null,
	-- Per question: {"<question id>": {"score": n, "max": n}}, for review and mastery.
	results jsonb not null,
	score numeric not null check (score >= 0),
	max_score numeric not null check (max_score > 0 and score <= max_score),
	passed boolean not null,
	started_at timestamptz not null,
	submitted_at timestamptz not null default now(),
	idempotency_key text not null check (char_length(idempotency_key) between 16 and 128),
	unique (user_id, idempotency_key),
	check (started_at <= submitted_at)
);

create index quiz_attempts_by_module on public.quiz_attempts (user_id, module_id, submitted_at desc);

alter table public.quiz_attempts enable row level security;

revoke all on public.quiz_attempts from anon, authenticated;
grant select on public.quiz_attempts to authenticated;
grant all on public.quiz_attempts to service_role;

create policy "quiz_attempts: users read their own"
	on public.quiz_attempts for select to authenticated
	using ((select auth.uid()) = user_id);

create function public.my_attempts(module_id text)
returns table (id uuid, score numeric, max_score numeric, passed boolean, started_at timestamptz, submitted_at timestamptz, results jsonb)
language sql stable security invoker set search_path = ''
as $$
	select a.id, a.score, a.max_score, a.passed, a.started_at, a.submitted_at, a.results
	from public.quiz_attempts a
	where a.user_id = (select auth.uid()) and a.module_id = my_attempts.module_id
	order by a.submitted_at desc
$$;

revoke execute on function public.my_attempts(text) from public, anon;
grant execute on function public.my_attempts(text) to authenticated;

-- Records a graded attempt once per idempotency key; a pass completes the module in the same
-- transaction. Returns the attempt (the first one recorded, on a repeated key).
create function public.record_attempt(
	user_id uuid,
	module_id text,
	quiz_version text,
	answers jsonb,
	results jsonb,
	score numeric,
	max_score numeric,
	passed boolean,
	started_at timestamptz,
	idempotency_key text
)
returns setof public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
declare
	recorded public.quiz_attempts;
begin
	insert into public.quiz_attempts as a
		(user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, idempotency_key)
	values
		(record_attempt.user_id, record_attempt.module_id, record_attempt.quiz_version, record_attempt.answers,
		 record_attempt.results, record_attempt.score, record_attempt.max_score, record_attempt.passed,
		 record_attempt.started_at, record_attempt.idempotency_key)
	on conflict on constraint quiz_attempts_user_id_idempotency_key_key do nothing
	returning * into recorded;

	if recorded.id is null then
		return query select * from public.quiz_attempts a
			where a.user_id = record_attempt.user_id and a.idempotency_key = record_attempt.idempotency_key;
		return;
	end if;

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
grant execute on function public.record_attempt(uuid, text, text, jsonb, jsonb, numeric, numeric, boolean, timestamptz, text)
	to service_role;
