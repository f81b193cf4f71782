import { error, fail } from '@sveltejs/kit';
import { catalog, competencyTitle, roadmapModules, tableOfContents } from '$lib/server/content';
import { roadmapContext } from '$lib/content/context';
import { outline } from '$lib/content/toc';
import { lessonHtml } from '$lib/server/content/lessons';
import { markRead, myEnrollments, startModule } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { quizFacts } from '$lib/quiz/estimate';
import { m } from '$lib/paraglide/messages';

export async function load({ params, locals, url }) {
	const mod = catalog.modules.get(params.id);
	if (!mod) error(404, m.catalog_module_not_found({ id: params.id }));
	const link = (id: string) => ({ id, title: catalog.modules.get(id)?.title ?? id });
	// One roadmap gives the page its context and its previous/next; the others are listed beside.
	const followed = locals.db
		? new Set((await myEnrollments(locals.db)).map((e) => e.roadmap_id))
		: new Set<string>();
	const { current, others } = roadmapContext(
		catalog.roadmapsByModule.get(mod.id) ?? [],
		url.searchParams.get('from'),
		followed
	);
	const roadmap = current
		? (() => {
				const order = roadmapModules(current);
				const i = order.indexOf(mod.id);
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
		? ((await startModule(locals.db, mod.id))[0] as {
				status: 'started' | 'completed';
				read_at: string | Date | null;
			})
		: null;
	return {
		// Lessons with components (they import them in a <script>) get them brought to life in the browser.
		interactive: /^\s*<script[\s>]/m.test(mod.body),
		lessonHtml: lessonHtml(mod.file, mod.id),
		status: progress?.status ?? null,
		read: Boolean(progress?.read_at),
		signedIn: Boolean(locals.user),
		module: {
			id: mod.id,
			title: mod.title,
			summary: mod.summary,
			level: mod.level,
			minutes: mod.minutes,
			updated: mod.updated,
			file: mod.file
		},
		competencies: mod.competencies.map((id) => ({ id, title: competencyTitle(id) })),
		prerequisites: mod.prerequisites.map(link),
		dependents: (catalog.dependents.get(mod.id) ?? []).map(link),
		toc: outline(tableOfContents(mod.id)),
		// Shown in English on a French page for want of a translation: the page says so.
		fallback: catalog.fallbacks.has(`module:${mod.id}`),
		// How many questions, the pass mark and about how long: no question of it.
		quiz: catalog.quizzes.has(mod.id) ? quizFacts(catalog.quizzes.get(mod.id)!) : null,
		roadmap,
		otherRoadmaps: others.map((id) => ({ id, title: catalog.roadmaps.get(id)!.title }))
	};
}

export const actions = {
	/** Reading is recorded apart: only passing the quiz completes a module. */
	read: async ({ params, locals, url }) => {
		const { db } = signedIn(locals, url);
		if (!catalog.modules.has(params.id)) return fail(404, { message: m.catalog_module_unknown() });
		await markRead(db, params.id);
		return { read: true };
	}
};
