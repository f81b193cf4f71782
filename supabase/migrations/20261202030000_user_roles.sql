-- Roles. A user is a learner unless this table says otherwise; today the one other role is
-- instructor (previews quizzes with their keys; the cohort and item-analysis functions check it).
-- Only service_role writes it: no learner can make themselves instructor, not even through the
-- Supabase REST API with their own token. Grant a role with `npm run accounts:role` (embedded and
-- PostgreSQL), or on Supabase with `select public.set_user_role('<email>', 'instructor')` in the SQL
-- editor (docs/authoring.md).
create table public.user_roles (
	user_id uuid primary key references auth.users (id) on delete cascade,
	role text not null check (role in ('instructor')),
	granted_at timestamptz not null default now()
);

alter table public.user_roles enable row level security;

revoke all on public.user_roles from anon, authenticated;
grant select on public.user_roles to authenticated;
grant all on public.user_roles to service_role;

create policy "user_roles: users read their own"
	on public.user_roles for select to authenticated
	using ((select auth.uid()) = user_id);

-- Whether the signed-in user is an instructor: the one role check every route and SQL function
-- uses. Security definer, so a policy or function may call it whatever the caller can read.
create function public.is_instructor()
returns boolean
language sql stable security definer set search_path = ''
as $$
	select exists (
		select 1 from public.user_roles r
		where r.user_id = (select auth.uid()) and r.role = 'instructor')
$$;

revoke execute on function public.is_instructor() from public, anon;
grant execute on function public.is_instructor() to authenticated;

-- Gives the account of `user_email` a role ('instructor'), or takes it back ('learner').
-- service_role only; returns the account and its role now.
create function public.set_user_role(user_email text, new_role text)
returns table (user_id uuid, email text, role text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
	account uuid;
	found_email text;
begin
	if new_role is null or new_role not in ('instructor', 'learner') then
		raise exception 'unknown role "%": use instructor or learner', new_role using errcode = '22023';
	end if;
	select u.id, u.email into account, found_email from auth.users u
	where lower(u.email) = lower(trim(user_email));
	if account is null then
		raise exception 'no account with the email "%"', user_email using errcode = 'P0002';
	end if;
	if new_role = 'learner' then
		delete from public.user_roles r where r.user_id = account;
	else
		insert into public.user_roles (user_id, role) values (account, new_role)
		on conflict on constraint user_roles_pkey do update set role = excluded.role, granted_at = now();
	end if;
	return query select account, found_email, new_role;
end;
$$;

revoke execute on function public.set_user_role(text, text) from public, anon, authenticated;
grant execute on function public.set_user_role(text, text) to service_role;
