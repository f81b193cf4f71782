import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { catalog } from '$lib/server/content';
import {
	cohortIdSchema,
	dashboard,
	instructorDb,
	joinLink,
	moduleTitle,
	ownCohort,
	removeMember,
	roadmapTitle,
	rotateCode
} from '$lib/server/teach/cohorts';
import { AT_RISK_IDLE_DAYS, AT_RISK_READINESS } from '$lib/teach/cohorts';

export async function load({ params, locals }) {
	const db = await instructorDb(locals);
	const { cohort, members } = await dashboard(db, params.id);
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			roadmaps: cohort.roadmaps.map(roadmapTitle)
		},
		modules: cohort.modules.map((id) => ({
			id,
			title: moduleTitle(id),
			hasQuiz: catalog.quizzes.has(id)
		})),
		members: members.map((member) => ({
			...member,
			joinedAt: member.joinedAt.toISOString().slice(0, 10),
			lastActivity: member.lastActivity ? member.lastActivity.toISOString().slice(0, 10) : null
		})),
		rule: { readiness: AT_RISK_READINESS * 100, days: AT_RISK_IDLE_DAYS }
	};
}

export const actions = {
	rotate: async ({ params, locals, url }) => {
		const db = await instructorDb(locals);
		await ownCohort(db, params.id);
		return { rotated: { link: joinLink(url.origin, await rotateCode(db, params.id)) } };
	},
	remove: async ({ params, request, locals }) => {
		const db = await instructorDb(locals);
		await ownCohort(db, params.id);
		const member = cohortIdSchema.safeParse((await request.formData()).get('member'));
		if (!member.success)
			return fail(400, { remove: { error: m.teach_cohort_error_choose_member() } });
		const gone = await removeMember(db, params.id, member.data);
		if (gone.length === 0)
			return fail(400, { remove: { error: m.teach_cohort_error_not_member() } });
		return { removed: true };
	}
};
