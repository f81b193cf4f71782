import { checkReviewed } from '../reviewed';
import type { Check } from './context';
import type { YamlSource } from '../yaml';

/** Warns about modules whose `reviewed` date is over 12 months old, or in the future (../reviewed.ts). */
export const checkReviewDates: Check = (ctx) => {
	const sources = new Map<string, YamlSource>();
	for (const [id, lesson] of ctx.lessons) if (lesson.source) sources.set(id, lesson.source);
	ctx.problems.push(...checkReviewed(ctx.catalog.modules.values(), sources, ctx.today));
};
