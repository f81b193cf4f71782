-- Cohorts (docs/cohorts.md): an instructor groups learners who join with consent through a link,
-- and reads their progress on the cohort's modules only, only while they stay members. Every write
-- and every read of another person's data goes through the security-definer functions below, which
-- check in SQL who is asking; the tables themselves show a user only their own rows.
create table public.cohorts (
	id uuid primary key default gen_random_uuid(),
	instructor_id uuid not null references auth.users (id) on delete cascade,
	name text not null check (char_length(name) between 1 and 80),
	-- The roadmaps, and the modules of those roadmaps when the cohort was made: exactly what a learner
	-- agrees to share when joining (the catalog lives in files, so SQL keeps what was agreed).
	roadmap_ids jsonb not null check (jsonb_typeof(roadmap_ids) = 'array' and jsonb_array_length(roadmap_ids) between 1 and 10),
	module_ids jsonb not null check (jsonb_typeof(module_ids) = 'array' and jsonb_array_length(module_ids) between 1 and 500),
	-- SHA-256 of the join code: the code itself (≥ 128 random bits) is shown once to the instructor.
	code_hash text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
	created_at timestamptz not null default now()
);

create index cohorts_by_instructor on public.cohorts (instructor_id, created_at);

create table public.cohort_members (
	cohort_id uuid not null references public.cohorts (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	-- The instructor sees the member's email only if the member chose so.
	share_email boolean not null default false,
	joined_at timestamptz not null default now(),
	primary key (cohort_id, user_id)
);

create index cohort_members_by_user on public.cohort_members (user_id);

alter table public.cohorts enable row level security;
alter table public.cohort_members enable row level security;

revoke all on public.cohorts, public.cohort_members from anon, authenticated;
grant select on public.cohorts, public.cohort_members to authenticated;
grant all on public.cohorts, public.cohort_members to service_role;

create policy "cohorts: instructors read their own"
	on public.cohorts for select to authenticated
	using ((select auth.uid()) = instructor_id);

create policy "cohort_members: members read their own"
	on public.cohort_members for select to authenticated
	using ((select auth.uid()) = user_id);

-- A new join code: two random UUIDs (2 × 122 random bits), as 64 hex characters.
create function public.new_cohort_code()
returns text
language sql volatile set search_path = ''
as $$
	select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
$$;
revoke execute on function public.new_cohort_code() from public, anon, authenticated;

create function public.cohort_code_hash(code text)
returns text
language sql immutable set search_path = ''
as $$
	select encode(sha256(convert_to(coalesce(code, ''), 'UTF8')), 'hex')
$$;
revoke execute on function public.cohort_code_hash(text) from public, anon, authenticated;

-- The cohort `target` if the signed-in user is its instructor (and still an instructor), else an error.
create function public.own_cohort(target uuid)
returns public.cohorts
language plpgsql stable security definer set search_path = ''
as $$
declare
	found public.cohorts;
begin
	select c.* into found from public.cohorts c
	where c.id = target and c.instructor_id = (select auth.uid()) and public.is_instructor();
	if found.id is null then
		raise exception 'no cohort of yours with this id' using errcode = '42501';
	end if;
	return found;
end;
$$;
revoke execute on function public.own_cohort(uuid) from public, anon, authenticated;

create function public.create_cohort(name text, roadmap_ids jsonb, module_ids jsonb)
returns table (cohort_id uuid, code text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
	new_code text := public.new_cohort_code();
	made uuid;
begin
	if not public.is_instructor() then
		raise exception 'only instructors create cohorts' using errcode = '42501';
	end if;
	if char_length(trim(coalesce(create_cohort.name, ''))) not between 1 and 80 then
		raise exception 'a cohort''s name must be 1 to 80 characters' using errcode = '22023';
	end if;
	if jsonb_typeof(create_cohort.roadmap_ids) is distinct from 'array'
		or jsonb_typeof(create_cohort.module_ids) is distinct from 'array'
		or exists (
			select 1 from jsonb_array_elements(create_cohort.roadmap_ids || create_cohort.module_ids) e
			where jsonb_typeof(e) <> 'string' or not (e #>> '{}') ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
				or char_length(e #>> '{}') > 80) then
		raise exception 'roadmaps and modules are arrays of ids' using errcode = '22023';
	end if;
	insert into public.cohorts (instructor_id, name, roadmap_ids, module_ids, code_hash)
	values ((select auth.uid()), trim(create_cohort.name), create_cohort.roadmap_ids,
		create_cohort.module_ids, public.cohort_code_hash(new_code))
	returning id into made;
	return query select made, new_code;
end;
$$;

-- A new join code for the cohort; the old link stops working at once.
create function public.rotate_cohort_code(cohort_id uuid)
returns table (code text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
	new_code text := public.new_cohort_code();
begin
	perform public.own_cohort(rotate_cohort_code.cohort_id);
	update public.cohorts c set code_hash = public.cohort_code_hash(new_code)
	where c.id = rotate_cohort_code.cohort_id;
	return query select new_code;
end;
$$;

-- The instructor's cohorts, with how many members each has now.
create function public.teach_cohorts()
returns table (id uuid, name text, roadmap_ids jsonb, module_ids jsonb, created_at timestamptz, members bigint)
language sql stable security definer set search_path = ''
as $$
	select c.id, c.name, c.roadmap_ids, c.module_ids, c.created_at,
		(select count(*) from public.cohort_members m where m.cohort_id = c.id)
	from public.cohorts c
	where c.instructor_id = (select auth.uid()) and public.is_instructor()
	order by c.created_at, c.id
$$;

-- What a link's code opens, for a signed-in learner deciding whether to join: the cohort, its
-- instructor's display name, and what would be shared. Nothing for a wrong or rotated code.
create function public.cohort_preview(code text)
returns table (cohort_id uuid, name text, instructor_name text, roadmap_ids jsonb, module_ids jsonb,
	is_member boolean, is_instructor boolean)
language sql stable security definer set search_path = ''
as $$
	select c.id, c.name, coalesce(p.display_name, ''), c.roadmap_ids, c.module_ids,
		exists (select 1 from public.cohort_members m where m.cohort_id = c.id and m.user_id = (select auth.uid())),
		c.instructor_id = (select auth.uid())
	from public.cohorts c
	left join public.profiles p on p.id = c.instructor_id
	where (select auth.uid()) is not null and c.code_hash = public.cohort_code_hash(cohort_preview.code)
$$;

create function public.join_cohort(code text, share_email boolean)
returns table (cohort_id uuid)
language plpgsql volatile security definer set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	target public.cohorts;
begin
	if me is null then
		raise exception 'not signed in' using errcode = '42501';
	end if;
	select c.* into target from public.cohorts c where c.code_hash = public.cohort_code_hash(join_cohort.code);
	if target.id is null then
		raise exception 'this join link is not valid (any more)' using errcode = 'P0002';
	end if;
	if target.instructor_id = me then
		raise exception 'an instructor does not join their own cohort' using errcode = '22023';
	end if;
	insert into public.cohort_members as m (cohort_id, user_id, share_email)
	values (target.id, me, coalesce(join_cohort.share_email, false))
	on conflict on constraint cohort_members_pkey do update set share_email = excluded.share_email;
	return query select target.id;
end;
$$;

-- Leaving ends the instructor's access at once: every read below checks membership.
create function public.leave_cohort(cohort_id uuid)
returns table (cohort_id uuid)
language sql volatile security definer set search_path = ''
as $$
	delete from public.cohort_members m
	where m.cohort_id = leave_cohort.cohort_id and m.user_id = (select auth.uid())
	returning m.cohort_id
$$;

-- The cohorts the signed-in learner is a member of.
create function public.my_cohorts()
returns table (cohort_id uuid, name text, instructor_name text, roadmap_ids jsonb, share_email boolean, joined_at timestamptz)
language sql stable security definer set search_path = ''
as $$
	select c.id, c.name, coalesce(p.display_name, ''), c.roadmap_ids, m.share_email, m.joined_at
	from public.cohort_members m
	join public.cohorts c on c.id = m.cohort_id
	left join public.profiles p on p.id = c.instructor_id
	where m.user_id = (select auth.uid())
	order by m.joined_at, c.id
$$;

create function public.remove_cohort_member(cohort_id uuid, member_id uuid)
returns table (user_id uuid)
language plpgsql volatile security definer set search_path = ''
as $$
begin
	perform public.own_cohort(remove_cohort_member.cohort_id);
	return query
		delete from public.cohort_members m
		where m.cohort_id = remove_cohort_member.cohort_id and m.user_id = remove_cohort_member.member_id
		returning m.user_id;
end;
$$;

-- The current members of the instructor's cohort: display name, email only if they chose to share
-- it, when they joined and their last activity on the cohort's modules.
create function public.cohort_members_of(cohort_id uuid)
returns table (user_id uuid, display_name text, email text, joined_at timestamptz, last_activity timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
	target public.cohorts := public.own_cohort(cohort_members_of.cohort_id);
begin
	return query
		select m.user_id, coalesce(p.display_name, ''),
			case when m.share_email then u.email::text end,
			m.joined_at,
			greatest(
				(select max(greatest(mp.last_seen_at, mp.read_at, mp.completed_at)) from public.module_progress mp
				 where mp.user_id = m.user_id and mp.module_id in (select jsonb_array_elements_text(target.module_ids))),
				(select max(a.submitted_at) from public.quiz_attempts a
				 where a.user_id = m.user_id and a.module_id in (select jsonb_array_elements_text(target.module_ids))))
		from public.cohort_members m
		left join public.profiles p on p.id = m.user_id
		left join auth.users u on u.id = m.user_id
		where m.cohort_id = target.id
		order by lower(coalesce(p.display_name, '')), m.joined_at, m.user_id;
end;
$$;

-- Per current member and module of the cohort: read, passed, and the best score share (0 to 1).
-- Only modules the member has touched have a row.
create function public.cohort_progress(cohort_id uuid)
returns table (user_id uuid, module_id text, read_at timestamptz, completed_at timestamptz, best numeric, last_seen_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
	target public.cohorts := public.own_cohort(cohort_progress.cohort_id);
begin
	return query
		with members as (
			select m.user_id from public.cohort_members m where m.cohort_id = target.id
		), modules as (
			select jsonb_array_elements_text(target.module_ids) as module_id
		), best as (
			select a.user_id, a.module_id, max(a.score / a.max_score) as best, max(a.submitted_at) as last_at
			from public.quiz_attempts a
			where a.user_id in (select members.user_id from members)
				and a.module_id in (select modules.module_id from modules)
			group by a.user_id, a.module_id
		), seen as (
			select mp.user_id, mp.module_id, mp.read_at, mp.completed_at, mp.last_seen_at
			from public.module_progress mp
			where mp.user_id in (select members.user_id from members)
				and mp.module_id in (select modules.module_id from modules)
		)
		select coalesce(s.user_id, b.user_id), coalesce(s.module_id, b.module_id), s.read_at,
			s.completed_at, b.best, greatest(s.last_seen_at, b.last_at)
		from seen s
		full join best b on b.user_id = s.user_id and b.module_id = s.module_id;
end;
$$;

-- Item analysis limited to a cohort: the first attempt of each current member on one of the cohort's
-- modules, for the cohort's instructor only.
create function public.cohort_first_attempts(cohort_id uuid, target_module text)
returns table (results jsonb, max_score numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
	target public.cohorts := public.own_cohort(cohort_first_attempts.cohort_id);
begin
	if not target.module_ids ? target_module then
		raise exception 'this module is not one of the cohort''s' using errcode = '42501';
	end if;
	return query
		select first.results, first.max_score
		from (
			select distinct on (a.user_id) a.results, a.max_score
			from public.quiz_attempts a
			where a.module_id = target_module
				and a.user_id in (select m.user_id from public.cohort_members m where m.cohort_id = target.id)
			order by a.user_id, a.submitted_at, a.id
		) first;
end;
$$;

revoke execute on function
	public.create_cohort(text, jsonb, jsonb), public.rotate_cohort_code(uuid), public.teach_cohorts(),
	public.cohort_preview(text), public.join_cohort(text, boolean), public.leave_cohort(uuid),
	public.my_cohorts(), public.remove_cohort_member(uuid, uuid), public.cohort_members_of(uuid),
	public.cohort_progress(uuid), public.cohort_first_attempts(uuid, text)
	from public, anon;
grant execute on function
	public.create_cohort(text, jsonb, jsonb), public.rotate_cohort_code(uuid), public.teach_cohorts(),
	public.cohort_preview(text), public.join_cohort(text, boolean), public.leave_cohort(uuid),
	public.my_cohorts(), public.remove_cohort_member(uuid, uuid), public.cohort_members_of(uuid),
	public.cohort_progress(uuid), public.cohort_first_attempts(uuid, text)
	to authenticated;
