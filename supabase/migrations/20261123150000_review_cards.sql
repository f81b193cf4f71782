-- Spaced review: one card per answered question, scheduled with FSRS by the server from graded
-- answers. Learners read their own cards; only service_role writes them (schedule_reviews), as with
-- attempts, so a schedule always reflects answers the server graded.
create table public.review_cards (
	user_id uuid not null references auth.users (id) on delete cascade,
	module_id text not null check (module_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(module_id) <= 80),
	question_id text not null check (question_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(question_id) <= 80),
	card jsonb not null,
	due timestamptz not null,
	updated_at timestamptz not null default now(),
	primary key (user_id, module_id, question_id)
);

create index review_cards_due on public.review_cards (user_id, due);

alter table public.review_cards enable row level security;

revoke all on public.review_cards from anon, authenticated;
grant select on public.review_cards to authenticated;
grant all on public.review_cards to service_role;

create policy "review_cards: users read their own"
	on public.review_cards for select to authenticated
	using ((select auth.uid()) = user_id);

create function public.my_review_cards(module_id text)
returns table (question_id text, card jsonb, due timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select c.question_id, c.card, c.due from public.review_cards c
	where c.user_id = (select auth.uid()) and c.module_id = my_review_cards.module_id
$$;

-- "Due" includes the next ten minutes: FSRS's learning steps bring a missed question back in a
-- minute or so, and a learner who opens the review now should get it now.
create function public.my_due_reviews(max_cards integer)
returns table (module_id text, question_id text, card jsonb, due timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select c.module_id, c.question_id, c.card, c.due from public.review_cards c
	where c.user_id = (select auth.uid()) and c.due <= now() + interval '10 minutes'
	order by c.due
	limit least(greatest(max_cards, 1), 100)
$$;

create function public.my_review_count()
returns table (due integer)
language sql stable security invoker set search_path = ''
as $$
	select count(*)::integer from public.review_cards c
	where c.user_id = (select auth.uid()) and c.due <= now() + interval '10 minutes'
$$;

revoke execute on function public.my_review_cards(text), public.my_due_reviews(integer), public.my_review_count() from public, anon;
grant execute on function public.my_review_cards(text), public.my_due_reviews(integer), public.my_review_count() to authenticated;

-- cards: [{"module_id": …, "question_id": …, "card": {…}, "due": "…"}]
create function public.schedule_reviews(user_id uuid, cards jsonb)
returns table (scheduled integer)
language sql security definer set search_path = ''
as $$
	with upserted as (
		insert into public.review_cards as c (user_id, module_id, question_id, card, due)
		select schedule_reviews.user_id, x.module_id, x.question_id, x.card, x.due
		from jsonb_to_recordset(schedule_reviews.cards) as x (module_id text, question_id text, card jsonb, due timestamptz)
		on conflict on constraint review_cards_pkey do update
			set card = excluded.card, due = excluded.due, updated_at = now()
		returning 1
	)
	select count(*)::integer from upserted
$$;

revoke execute on function public.schedule_reviews(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.schedule_reviews(uuid, jsonb) to service_role;
