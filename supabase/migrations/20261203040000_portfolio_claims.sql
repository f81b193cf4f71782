-- Rubric claims: the criteria of a project's brief (courses/briefs/<roadmap>/<item>.yaml) that the
-- learner says their evidence meets. Self-assessed, and shown as such: nobody grades them. A claim
-- belongs to a piece of evidence and goes with it (removing the evidence removes its claims).
-- The database does not know the catalog: the app checks criterion ids against the brief before
-- saving, and shows only the ids the brief still has, so an id stored by any other way is inert.
create table public.portfolio_claims (
	user_id uuid not null default auth.uid(),
	roadmap_id text not null,
	item_id text not null,
	criterion_id text not null check (criterion_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(criterion_id) <= 60),
	claimed_at timestamptz not null default now(),
	primary key (user_id, roadmap_id, item_id, criterion_id),
	foreign key (user_id, roadmap_id, item_id)
		references public.portfolio_evidence (user_id, roadmap_id, item_id) on delete cascade
);

alter table public.portfolio_claims enable row level security;

revoke all on public.portfolio_claims from anon, authenticated;
grant select, delete, insert (user_id, roadmap_id, item_id, criterion_id)
	on public.portfolio_claims to authenticated;
grant all on public.portfolio_claims to service_role;

create policy "portfolio_claims: users read their own"
	on public.portfolio_claims for select to authenticated
	using ((select auth.uid()) = user_id);
create policy "portfolio_claims: users claim for their own evidence"
	on public.portfolio_claims for insert to authenticated
	with check ((select auth.uid()) = user_id);
create policy "portfolio_claims: users withdraw their own"
	on public.portfolio_claims for delete to authenticated
	using ((select auth.uid()) = user_id);

create function public.my_claims(only_roadmap text)
returns table (roadmap_id text, item_id text, criterion_id text)
language sql stable security invoker set search_path = ''
as $$
	select c.roadmap_id, c.item_id, c.criterion_id from public.portfolio_claims c
	where c.user_id = (select auth.uid())
		and (my_claims.only_roadmap is null or c.roadmap_id = my_claims.only_roadmap)
	order by c.roadmap_id, c.item_id, c.criterion_id
$$;

-- The claims of one piece of evidence become exactly `criterion_ids` (a JSON array of ids; at most
-- 6, a rubric's size). Needs the evidence to exist: otherwise the foreign key refuses (23503).
create function public.save_claims(roadmap_id text, item_id text, criterion_ids jsonb)
returns table (criterion_id text)
language plpgsql security invoker set search_path = ''
as $$
begin
	if jsonb_typeof(save_claims.criterion_ids) is distinct from 'array'
		or jsonb_array_length(save_claims.criterion_ids) > 6 then
		raise exception 'criterion_ids is an array of at most 6 ids' using errcode = '22023';
	end if;
	delete from public.portfolio_claims c
	where c.user_id = (select auth.uid()) and c.roadmap_id = save_claims.roadmap_id
		and c.item_id = save_claims.item_id
		and not (to_jsonb(c.criterion_id) <@ save_claims.criterion_ids);
	insert into public.portfolio_claims as c (user_id, roadmap_id, item_id, criterion_id)
	select (select auth.uid()), save_claims.roadmap_id, save_claims.item_id, x
	from jsonb_array_elements_text(save_claims.criterion_ids) x
	on conflict on constraint portfolio_claims_pkey do nothing;
	return query select c.criterion_id from public.portfolio_claims c
		where c.user_id = (select auth.uid()) and c.roadmap_id = save_claims.roadmap_id
			and c.item_id = save_claims.item_id
		order by c.criterion_id;
end;
$$;

revoke execute on function public.my_claims(text), public.save_claims(text, text, jsonb) from public, anon;
grant execute on function public.my_claims(text), public.save_claims(text, text, jsonb) to authenticated;

-- The public page's claims, beside public_portfolio() and with the same rule: for an active slug,
-- the claims on the evidence of the shared roadmap; nothing for an unknown or revoked slug.
create function public.public_portfolio_claims(slug text)
returns table (item_id text, criterion_id text)
language sql stable security definer set search_path = ''
as $$
	select c.item_id, c.criterion_id
	from public.portfolio_shares s
	join public.portfolio_claims c on c.user_id = s.user_id and c.roadmap_id = s.roadmap_id
	where s.slug = public_portfolio_claims.slug and s.revoked_at is null
	order by c.item_id, c.criterion_id
$$;

revoke execute on function public.public_portfolio_claims(text) from public;
grant execute on function public.public_portfolio_claims(text) to anon, authenticated;
