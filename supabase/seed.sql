-- Demo data for local runs: a learner (demo@jalons.local / jalons-demo-2026) who follows the
-- Prompt Engineer roadmap and has done part of it. Loaded by `supabase start` (config.toml) and
-- by `npm run db:seed`. Never load it into a production database.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values (
	'00000000-0000-0000-0000-000000000000', '5eed0000-0000-4000-8000-000000000001', 'authenticated', 'authenticated',
	'demo@jalons.local', '$2b$10$EXRGC4SBEpaXGKXk7g94K..yQ2DdWRMmjlEgklWC/IpsPAlFt2VbS', now(),
	'{"provider":"email","providers":["email"]}', '{"display_name":"Demo Learner"}', now(), now()
)
on conflict (id) do nothing;

-- Supabase Auth signs in through an identity row; the local stand-in does not need one.
do $$
begin
	if to_regclass('auth.identities') is not null then
		execute $sql$
			insert into auth.identities (id, user_id, provider_id, identity_data, provider, created_at, updated_at)
			values (gen_random_uuid(), '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8000-000000000001',
				'{"sub":"5eed0000-0000-4000-8000-000000000001","email":"demo@jalons.local"}', 'email', now(), now())
			on conflict do nothing
		$sql$;
	end if;
end
$$;

insert into public.enrollments (user_id, roadmap_id, started_at)
values ('5eed0000-0000-4000-8000-000000000001', 'prompt-engineer', now() - interval '20 days')
on conflict do nothing;

insert into public.module_progress (user_id, module_id, status, started_at, completed_at, last_seen_at) values
	('5eed0000-0000-4000-8000-000000000001', 'nlp-fundamentals', 'completed', now() - interval '20 days', now() - interval '18 days', now() - interval '18 days'),
	('5eed0000-0000-4000-8000-000000000001', 'prompt-design-basics', 'completed', now() - interval '15 days', now() - interval '12 days', now() - interval '12 days'),
	('5eed0000-0000-4000-8000-000000000001', 'system-prompts-context', 'started', now() - interval '2 days', null, now() - interval '2 days')
on conflict do nothing;

-- A module is completed by passing its quiz: the two completed modules have their passed attempts.
insert into public.quiz_attempts (user_id, module_id, quiz_version, answers, results, score, max_score, passed, started_at, submitted_at, attempt_id) values
	('5eed0000-0000-4000-8000-000000000001', 'nlp-fundamentals', 'seed', '{}', '{}', 8, 9, true,
		now() - interval '18 days 10 minutes', now() - interval '18 days', '5eed00000000400080000000000000a1'),
	('5eed0000-0000-4000-8000-000000000001', 'prompt-design-basics', 'seed', '{}', '{}', 7, 8, true,
		now() - interval '12 days 10 minutes', now() - interval '12 days', '5eed00000000400080000000000000a2')
on conflict do nothing;

-- Evidence for an activity item of the portfolio checklist (it needs no module first).
insert into public.portfolio_evidence (user_id, roadmap_id, item_id, url, note, achieved_on)
values ('5eed0000-0000-4000-8000-000000000001', 'prompt-engineer', 'community',
	'https://example.org/meetups/prompt-testing', 'A lightning talk on regression test sets for prompts at a local AI meetup.',
	current_date - 10)
on conflict do nothing;
