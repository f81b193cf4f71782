-- The share slug is made by the column's default expression itself, no longer by
-- public.new_share_slug(): every function in public is an endpoint of the Data API, and that one had
-- to stay executable by every learner, since a default runs with the rights of the role inserting.
-- Same 192 random bits (two v4 UUIDs cut to 24 bytes), same URL-safe base64 alphabet.
alter table public.portfolio_shares alter column slug set default translate(encode(substring(
	decode(replace(gen_random_uuid()::text, '-', ''), 'hex') || decode(replace(gen_random_uuid()::text, '-', ''), 'hex')
	from 1 for 24), 'base64'), '+/', '-_');

drop function public.new_share_slug();
