-- Enrollments: the target jobs (roadmaps) a learner follows. Roadmap ids are the catalog's ids:
-- the database does not copy the catalog; the app checks an id exists before it enrols anyone.
create table public.enrollments (
	user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	roadmap_id text not null check (roadmap_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(roadmap_id) <= 80),
	started_at timestamptz not null default now(),
	primary key (user_id, roadmap_id)
);

alter table public.enrollments enable row level security;

revoke all on public.enrollments from anon, authenticated;
grant select, insert (user_id, roadmap_id), delete on public.enrollments to authenticated;
grant all on public.enrollments to service_role;

create policy "enrollments: users read their own"
	on public.enrollments for select to authenticated
	using ((select auth.uid()) = user_id);

create policy "enrollments: users enrol themselves"
	on public.enrollments for insert to authenticated
	with check ((select auth.uid()) = user_id);

create policy "enrollments: users leave their own"
	on public.enrollments for delete to authenticated
	using ((select auth.uid()) = user_id);

create function public.my_enrollments()
returns table (roadmap_id text, started_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select e.roadmap_id, e.started_at from public.enrollments e
	where e.user_id = (select auth.uid()) order by e.started_at
$$;

create function public.enroll(roadmap_id text)
returns table (roadmap_id text, started_at timestamptz)
language sql security invoker set search_path = ''
as $$
	insert into public.enrollments as e (user_id, roadmap_id)
	values ((select auth.uid()), enroll.roadmap_id)
	on conflict on constraint enrollments_pkey do nothing;
	select e.roadmap_id, e.started_at from public.enrollments e
	where e.user_id = (select auth.uid()) and e.roadmap_id = enroll.roadmap_id;
$$;

create function public.leave_roadmap(roadmap_id text)
returns table (roadmap_id text)
language sql security invoker set search_path = ''
as $$
	delete from public.enrollments e
	where e.user_id = (select auth.uid()) and e.roadmap_id = leave_roadmap.roadmap_id
	returning e.roadmap_id
$$;

revoke execute on function public.my_enrollments(), public.enroll(text), public.leave_roadmap(text) from public, anon;
grant execute on function public.my_enrollments(), public.enroll(text), public.leave_roadmap(text) to authenticated;
