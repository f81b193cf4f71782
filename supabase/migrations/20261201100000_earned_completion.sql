-- A module is completed only by passing its quiz: record_attempt() marks it, as service_role, in the
-- transaction that records the pass. What learners record themselves is that they read a module
-- (read_at). Before this migration a learner could complete any module with "Mark as complete",
-- or by writing status = 'completed' through the database API, and so be credited for a roadmap
-- without passing a single quiz.
alter table public.module_progress add column read_at timestamptz;

-- Completions without a passed quiz become reads.
update public.module_progress p
	set read_at = coalesce(p.read_at, p.completed_at), status = 'started', completed_at = null
	where p.status = 'completed'
		and not exists (
			select 1 from public.quiz_attempts a
			where a.user_id = p.user_id and a.module_id = p.module_id and a.passed);

-- Learners may record opening and reading a module, never its completion. (Revoking the table
-- privileges also revokes the column privileges granted before.)
revoke insert, update on public.module_progress from anon, authenticated;
grant insert (user_id, module_id, read_at), update (last_seen_at, read_at)
	on public.module_progress to authenticated;

drop function public.complete_module(text);

create function public.mark_read(module_id text)
returns table (module_id text, status public.progress_status, read_at timestamptz)
language sql security invoker set search_path = ''
as $$
	insert into public.module_progress as p (user_id, module_id, read_at)
	values ((select auth.uid()), mark_read.module_id, now())
	on conflict on constraint module_progress_pkey do update
		set read_at = coalesce(p.read_at, now()), last_seen_at = now()
	returning p.module_id, p.status, p.read_at
$$;

revoke execute on function public.mark_read(text) from public, anon;
grant execute on function public.mark_read(text) to authenticated;

drop function public.my_progress();

create function public.my_progress()
returns table (module_id text, status public.progress_status, started_at timestamptz,
	completed_at timestamptz, read_at timestamptz, last_seen_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select p.module_id, p.status, p.started_at, p.completed_at, p.read_at, p.last_seen_at
	from public.module_progress p
	where p.user_id = (select auth.uid())
	order by p.last_seen_at desc
$$;

revoke execute on function public.my_progress() from public, anon;
grant execute on function public.my_progress() to authenticated;

drop function public.start_module(text);

-- Opening a module: started the first time, seen again every time after.
create function public.start_module(module_id text)
returns table (module_id text, status public.progress_status, read_at timestamptz)
language sql security invoker set search_path = ''
as $$
	insert into public.module_progress as p (user_id, module_id)
	values ((select auth.uid()), start_module.module_id)
	on conflict on constraint module_progress_pkey do update set last_seen_at = now()
	returning p.module_id, p.status, p.read_at
$$;

revoke execute on function public.start_module(text) from public, anon;
grant execute on function public.start_module(text) to authenticated;
