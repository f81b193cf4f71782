import { localHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { myProfile, myProgress } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { call } from '$lib/server/rpc';
import {
	codeSchema,
	joinCohort,
	moduleTitle,
	preview,
	roadmapTitle
} from '$lib/server/teach/cohorts';
import { cellOf } from '$lib/teach/cohorts';

async function cohortOf(db: App.Locals['db'] & object, code: string) {
	if (!codeSchema.safeParse(code).success) error(404, m.account_join_not_valid());
	const cohort = await preview(db, code);
	if (!cohort) error(404, m.account_join_not_valid());
	return cohort;
}

export async function load({ params, locals, url }) {
	const { user, db } = signedIn(locals, url);
	const cohort = await cohortOf(db, params.code);
	const [profile, progress, best] = await Promise.all([
		myProfile(db),
		myProgress(db),
		call(db, 'my_best_scores')
	]);
	const rows = new Map(progress.map((p) => [p.module_id, p]));
	const scores = new Map(best.map((b) => [b.module_id, b.best]));
	return {
		cohort: {
			name: cohort.name,
			instructor: cohort.instructor,
			roadmaps: cohort.roadmaps.map(roadmapTitle),
			isMember: cohort.isMember,
			isInstructor: cohort.isInstructor
		},
		me: { name: profile?.display_name ?? '', email: user.email },
		// Exactly what the instructor will see: the same cells their dashboard shows.
		modules: cohort.modules.map((id) => {
			const p = rows.get(id);
			return {
				id,
				title: moduleTitle(id),
				...cellOf({
					user_id: '',
					module_id: id,
					read_at: p?.read_at ?? null,
					completed_at: p?.completed_at ?? null,
					best: scores.get(id) ?? null
				})
			};
		})
	};
}

export const actions = {
	join: async ({ params, request, locals, url }) => {
		const { db } = signedIn(locals, url);
		const cohort = await cohortOf(db, params.code);
		if (cohort.isInstructor) error(400, m.account_join_is_instructor_error());
		const share = (await request.formData()).get('share_email') === 'yes';
		await joinCohort(db, params.code, share);
		redirect(303, localHref('/account?joined=1#cohorts'));
	},
	decline: async ({ params, locals, url }) => {
		const { db } = signedIn(locals, url);
		await cohortOf(db, params.code);
		redirect(303, localHref('/'));
	}
};
