-- What is coming in review: cards due per day over the next days, and when the next card falls due.
-- Days are UTC dates as YYYY-MM-DD text (the server knows no learner's time zone; text, so that no
-- driver shifts them); cards already due count on the first day. Security invoker: the policy "review_cards: users read their own" applies, and the learner
-- filter is explicit as well.
create function public.my_review_forecast(days integer)
returns table (day text, cards integer)
language sql stable security invoker set search_path = ''
as $$
	with span as (
		select (now() at time zone 'utc')::date as today,
			least(greatest(my_review_forecast.days, 1), 31) as n
	)
	select to_char(d.day, 'YYYY-MM-DD'), count(c.due)::integer
	from span
	cross join lateral generate_series(span.today::timestamp, (span.today + span.n - 1)::timestamp, interval '1 day') as d (day)
	left join public.review_cards c
		on c.user_id = (select auth.uid())
		and greatest((c.due at time zone 'utc')::date, span.today) = d.day::date
	group by d.day
	order by d.day
$$;

-- The first card not yet due (due counts the next ten minutes, as in my_due_reviews()).
create function public.my_next_review()
returns table (due timestamptz)
language sql stable security invoker set search_path = ''
as $$
	select min(c.due) from public.review_cards c
	where c.user_id = (select auth.uid()) and c.due > now() + interval '10 minutes'
$$;

revoke execute on function public.my_review_forecast(integer), public.my_next_review() from public, anon;
grant execute on function public.my_review_forecast(integer), public.my_next_review() to authenticated;
