-- A share link covers the modules of its roadmap and nothing else. public_portfolio() returned the
-- progress, best scores and per-question results of every module the learner ever took, to anyone
-- calling the database API with the slug. The database does not know the catalog, so the app passes
-- the roadmap's module ids when the learner shares, and they are stored with the share: the
-- learner's consent covers exactly those modules. The app passes them again (share_portfolio) when
-- the owner opens their portfolio and the roadmap has changed since. A visitor cannot widen the list:
-- public_portfolio() takes only the slug and reads the list from the share.
--
-- Links shared before this migration cover no module until their owner opens their portfolio once.
alter table public.portfolio_shares
	add column module_ids text[] not null default '{}'
	check (
		coalesce(array_ndims(module_ids), 1) = 1
		and cardinality(module_ids) <= 500
		and array_position(module_ids, null) is null
		and array_to_string(module_ids, ',') ~ '^([a-z0-9]+(-[a-z0-9]+)*(,[a-z0-9]+(-[a-z0-9]+)*)*)?$'
		and array_to_string(module_ids, ',') !~ '[^,]{81}'
	);

grant insert (module_ids), update (module_ids) on public.portfolio_shares to authenticated;

-- Beside "users revoke their own": an active link's module list may change, and it stays active.
-- Neither policy lets a revoked link be updated, so revoking stays final.
create policy "portfolio_shares: users rescope their active own"
	on public.portfolio_shares for update to authenticated
	using ((select auth.uid()) = user_id and revoked_at is null)
	with check ((select auth.uid()) = user_id and revoked_at is null);

-- module_ids: a JSON array of module ids, as PostgREST and the local drivers pass arrays. Stored
-- sorted and without repeats; an active link keeps its slug and takes the new list.
drop function public.share_portfolio(text);
create function public.share_portfolio(roadmap_id text, module_ids jsonb)
returns table (slug text, created_at timestamptz)
language sql security invoker set search_path = ''
as $$
	insert into public.portfolio_shares as s (user_id, roadmap_id, module_ids)
	values ((select auth.uid()), share_portfolio.roadmap_id,
		array(select m from jsonb_array_elements_text(share_portfolio.module_ids) m group by m order by m collate "C"))
	on conflict (user_id, roadmap_id) where revoked_at is null do update
		set module_ids = excluded.module_ids
		where s.module_ids is distinct from excluded.module_ids;
	select s.slug, s.created_at from public.portfolio_shares s
	where s.user_id = (select auth.uid()) and s.roadmap_id = share_portfolio.roadmap_id
		and s.revoked_at is null;
$$;

drop function public.my_shares();
create function public.my_shares()
returns table (slug text, roadmap_id text, created_at timestamptz, module_ids jsonb)
language sql stable security invoker set search_path = ''
as $$
	select s.slug, s.roadmap_id, s.created_at, to_jsonb(s.module_ids) from public.portfolio_shares s
	where s.user_id = (select auth.uid()) and s.revoked_at is null
	order by s.created_at
$$;

revoke execute on function public.share_portfolio(text, jsonb), public.my_shares() from public, anon;
grant execute on function public.share_portfolio(text, jsonb), public.my_shares() to authenticated;

-- As before, but progress, best scores and results only for the modules the share covers.
create or replace function public.public_portfolio(slug text)
returns table (
	display_name text, roadmap_id text, shared_at timestamptz,
	evidence jsonb, progress jsonb, best_scores jsonb, results jsonb
)
language sql stable security definer set search_path = ''
as $$
	with s as (
		select s.user_id, s.roadmap_id, s.created_at, s.module_ids from public.portfolio_shares s
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
			from public.module_progress m
			where m.user_id = s.user_id and m.status = 'completed' and m.module_id = any (s.module_ids)), '[]'),
		coalesce((select jsonb_agg(jsonb_build_object('module_id', b.module_id, 'best', b.best))
			from (select a.module_id, max(a.score / a.max_score) as best from public.quiz_attempts a
				where a.user_id = s.user_id and a.module_id = any (s.module_ids) group by a.module_id) b), '[]'),
		coalesce((select jsonb_agg(jsonb_build_object('module_id', a.module_id, 'results', a.results,
				'submitted_at', a.submitted_at))
			from public.quiz_attempts a where a.user_id = s.user_id and a.module_id = any (s.module_ids)), '[]')
	from s left join public.profiles p on p.id = s.user_id
$$;

revoke execute on function public.public_portfolio(text) from public;
grant execute on function public.public_portfolio(text) to anon, authenticated;
