import { competenciesSchema } from '../schema';
import { parseYaml, validate } from '../yaml';
import { COMPETENCIES_FILE, type CheckContext } from './context';

/** courses/competencies.yaml: the vocabulary every module and quiz question refers to. */
export function checkCompetencies(ctx: CheckContext) {
	const file = ctx.files.find((f) => f.path === COMPETENCIES_FILE);
	if (!file) {
		ctx.error(COMPETENCIES_FILE, 1, 'missing: the catalog needs its competency vocabulary');
		return;
	}
	const parsed = parseYaml(file.path, file.text);
	if ('problems' in parsed) {
		ctx.problems.push(...parsed.problems);
		return;
	}
	const ids = new Set<string>();
	ctx.competencyIds = ids;
	const v = validate(parsed.source, competenciesSchema);
	if ('problems' in v) {
		ctx.problems.push(...v.problems);
		// An entry with a readable id still exists for references, though it is not indexed.
		const items: unknown[] = Array.isArray(parsed.source.data) ? parsed.source.data : [];
		for (const item of items) {
			const id = (item as { id?: unknown } | null)?.id;
			if (typeof id === 'string') ids.add(id);
		}
		return;
	}
	v.data.forEach((c, i) => {
		const line = parsed.source.lineOf([i, 'id']);
		if (ctx.catalog.competencies.has(c.id))
			ctx.error(
				file.path,
				line,
				`duplicate competency id "${c.id}" (first defined on line ${ctx.competencyLines.get(c.id)})`
			);
		else {
			ctx.catalog.competencies.set(c.id, c);
			ctx.competencyLines.set(c.id, line);
			ids.add(c.id);
		}
	});
}
