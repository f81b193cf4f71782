-- What a Supabase project provides before any migration runs, for plain PostgreSQL and PGlite:
-- the API roles, the auth schema with auth.users, and auth.uid() / auth.role() / auth.jwt()
-- reading the request's JWT claims as PostgREST sets them. Applied only where the database has
-- no auth.uid() of Supabase's own (see src/lib/server/db/migrate.ts); idempotent.

do $$
begin
	if not exists (select 1 from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'service_role') then
		create role service_role nologin noinherit bypassrls;
	end if;
	-- The role Supabase Auth (GoTrue) works as: it owns the auth schema's data, nothing else.
	if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
		create role supabase_auth_admin nologin noinherit;
	end if;
end
$$;

create schema if not exists auth;
create schema if not exists extensions;
comment on schema auth is 'jalons-compat: Supabase Auth stand-in for PGlite and plain PostgreSQL';

create table if not exists auth.users (
	instance_id uuid,
	id uuid primary key default gen_random_uuid(),
	aud varchar(255) default 'authenticated',
	role varchar(255) default 'authenticated',
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb default '{}'::jsonb,
	raw_user_meta_data jsonb default '{}'::jsonb,
	is_super_admin boolean,
	created_at timestamptz default now(),
	updated_at timestamptz default now(),
	is_anonymous boolean not null default false
);
create unique index if not exists users_email_key on auth.users (lower(email));

-- Sessions of local accounts (Supabase Auth keeps its own; these exist only in compat mode).
-- Only a SHA-256 hash of the session token is stored.
create table if not exists auth.jalons_sessions (
	token_hash bytea primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz not null default now(),
	last_seen_at timestamptz not null default now(),
	expires_at timestamptz not null
);
create index if not exists jalons_sessions_user on auth.jalons_sessions (user_id);

create or replace function auth.uid() returns uuid
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

-- Supabase's grants: the API roles may use the schemas.
grant usage on schema public to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role, supabase_auth_admin;
grant usage on schema extensions to anon, authenticated, service_role;
grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role, supabase_auth_admin;
grant select, insert, update, delete on auth.users, auth.jalons_sessions to supabase_auth_admin;
grant all on auth.users, auth.jalons_sessions to service_role;

-- Supabase's default privileges (supabase/postgres, init-scripts/00000000000000-initial-schema.sql,
-- run as `postgres`): everything the migrations create in public — tables, functions, sequences —
-- is granted in full to anon, authenticated and service_role, on top of PostgreSQL's own EXECUTE
-- for PUBLIC on functions. Each migration revokes what it does not mean to grant; with these
-- defaults here too, a forgotten revoke shows in the local tests, not first on Supabase. (Projects
-- made with "Default privileges for new entities" off get less; this is the most open case.)
-- Default privileges belong to the role that creates the objects: the role applying this file,
-- which is the one the migrations run as (migrate.ts), and `postgres`, the role `supabase db push`
-- connects as, where it exists. Nothing is granted on existing objects: this file runs again at
-- every start, and would undo the migrations' revokes.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
do $$
begin
	if current_user <> 'postgres' and exists (select 1 from pg_roles where rolname = 'postgres')
		and pg_has_role(current_user, 'postgres', 'member') then
		alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
		alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
		alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
	end if;
end
$$;
