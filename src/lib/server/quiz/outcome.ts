// What a quiz result leads to: on a pass, what the module counts toward and the next module of the
// learner's roadmap; on a miss, the lesson sections to revisit. From the catalog only: no keys.
import type { QuestionResult } from '$lib/quiz/result';
import { catalog, roadmapModules, tableOfContents } from '../content';

/** The roadmap a quiz is taken in: the one asked for, else the first followed one, else the first. */
export function roadmapFor(moduleId: string, wanted: unknown, followed: string[]): string | null {
	const holding = catalog.roadmapsByModule.get(moduleId) ?? [];
	if (typeof wanted === 'string' && holding.includes(wanted)) return wanted;
	return followed.find((r) => holding.includes(r)) ?? holding[0] ?? null;
}

export interface RoadmapContext {
	id: string;
	title: string;
	next: { id: string; title: string } | null;
	/** Portfolio items of the roadmap this module counts toward. */
	items: { id: string; title: string; kind: string }[];
}

export function roadmapContext(moduleId: string, roadmapId: string | null): RoadmapContext | null {
	const roadmap = roadmapId ? catalog.roadmaps.get(roadmapId) : undefined;
	if (!roadmap) return null;
	const order = roadmapModules(roadmap.id);
	const nextId = order[order.indexOf(moduleId) + 1];
	const phase = roadmap.phases.find((p) => p.modules.includes(moduleId))?.id;
	return {
		id: roadmap.id,
		title: roadmap.title,
		next: nextId ? { id: nextId, title: catalog.modules.get(nextId)?.title ?? nextId } : null,
		items: roadmap.portfolio
			.filter((i) => i.requires.includes(moduleId) || (i.kind === 'phase' && i.phase === phase))
			.map((i) => ({ id: i.id, title: i.title, kind: i.kind }))
	};
}

/** The lesson sections behind the missed questions, in lesson order; `lesson` when one had none. */
export function revisit(moduleId: string, results: QuestionResult[]) {
	const missed = results.filter((r) => !r.correct);
	const wanted = new Set(missed.flatMap((r) => (r.section ? [r.section] : [])));
	const sections = tableOfContents(moduleId)
		.filter((h) => wanted.has(h.id))
		.map((h) => ({ id: h.id, text: h.text }));
	const lesson = missed.some((r) => !r.section || !sections.some((s) => s.id === r.section));
	return { sections, lesson };
}
