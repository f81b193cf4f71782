-- Progress per module: started when a learner opens it, completed when they finish it.
create type public.progress_status as enum ('started', 'completed');

create table public.module_progress (
	user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	module_id text not null check (module_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(module_id) <= 80),
	status public.progress_status not null default 'started',
	started_at timestamptz not null default now(),
	completed_at timestamptz,
	last_seen_at timestamptz not null default now(),
	primary key (user_id, module_id),
	check ((status = 'completed') = (completed_at is not null))
);

create index module_progress_recent on public.module_progress (user_id, last_seen_at desc);

alter table public.module_progress enable row level security;

revoke all on public.module_progress from anon, authenticated;
grant select, insert (user_id, module_id, status, completed_at), update (status, completed_at, last_seen_at)
	on public.module_progress to authenticated;
grant all on public.module_progress to service_role;

create policy "module_progress: users read their own"
	on public.module_progress for select to authenticated
	using ((select auth.uid()) = user_id);

create policy "module_progress: users record their own"
	on public.module_progress for insert to authenticated
	with check ((select auth.uid()) = user_id);

create policy "module_progress: users update their own"
	on public.module_progress for update to authenticated
	using ((select auth.uid()) = user_id)
	with check ((select auth.uid()) = user_id);

create function public.my_progress()
returns table (module_id text, status public.progress_status, started_at timestamptz, completed_at timestamptz, last_seen_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select p.module_id, p.status, p.started_at, p.completed_at, p.last_seen_at
	from public.module_progress p
	where p.user_id = (select auth.uid())
	order by p.last_seen_at desc
$$;

-- Opening a module: started the first time, seen again every time after.
create function public.start_module(module_id text)
returns table (module_id text, status public.progress_status)
language sql security invoker set search_path = ''
as $$
	insert into public.module_progress as p (user_id, module_id)
	values ((select auth.uid()), start_module.module_id)
	on conflict on constraint module_progress_pkey do update set last_seen_at = now()
	returning p.module_id, p.status
$$;

create function public.complete_module(module_id text)
returns table (module_id text, status public.progress_status, completed_at timestamptz)
language sql security invoker set search_path = ''
as $$
	insert into public.module_progress as p (user_id, module_id, status, completed_at)
	values ((select auth.uid()), complete_module.module_id, 'completed', now())
	on conflict on constraint module_progress_pkey do update
		set status = 'completed', completed_at = coalesce(p.completed_at, now()), last_seen_at = now()
	returning p.module_id, p.status, p.completed_at
$$;

revoke execute on function public.my_progress(), public.start_module(text), public.complete_module(text) from public, anon;
grant execute on function public.my_progress(), public.start_module(text), public.complete_module(text) to authenticated;
