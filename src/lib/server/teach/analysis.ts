// Item analysis of a module's quiz for the instructor pages: the first attempt of each learner
// (module_first_attempts, instructors only in SQL), reduced to the questions the quiz has now —
// marks for a question since removed do not count, and totals are over today's questions.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { dev } from '$app/environment';
import { m } from '$lib/paraglide/messages';
import { catalog } from '$lib/server/content';
import { call } from '$lib/server/rpc';
import { instructorOnly, isInstructor } from '$lib/server/teach/access';
import { itemAnalysis, type AttemptResults, type ItemAnalysis } from '$lib/teach/item-analysis';

/** Below this many learners no figure is shown: with fewer, a facility can reveal one learner's answers. */
export const MIN_LEARNERS = 5;

export type Analysis =
	| { state: 'not-instructor' }
	| { state: 'too-few'; learners: number }
	| { state: 'ready'; learners: number; analysis: ItemAnalysis };

/**
 * The analysis of a module's quiz, over every learner, or with `cohort` (`?cohort=<id>`) over the
 * first attempts of that cohort's current members only — for the cohort's own instructor (checked in
 * SQL by cohort_first_attempts; anyone else, and a module not in the cohort, gets a 404).
 */
export async function analysisOf(
	locals: App.Locals,
	moduleId: string,
	isDev = dev,
	cohort: string | null = null
) {
	await instructorOnly(locals, isDev);
	if (cohort !== null && !z.uuid().safeParse(cohort).success) error(404, 'Not Found');
	const module = catalog.modules.get(moduleId);
	const quiz = catalog.quizzes.get(moduleId);
	if (!module || !quiz) error(404, m.teach_no_quiz({ id: moduleId }));
	const base = { module: { id: module.id, title: module.title }, quiz };
	// In `npm run dev` anyone sees the page, but only an instructor's account reads attempts.
	if (!(await isInstructor(locals.db)))
		return { ...base, result: { state: 'not-instructor' } as Analysis };
	const rows = cohort
		? await call(locals.db!, 'cohort_first_attempts', {
				cohort_id: cohort,
				target_module: moduleId
			}).catch((e: { code?: string }) => {
				if (e?.code === '42501') error(404, 'Not Found');
				throw e;
			})
		: await call(locals.db!, 'module_first_attempts', { target_module: moduleId });
	const ids = new Set(quiz.questions.map((q) => q.id));
	const attempts: AttemptResults[] = [];
	for (const row of rows) {
		const results = (
			typeof row.results === 'string' ? JSON.parse(row.results) : row.results
		) as AttemptResults | null;
		const kept = Object.entries(results ?? {}).filter(
			([id, r]) => ids.has(id) && Number.isFinite(Number(r?.score)) && Number(r?.max) > 0
		);
		if (kept.length)
			attempts.push(
				Object.fromEntries(
					kept.map(([id, r]) => [id, { score: Number(r.score), max: Number(r.max) }])
				)
			);
	}
	const result: Analysis =
		attempts.length < MIN_LEARNERS
			? { state: 'too-few', learners: attempts.length }
			: {
					state: 'ready',
					learners: attempts.length,
					analysis: itemAnalysis(quiz.questions, attempts)
				};
	return { ...base, result };
}
