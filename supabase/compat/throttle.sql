-- Throttling of sign-in and sign-up for local accounts, in the database so that every app server
-- counts the same failures (src/lib/server/auth/throttle.ts holds the numbers; docs/data.md explains
-- them). Compat only, like auth.jalons_sessions: on Supabase, Supabase Auth throttles its own
-- sign-ins and the auth schema is its own. Runs after supabase.sql (files apply in name order);
-- idempotent, so a database made before this file gets it at the next start.
--
-- One row per counter: a kind ('sign-in:account+address', 'sign-in:address', 'sign-up:address') and
-- the SHA-256 of what it counts, so neither typed emails nor addresses are stored. `score` is the
-- number of recent failures; it leaks away continuously (one per `leak` seconds), which is how old
-- failures are forgiven, and `forget_at` is when the row has nothing left to say.

create table if not exists auth.jalons_throttle (
	kind text not null,
	key bytea not null,
	score double precision not null,
	updated_at timestamptz not null,
	blocked_until timestamptz not null,
	forget_at timestamptz not null,
	primary key (kind, key)
);
create index if not exists jalons_throttle_forget on auth.jalons_throttle (forget_at);

-- After `score` failures: no wait below `free`, then base · 2^(score − free) seconds, at most `cap`.
create or replace function auth.jalons_throttle_delay(score double precision, policy jsonb)
returns double precision
language sql immutable set search_path = ''
as $$
	select case
		when ceil(score) < (policy ->> 'free')::int then 0
		else least(
			(policy ->> 'cap')::double precision,
			(policy ->> 'base')::double precision * power(2, least(ceil(score) - (policy ->> 'free')::int, 40))
		)
	end
$$;

-- The leaked-away score of a row at `at`.
create or replace function auth.jalons_throttle_score(r auth.jalons_throttle, at timestamptz, policy jsonb)
returns double precision
language sql stable set search_path = ''
as $$
	select greatest(0, r.score - greatest(0, extract(epoch from at - r.updated_at)) / (policy ->> 'leak')::double precision)
$$;

-- An attempt: `counters` is a JSON array of {kind, key (hex), free, base, cap, leak}. If any counter
-- is blocked at `at`, nothing is counted and the seconds to wait are returned; otherwise the
-- attempt counts as a failure on every counter now (so parallel attempts cannot all slip through
-- before the first failure is written), and 0 is returned. A success is settled afterwards.
create or replace function auth.jalons_throttle_take(at timestamptz, counters jsonb)
returns double precision
language plpgsql volatile security invoker set search_path = ''
as $$
declare
	c jsonb;
	r auth.jalons_throttle;
	s double precision;
	d double precision;
	wait double precision := 0;
begin
	delete from auth.jalons_throttle t where t.ctid in (
		select x.ctid from auth.jalons_throttle x where x.forget_at < at
		order by x.forget_at limit 200 for update skip locked);
	for c in select * from jsonb_array_elements(counters) loop
		insert into auth.jalons_throttle as t (kind, key, score, updated_at, blocked_until, forget_at)
		values (c ->> 'kind', decode(c ->> 'key', 'hex'), 0, at, at, at)
		on conflict do nothing;
		select * into r from auth.jalons_throttle t
		where t.kind = c ->> 'kind' and t.key = decode(c ->> 'key', 'hex') for update;
		wait := greatest(wait, extract(epoch from r.blocked_until - at));
	end loop;
	if wait > 0 then
		return wait;
	end if;
	for c in select * from jsonb_array_elements(counters) loop
		select * into r from auth.jalons_throttle t
		where t.kind = c ->> 'kind' and t.key = decode(c ->> 'key', 'hex');
		s := auth.jalons_throttle_score(r, at, c) + 1;
		d := auth.jalons_throttle_delay(s, c);
		update auth.jalons_throttle t
		set score = s, updated_at = at,
			blocked_until = at + make_interval(secs => d),
			forget_at = at + make_interval(secs => greatest(d, s * (c ->> 'leak')::double precision))
		where t.kind = r.kind and t.key = r.key;
	end loop;
	return 0;
end
$$;

-- A taken attempt that succeeded: counters with "reset": true are deleted (the right password for
-- this account from this address); the others take back the failure `take` counted.
create or replace function auth.jalons_throttle_succeeded(at timestamptz, counters jsonb)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
	c jsonb;
	r auth.jalons_throttle;
	s double precision;
begin
	for c in select * from jsonb_array_elements(counters) loop
		if (c ->> 'reset')::boolean then
			delete from auth.jalons_throttle t
			where t.kind = c ->> 'kind' and t.key = decode(c ->> 'key', 'hex');
			continue;
		end if;
		select * into r from auth.jalons_throttle t
		where t.kind = c ->> 'kind' and t.key = decode(c ->> 'key', 'hex') for update;
		continue when not found;
		s := greatest(0, auth.jalons_throttle_score(r, at, c) - 1);
		update auth.jalons_throttle t
		set score = s, updated_at = at,
			blocked_until = least(t.blocked_until, at + make_interval(secs => auth.jalons_throttle_delay(s, c)))
		where t.kind = r.kind and t.key = r.key;
	end loop;
end
$$;

revoke all on table auth.jalons_throttle from public, anon, authenticated;
grant select, insert, update, delete on auth.jalons_throttle to supabase_auth_admin;
grant all on auth.jalons_throttle to service_role;
revoke all on function auth.jalons_throttle_delay(double precision, jsonb),
	auth.jalons_throttle_score(auth.jalons_throttle, timestamptz, jsonb),
	auth.jalons_throttle_take(timestamptz, jsonb),
	auth.jalons_throttle_succeeded(timestamptz, jsonb) from public;
grant execute on function auth.jalons_throttle_delay(double precision, jsonb),
	auth.jalons_throttle_score(auth.jalons_throttle, timestamptz, jsonb),
	auth.jalons_throttle_take(timestamptz, jsonb),
	auth.jalons_throttle_succeeded(timestamptz, jsonb) to supabase_auth_admin, service_role;
