-- Portfolios: evidence a learner records for project, certification and activity items, and public
-- share links. The checklist itself is derived by the app from the roadmap, progress, best quiz
-- scores and evidence (src/lib/portfolio/derive.ts); nothing here copies the catalog.
create table public.portfolio_evidence (
	user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	roadmap_id text not null check (roadmap_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(roadmap_id) <= 80),
	item_id text not null check (item_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(item_id) <= 80),
	-- http(s) only: a javascript: or data: URL can never be stored, whatever the client sends.
	url text check (url is null or (url ~* '^https?://[^\s/?#]+[^\s]*$' and char_length(url) <= 2000)),
	note text not null check (char_length(note) between 1 and 500),
	credential_id text check (credential_id is null or char_length(credential_id) between 1 and 120),
	achieved_on date not null check (achieved_on >= date '1980-01-01'),
	updated_at timestamptz not null default now(),
	primary key (user_id, roadmap_id, item_id)
);

alter table public.portfolio_evidence enable row level security;

revoke all on public.portfolio_evidence from anon, authenticated;
grant select, delete,
	insert (user_id, roadmap_id, item_id, url, note, credential_id, achieved_on),
	update (url, note, credential_id, achieved_on, updated_at)
	on public.portfolio_evidence to authenticated;
grant all on public.portfolio_evidence to service_role;

create policy "portfolio_evidence: users read their own"
	on public.portfolio_evidence for select to authenticated
	using ((select auth.uid()) = user_id);
create policy "portfolio_evidence: users add their own"
	on public.portfolio_evidence for insert to authenticated
	with check ((select auth.uid()) = user_id);
create policy "portfolio_evidence: users change their own"
	on public.portfolio_evidence for update to authenticated
	using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "portfolio_evidence: users remove their own"
	on public.portfolio_evidence for delete to authenticated
	using ((select auth.uid()) = user_id);

-- Share links. The slug is made by the database from 192 random bits (two v4 UUIDs, 244 random
-- bits, cut to 24 bytes), never chosen by the learner: authenticated may insert only roadmap_id.
-- One active link per learner and roadmap; revoking is final (a new share makes a new slug).
create function public.new_share_slug()
returns text
language sql volatile set search_path = ''
as $$
	select translate(encode(substring(
		decode(replace(gen_random_uuid()::text, '-', ''), 'hex') || decode(replace(gen_random_uuid()::text, '-', ''), 'hex')
		from 1 for 24), 'base64'), '+/', '-_')
$$;

create table public.portfolio_shares (
	slug text primary key default public.new_share_slug() check (slug ~ '^[A-Za-z0-9_-]{32}$'),
	user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	roadmap_id text not null check (roadmap_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(roadmap_id) <= 80),
	created_at timestamptz not null default now(),
	revoked_at timestamptz check (revoked_at is null or revoked_at >= created_at)
);

create unique index portfolio_shares_one_active on public.portfolio_shares (user_id, roadmap_id)
	where revoked_at is null;

alter table public.portfolio_shares enable row level security;

revoke all on public.portfolio_shares from anon, authenticated;
grant select, insert (user_id, roadmap_id), update (revoked_at) on public.portfolio_shares to authenticated;
grant all on public.portfolio_shares to service_role;

create policy "portfolio_shares: users read their own"
	on public.portfolio_shares for select to authenticated
	using ((select auth.uid()) = user_id);
create policy "portfolio_shares: users share their own"
	on public.portfolio_shares for insert to authenticated
	with check ((select auth.uid()) = user_id);
-- Only revoking: a revoked link cannot be brought back.
create policy "portfolio_shares: users revoke their own"
	on public.portfolio_shares for update to authenticated
	using ((select auth.uid()) = user_id and revoked_at is null)
	with check ((select auth.uid()) = user_id and revoked_at is not null);

-- The learner's own functions.
create function public.my_evidence(only_roadmap text)
returns table (roadmap_id text, item_id text, url text, note text, credential_id text, achieved_on text, updated_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select e.roadmap_id, e.item_id, e.url, e.note, e.credential_id, e.achieved_on::text, e.updated_at
	from public.portfolio_evidence e
	where e.user_id = (select auth.uid())
		and (my_evidence.only_roadmap is null or e.roadmap_id = my_evidence.only_roadmap)
	order by e.roadmap_id, e.item_id
$$;

create function public.save_evidence(
	roadmap_id text, item_id text, url text, note text, credential_id text, achieved_on date
)
returns table (saved_item text, updated_at timestamptz)
language plpgsql security invoker set search_path = ''
as $$
begin
	if save_evidence.achieved_on > current_date + 1 then
		raise exception 'achieved_on is in the future' using errcode = '23514';
	end if;
	insert into public.portfolio_evidence as e (user_id, roadmap_id, item_id, url, note, credential_id, achieved_on)
	values ((select auth.uid()), save_evidence.roadmap_id, save_evidence.item_id, save_evidence.url,
		save_evidence.note, save_evidence.credential_id, save_evidence.achieved_on)
	on conflict on constraint portfolio_evidence_pkey do update
		set url = excluded.url, note = excluded.note, credential_id = excluded.credential_id,
			achieved_on = excluded.achieved_on, updated_at = now();
	return query select e.item_id, e.updated_at from public.portfolio_evidence e
		where e.user_id = (select auth.uid()) and e.roadmap_id = save_evidence.roadmap_id
			and e.item_id = save_evidence.item_id;
end;
$$;

create function public.delete_evidence(roadmap_id text, item_id text)
returns table (deleted_item text)
language sql security invoker set search_path = ''
as $$
	delete from public.portfolio_evidence e
	where e.user_id = (select auth.uid()) and e.roadmap_id = delete_evidence.roadmap_id
		and e.item_id = delete_evidence.item_id
	returning e.item_id
$$;

-- Best score share (score / max_score) per module, for `min_score` items.
create function public.my_best_scores()
returns table (module_id text, best numeric)
language sql stable security invoker set search_path = ''
as $$
	select a.module_id, max(a.score / a.max_score) from public.quiz_attempts a
	where a.user_id = (select auth.uid()) group by a.module_id
$$;

create function public.my_shares()
returns table (slug text, roadmap_id text, created_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select s.slug, s.roadmap_id, s.created_at from public.portfolio_shares s
	where s.user_id = (select auth.uid()) and s.revoked_at is null
	order by s.created_at
$$;

create function public.share_portfolio(roadmap_id text)
returns table (slug text, created_at timestamptz)
language sql security invoker set search_path = ''
as $$
	insert into public.portfolio_shares as s (user_id, roadmap_id)
	values ((select auth.uid()), share_portfolio.roadmap_id)
	on conflict (user_id, roadmap_id) where revoked_at is null do nothing;
	select s.slug, s.created_at from public.portfolio_shares s
	where s.user_id = (select auth.uid()) and s.roadmap_id = share_portfolio.roadmap_id
		and s.revoked_at is null;
$$;

create function public.revoke_share(roadmap_id text)
returns table (slug text)
language sql security invoker set search_path = ''
as $$
	update public.portfolio_shares s set revoked_at = now()
	where s.user_id = (select auth.uid()) and s.roadmap_id = revoke_share.roadmap_id
		and s.revoked_at is null
	returning s.slug
$$;

revoke execute on function public.my_evidence(text), public.save_evidence(text, text, text, text, text, date),
	public.delete_evidence(text, text), public.my_best_scores(), public.my_shares(),
	public.share_portfolio(text), public.revoke_share(text), public.new_share_slug()
	from public, anon;
grant execute on function public.my_evidence(text), public.save_evidence(text, text, text, text, text, date),
	public.delete_evidence(text, text), public.my_best_scores(), public.my_shares(),
	public.share_portfolio(text), public.revoke_share(text), public.new_share_slug()
	to authenticated;

-- The public page's only way in: for an active slug, what the learner chose to share — display
-- name, roadmap, evidence for that roadmap, completed modules with dates, best score per module and
-- per-question results (scores, never answers) for mastery. Nothing for an unknown or revoked slug,
-- and the same nothing for both. Never the email, never answers.
create function public.public_portfolio(slug text)
returns table (
	display_name text, roadmap_id text, shared_at timestamptz,
	evidence jsonb, progress jsonb, best_scores jsonb, results jsonb
)
language sql stable security definer set search_path = ''
as $$
	with s as (
		select s.user_id, s.roadmap_id, s.created_at from public.portfolio_shares s
		where s.slug = public_portfolio.slug and s.revoked_at is null
	)
	select
		coalesce(nullif(p.display_name, ''), 'A Jalons learner'),
		s.roadmap_id,
		s.created_at,
		coalesce((select jsonb_agg(jsonb_build_object('item_id', e.item_id, 'url', e.url, 'note', e.note,
				'credential_id', e.credential_id, 'achieved_on', e.achieved_on::text, 'updated_at', e.updated_at)
				order by e.item_id)
			from public.portfolio_evidence e where e.user_id = s.user_id and e.roadmap_id = s.roadmap_id), '[]'),
		coalesce((select jsonb_agg(jsonb_build_object('module_id', m.module_id, 'status', m.status,
				'completed_at', m.completed_at))
			from public.module_progress m where m.user_id = s.user_id and m.status = 'completed'), '[]'),
		coalesce((select jsonb_agg(jsonb_build_object('module_id', b.module_id, 'best', b.best))
			from (select a.module_id, max(a.score / a.max_score) as best from public.quiz_attempts a
				where a.user_id = s.user_id group by a.module_id) b), '[]'),
		coalesce((select jsonb_agg(jsonb_build_object('module_id', a.module_id, 'results', a.results,
				'submitted_at', a.submitted_at))
			from public.quiz_attempts a where a.user_id = s.user_id), '[]')
	from s left join public.profiles p on p.id = s.user_id
$$;

revoke execute on function public.public_portfolio(text) from public;
grant execute on function public.public_portfolio(text) to anon, authenticated;
