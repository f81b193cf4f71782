import { COMPETENCIES_FILE, type CheckContext } from './context';

/** Warnings, not errors: a module in no roadmap, a competency no module teaches. */
export function checkCoverage(ctx: CheckContext) {
	for (const [mid, lesson] of ctx.lessons)
		if (!ctx.placed.has(mid))
			ctx.warn(
				lesson.file,
				2,
				`module "${mid}" is in no roadmap: add it to a phase of a roadmap in courses/roadmaps/`
			);
	for (const cid of ctx.catalog.competencies.keys())
		if (!ctx.taught.has(cid))
			ctx.warn(
				COMPETENCIES_FILE,
				ctx.competencyLines.get(cid) ?? 1,
				`competency "${cid}" is taught by no module`
			);
}
