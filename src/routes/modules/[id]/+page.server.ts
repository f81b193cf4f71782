import { error, fail } from '@sveltejs/kit';
import { catalog, competencyTitle, roadmapModules, tableOfContents } from '$lib/server/content';
import { roadmapContext } from '$lib/content/context';
import { outline } from '$lib/content/toc';
import { lessonHtml } from '$lib/server/content/lessons';
import { markRead, myEnrollments, startModule } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { quizFacts } from '$lib/quiz/estimate';

export async function load({ params, locals, url }) {
	const m = catalog.modules.get(params.id);
	if (!m) error(404, `There is no module "${params.id}".`);
	const link = (id: string) => ({ id, title: catalog.modules.get(id)?.title ?? id });
	// One roadmap gives the page its context and its previous/next; the others are listed beside.
	const followed = locals.db
		? new Set((await myEnrollments(locals.db)).map((e) => e.roadmap_id))
		: new Set<string>();
	const { current, others } = roadmapContext(
		catalog.roadmapsByModule.get(m.id) ?? [],
		url.searchParams.get('from'),
		followed
	);
	const roadmap = current
		? (() => {
				const order = roadmapModules(current);
				const i = order.indexOf(m.id);
				return {
					id: current,
					title: catalog.roadmaps.get(current)!.title,
					followed: followed.has(current),
					position: i + 1,
					total: order.length,
					previous: i > 0 ? link(order[i - 1]!) : null,
					next: i < order.length - 1 ? link(order[i + 1]!) : null
				};
			})()
		: null;
	// Opening a module as a signed-in learner marks it started (or seen again).
	const progress = locals.db
		? ((await startModule(locals.db, m.id))[0] as {
				status: 'started' | 'completed';
				read_at: string | Date | null;
			})
		: null;
	return {
		// Lessons with components (they import them in a <script>) get them brought to life in the browser.
		interactive: /^\s*<script[\s>]/m.test(m.body),
		lessonHtml: lessonHtml(m.file, m.id),
		status: progress?.status ?? null,
		read: Boolean(progress?.read_at),
		signedIn: Boolean(locals.user),
		module: {
			id: m.id,
			title: m.title,
			summary: m.summary,
			level: m.level,
			minutes: m.minutes,
			updated: m.updated,
			file: m.file
		},
		competencies: m.competencies.map((id) => ({ id, title: competencyTitle(id) })),
		prerequisites: m.prerequisites.map(link),
		dependents: (catalog.dependents.get(m.id) ?? []).map(link),
		toc: outline(tableOfContents(m.id)),
		// How many questions, the pass mark and about how long: no question of it.
		quiz: catalog.quizzes.has(m.id) ? quizFacts(catalog.quizzes.get(m.id)!) : null,
		roadmap,
		otherRoadmaps: others.map((id) => ({ id, title: catalog.roadmaps.get(id)!.title }))
	};
}

export const actions = {
	/** Reading is recorded apart: only passing the quiz completes a module. */
	read: async ({ params, locals, url }) => {
		const { db } = signedIn(locals, url);
		if (!catalog.modules.has(params.id)) return fail(404, { message: 'Unknown module.' });
		await markRead(db, params.id);
		return { read: true };
	}
};
