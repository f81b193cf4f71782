-- Row-level security is on for every table in public, read from the catalog, so a table added by
-- a new migration without `enable row level security` fails here; and anon holds no privilege on
-- any of them. (tests/db/07-function-registry.test.ts checks the same from vitest.)
begin;
select plan(5);

create or replace function pg_temp.tables_without_rls()
returns name[]
language sql stable
as $$
	select coalesce(array_agg(c.relname order by c.relname), '{}')
	from pg_class c
	where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity
$$;

select cmp_ok(
	(select count(*)::int from pg_tables where schemaname = 'public'), '>=', 9,
	'public holds the app''s tables (at least the nine of the RLS matrix)'
);
select is(pg_temp.tables_without_rls(), '{}'::name[], 'every table in public has row-level security enabled');
select is(
	(select coalesce(array_agg(c.relname order by c.relname), '{}') from pg_class c
	 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
	   and (has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')
	        or has_any_column_privilege('anon', c.oid, 'select, insert, update, references'))),
	'{}'::name[],
	'anon holds no privilege on any table in public'
);

-- The check itself: a table made without RLS, as a careless migration would, is caught.
create table public.made_without_rls (id int primary key);
select is(pg_temp.tables_without_rls(), '{made_without_rls}'::name[], 'a new table in public without RLS is reported');
alter table public.made_without_rls enable row level security;
select is(pg_temp.tables_without_rls(), '{}'::name[], 'and is no longer reported once RLS is enabled on it');

select * from finish();
rollback;
