import { findCycles } from '../graph';
import { didYouMean } from '../problems';
import { COMPETENCIES_FILE, push, type CheckContext } from './context';

/** What each lesson refers to: competencies and prerequisites that exist, and no cycle. */
export function checkReferences(ctx: CheckContext) {
	const { catalog, lessons } = ctx;
	const moduleIds = [...lessons.keys()];
	const competencyIds = ctx.competencyIds;
	for (const [mid, lesson] of lessons) {
		const line = (path: PropertyKey[]) => lesson.source?.lineOf(path) ?? 1;
		const indexed = catalog.modules.has(mid);
		lesson.fields.competencies?.forEach((c, i) => {
			ctx.taught.add(c);
			// Competencies that could not be read at all are not held against the modules.
			if (!competencyIds) return;
			if (!competencyIds.has(c))
				ctx.error(
					lesson.file,
					line(['competencies', i]),
					`competencies[${i}]: unknown competency "${c}"${didYouMean(c, competencyIds)} (competencies are defined in ${COMPETENCIES_FILE})`
				);
			else if (indexed && catalog.competencies.has(c)) push(catalog.modulesByCompetency, c, mid);
		});
		lesson.fields.prerequisites?.forEach((p, i) => {
			const at = line(['prerequisites', i]);
			if (p === mid)
				ctx.error(lesson.file, at, `prerequisites[${i}]: a module cannot require itself`);
			else if (!lessons.has(p))
				ctx.error(
					lesson.file,
					at,
					`prerequisites[${i}]: unknown module "${p}"${didYouMean(p, moduleIds)}`
				);
			else if (indexed && catalog.modules.has(p)) push(catalog.dependents, p, mid);
		});
	}

	const prerequisites = (id: string) =>
		(lessons.get(id)!.fields.prerequisites ?? []).filter((p) => lessons.has(p) && p !== id);
	for (const cycle of findCycles(moduleIds, prerequisites)) {
		const first = lessons.get(cycle[0]!)!;
		ctx.error(
			first.file,
			first.source?.lineOf(['prerequisites']) ?? 1,
			`prerequisites form a cycle: ${[...cycle, cycle[0]].join(' → ')} — remove one of these prerequisites`
		);
	}
}
