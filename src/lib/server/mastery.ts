import { catalog } from './content';
import type { UserDb } from './db/types';
import { call } from './rpc';
import { mastery, type AttemptResults, type Mastery, type QuestionTags } from '$lib/quiz/mastery';

// Every question of the catalog with its competencies (its own, else its module's).
const tags: QuestionTags = new Map(
	[...catalog.quizzes].flatMap(([moduleId, quiz]) =>
		quiz.questions.map(
			(q) =>
				[
					`${moduleId}/${q.id}`,
					q.competencies ?? catalog.modules.get(moduleId)!.competencies
				] as const
		)
	)
);

/** Mastery per competency from attempt results (the learner's own, or a shared portfolio's). */
export const masteryOf = (rows: AttemptResults[]): Record<string, Mastery> =>
	Object.fromEntries(mastery(rows, tags));

export async function myMastery(db: UserDb): Promise<Record<string, Mastery>> {
	// results is jsonb: question id → { score, max }, as submit_attempt() stored it.
	return masteryOf((await call(db, 'my_attempt_results')) as AttemptResults[]);
}
