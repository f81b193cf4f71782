-- The learner's dashboard: a weekly study goal on the profile, and activity per day.

-- A weekly goal in whole hours, 1 to 40, or none. The learner sets their own, like the display name.
alter table public.profiles
	add column weekly_goal_hours smallint check (weekly_goal_hours between 1 and 40);
grant update (weekly_goal_hours) on public.profiles to authenticated;

drop function public.my_profile();
create function public.my_profile()
returns table (id uuid, display_name text, role public.user_role, created_at timestamptz, weekly_goal_hours smallint)
language sql stable security invoker set search_path = ''
as $$
	select p.id, p.display_name, p.role, p.created_at, p.weekly_goal_hours
	from public.profiles p where p.id = (select auth.uid())
$$;

-- null clears the goal.
create function public.set_weekly_goal(hours integer)
returns setof public.profiles
language plpgsql security invoker set search_path = ''
as $$
begin
	if set_weekly_goal.hours is not null and set_weekly_goal.hours not between 1 and 40 then
		raise exception 'a weekly goal is 1 to 40 hours' using errcode = '22023';
	end if;
	return query
	update public.profiles p set weekly_goal_hours = set_weekly_goal.hours
	where p.id = (select auth.uid())
	returning p.*;
end;
$$;

-- What the learner did, per day since `since` (a date in time zone `tz`): quizzes submitted,
-- modules read, modules passed (completed), and cards reviewed. A module counts on the day it was
-- last marked read and the day it was passed; a review card on the day of its last review (the
-- card's update made with an attempt's submission is that attempt, not a review). Security
-- invoker: RLS gives each learner their own rows only. Days (YYYY-MM-DD) with nothing are left out.
create function public.my_activity(since date, tz text)
returns table (day text, quizzes integer, modules_read integer, modules_passed integer, reviews integer)
language sql stable security invoker set search_path = ''
as $$
	with me as (select (select auth.uid()) as id),
	events as (
		select (a.submitted_at at time zone my_activity.tz)::date as day, 'quiz' as kind
		from public.quiz_attempts a, me where a.user_id = me.id
		union all
		select (p.read_at at time zone my_activity.tz)::date, 'read'
		from public.module_progress p, me where p.user_id = me.id and p.read_at is not null
		union all
		select (p.completed_at at time zone my_activity.tz)::date, 'passed'
		from public.module_progress p, me where p.user_id = me.id and p.completed_at is not null
		union all
		select (c.updated_at at time zone my_activity.tz)::date, 'review'
		from public.review_cards c, me
		where c.user_id = me.id and not exists (
			select 1 from public.quiz_attempts a
			where a.user_id = c.user_id and a.module_id = c.module_id and a.submitted_at = c.updated_at
		)
	)
	select to_char(e.day, 'YYYY-MM-DD'),
		(count(*) filter (where e.kind = 'quiz'))::integer,
		(count(*) filter (where e.kind = 'read'))::integer,
		(count(*) filter (where e.kind = 'passed'))::integer,
		(count(*) filter (where e.kind = 'review'))::integer
	from events e
	where e.day >= my_activity.since
	group by e.day
	order by e.day
$$;

revoke execute on function public.my_profile(), public.set_weekly_goal(integer), public.my_activity(date, text) from public, anon;
grant execute on function public.my_profile(), public.set_weekly_goal(integer), public.my_activity(date, text) to authenticated;
