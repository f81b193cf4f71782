-- Profiles: one per auth user, created by a trigger when the user signs up.
create type public.user_role as enum ('learner', 'instructor');

create table public.profiles (
	id uuid primary key references auth.users (id) on delete cascade,
	display_name text not null default '' check (char_length(display_name) <= 80),
	role public.user_role not null default 'learner',
	created_at timestamptz not null default now()
);

alter table public.profiles enable row level security;

-- A learner reads and renames their own profile; the role is set by the service only.
revoke all on public.profiles from anon, authenticated;
grant select, update (display_name) on public.profiles to authenticated;
grant all on public.profiles to service_role;

create policy "profiles: users read their own"
	on public.profiles for select to authenticated
	using ((select auth.uid()) = id);

create policy "profiles: users update their own"
	on public.profiles for update to authenticated
	using ((select auth.uid()) = id)
	with check ((select auth.uid()) = id);

create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
	insert into public.profiles (id, display_name)
	values (
		new.id,
		left(coalesce(nullif(trim(new.raw_user_meta_data ->> 'display_name'), ''), split_part(new.email, '@', 1), ''), 80)
	);
	return new;
end;
$$;
revoke execute on function public.handle_new_user() from public, anon, authenticated;

create trigger on_auth_user_created
	after insert on auth.users
	for each row execute function public.handle_new_user();

-- Reads and writes the app makes, as the signed-in user (security invoker: RLS applies).
create function public.my_profile()
returns table (id uuid, display_name text, role public.user_role, created_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select p.id, p.display_name, p.role, p.created_at from public.profiles p where p.id = (select auth.uid())
$$;

create function public.set_display_name(display_name text)
returns setof public.profiles
language plpgsql security invoker set search_path = ''
as $$
begin
	if char_length(trim(set_display_name.display_name)) not between 1 and 80 then
		raise exception 'display name must be 1 to 80 characters' using errcode = '22023';
	end if;
	return query
	update public.profiles p set display_name = trim(set_display_name.display_name)
	where p.id = (select auth.uid())
	returning p.*;
end;
$$;

-- Deleting an account deletes its auth user; every table cascades from it.
create function public.delete_my_account()
returns table (deleted uuid)
language plpgsql security definer set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
begin
	if me is null then
		raise exception 'not signed in' using errcode = '42501';
	end if;
	delete from auth.users u where u.id = me;
	return query select me;
end;
$$;

revoke execute on function public.my_profile(), public.set_display_name(text), public.delete_my_account() from public, anon;
grant execute on function public.my_profile(), public.set_display_name(text), public.delete_my_account() to authenticated;
