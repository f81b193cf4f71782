import { fail } from '@sveltejs/kit';
import { roadmapProgress } from '$lib/progress';
import { fieldErrors, type FieldErrors } from '$lib/server/auth/validation';
import { catalog, roadmapModules } from '$lib/server/content';
import { myActivity, setWeeklyGoal, weeklyGoalSchema } from '$lib/server/dashboard';
import { myMastery } from '$lib/server/mastery';
import { myPortfolios } from '$lib/server/portfolio';
import { learnerState, myProfile } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { dueCount } from '$lib/server/review';
import { continueWith, tally } from '$lib/progress';

export async function load({ locals, url }) {
	const roadmaps = [...catalog.roadmaps.values()].map((r) => ({
		id: r.id,
		title: r.title,
		summary: r.summary,
		phases: r.phases.map((p) => ({
			id: p.id,
			title: p.title,
			months: p.months,
			hours: p.hours,
			modules: p.modules.length,
			minutes: p.modules.reduce((n, m) => n + (catalog.modules.get(m)?.minutes ?? 0), 0)
		}))
	}));
	let learner = null;
	if (locals.db) {
		const db = locals.db;
		const { progress, enrollments, statuses } = await learnerState(db);
		const followed = enrollments.filter((e) => catalog.roadmaps.has(e.roadmap_id));
		const next = continueWith(
			progress,
			followed.map((e) => ({ modules: roadmapModules(e.roadmap_id) })),
			statuses,
			(id) => catalog.modules.has(id)
		);
		const [profile, activity, due, mastery, portfolios] = await Promise.all([
			myProfile(db),
			myActivity(db, progress, (id) => catalog.modules.get(id)?.minutes ?? 0),
			dueCount(db),
			myMastery(db),
			myPortfolios(
				db,
				followed.map((e) => catalog.roadmaps.get(e.roadmap_id)!)
			)
		]);
		const readiness = new Map(portfolios.map((p) => [p.roadmap.id, p.view.readiness]));
		learner = {
			name: profile?.display_name ?? '',
			returning: progress.length > 0 || activity.map.activeDays > 0,
			goal: profile?.weekly_goal_hours ?? null,
			activity,
			due,
			continueWith: next ? { id: next, title: catalog.modules.get(next)!.title } : null,
			followed: followed.map((e) => {
				const r = catalog.roadmaps.get(e.roadmap_id)!;
				const p = roadmapProgress(r.phases, statuses);
				return {
					id: r.id,
					title: r.title,
					tally: tally(roadmapModules(r.id), statuses),
					next: p.next ? { id: p.next, title: catalog.modules.get(p.next)?.title ?? p.next } : null,
					readiness: readiness.get(r.id) ?? null,
					phases: roadmaps.find((x) => x.id === r.id)!.phases
				};
			}),
			mastery: Object.entries(mastery)
				.filter(([, m]) => m.answered > 0)
				.map(([id, m]) => ({ id, title: catalog.competencies.get(id)?.title ?? id, mastery: m })),
			completed: progress.filter(
				(p) => p.status === 'completed' && catalog.modules.has(p.module_id)
			).length
		};
	}
	return {
		roadmaps,
		moduleCount: catalog.modules.size,
		competencyCount: catalog.competencies.size,
		learner,
		deleted: url.searchParams.has('deleted')
	};
}

export const actions = {
	/** The learner's weekly study goal, in hours; empty clears it. */
	goal: async ({ request, locals, url }) => {
		const { db } = signedIn(locals, url);
		const form = Object.fromEntries(await request.formData());
		const parsed = weeklyGoalSchema.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				goal: { value: String(form.weekly_goal_hours ?? ''), errors: fieldErrors(parsed.error) }
			});
		await setWeeklyGoal(db, parsed.data.weekly_goal_hours);
		return {
			goal: {
				value: String(parsed.data.weekly_goal_hours ?? ''),
				errors: {} as FieldErrors,
				saved: true
			}
		};
	}
};
