-- What a learner says about themselves on their shared portfolio: a one-line headline, a short bio
-- and up to three links (GitHub, LinkedIn, a personal site). A table of its own, one row per
-- learner, written by its owner only; visitors read it through public_profile(slug), which applies
-- the same sharing checks as public_portfolio(): an active (not revoked) slug, nothing else.
--
-- Links are http(s) only, without credentials (no `user:password@` before the host): the app
-- checks them with zod, and these checks refuse them again for any caller of the database API.
create table public.portfolio_profiles (
	user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
	headline text not null default '' check (char_length(headline) <= 120 and headline !~ '[\r\n]'),
	bio text not null default '' check (char_length(bio) <= 600),
	github_url text check (github_url is null or (
		github_url ~* '^https?://(www\.)?github\.com(/[^\s]*)?$' and char_length(github_url) <= 300)),
	linkedin_url text check (linkedin_url is null or (
		linkedin_url ~* '^https?://([a-z0-9-]+\.)?linkedin\.com(/[^\s]*)?$' and char_length(linkedin_url) <= 300)),
	website_url text check (website_url is null or (
		website_url ~* '^https?://[^\s/?#@]+([/?#][^\s]*)?$' and char_length(website_url) <= 300)),
	updated_at timestamptz not null default now()
);

alter table public.portfolio_profiles enable row level security;

revoke all on public.portfolio_profiles from anon, authenticated;
grant select, delete,
	insert (user_id, headline, bio, github_url, linkedin_url, website_url),
	update (headline, bio, github_url, linkedin_url, website_url, updated_at)
	on public.portfolio_profiles to authenticated;
grant all on public.portfolio_profiles to service_role;

create policy "portfolio_profiles: users read their own"
	on public.portfolio_profiles for select to authenticated
	using ((select auth.uid()) = user_id);
create policy "portfolio_profiles: users add their own"
	on public.portfolio_profiles for insert to authenticated
	with check ((select auth.uid()) = user_id);
create policy "portfolio_profiles: users change their own"
	on public.portfolio_profiles for update to authenticated
	using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "portfolio_profiles: users remove their own"
	on public.portfolio_profiles for delete to authenticated
	using ((select auth.uid()) = user_id);

-- The learner's own (security invoker: RLS applies).
create function public.my_portfolio_profile()
returns table (headline text, bio text, github_url text, linkedin_url text, website_url text)
language sql stable security invoker set search_path = ''
as $$
	select p.headline, p.bio, p.github_url, p.linkedin_url, p.website_url
	from public.portfolio_profiles p where p.user_id = (select auth.uid())
$$;

create function public.save_portfolio_profile(
	headline text, bio text, github_url text, linkedin_url text, website_url text
)
returns table (headline text, bio text, github_url text, linkedin_url text, website_url text)
language sql security invoker set search_path = ''
as $$
	insert into public.portfolio_profiles as p (user_id, headline, bio, github_url, linkedin_url, website_url)
	values ((select auth.uid()), coalesce(save_portfolio_profile.headline, ''), coalesce(save_portfolio_profile.bio, ''),
		save_portfolio_profile.github_url, save_portfolio_profile.linkedin_url, save_portfolio_profile.website_url)
	on conflict (user_id) do update
		set headline = excluded.headline, bio = excluded.bio, github_url = excluded.github_url,
			linkedin_url = excluded.linkedin_url, website_url = excluded.website_url, updated_at = now()
	returning p.headline, p.bio, p.github_url, p.linkedin_url, p.website_url
$$;

revoke execute on function public.my_portfolio_profile(),
	public.save_portfolio_profile(text, text, text, text, text) from public, anon;
grant execute on function public.my_portfolio_profile(),
	public.save_portfolio_profile(text, text, text, text, text) to authenticated;

-- For visitors: the profile of the learner behind an active slug (one row, empty fields when they
-- wrote none); no row for an unknown or revoked slug, as public_portfolio().
create function public.public_profile(slug text)
returns table (headline text, bio text, github_url text, linkedin_url text, website_url text)
language sql stable security definer set search_path = ''
as $$
	select coalesce(p.headline, ''), coalesce(p.bio, ''), p.github_url, p.linkedin_url, p.website_url
	from public.portfolio_shares s left join public.portfolio_profiles p on p.user_id = s.user_id
	where s.slug = public_profile.slug and s.revoked_at is null
$$;

revoke execute on function public.public_profile(text) from public;
grant execute on function public.public_profile(text) to anon, authenticated;
