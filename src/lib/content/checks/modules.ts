import { splitFrontmatter } from '../frontmatter';
import { lintLesson } from '../lesson-text';
import { moduleFrontmatterSchema, type ModuleFrontmatter } from '../schema';
import { parseYaml, validate, type YamlSource } from '../yaml';
import type { CheckContext, Lesson } from './context';

const MODULE_FILE = /^courses\/modules\/([^/]+)\/([^/]+)\/index\.md$/;

/** The fields of a frontmatter that validate on their own, when the whole does not. */
function validFields(data: unknown): Partial<ModuleFrontmatter> {
	const fields: Record<string, unknown> = {};
	if (data === null || typeof data !== 'object') return fields;
	for (const [key, schema] of Object.entries(moduleFrontmatterSchema.shape)) {
		const r = schema.safeParse((data as Record<string, unknown>)[key]);
		if (r.success) fields[key] = r.data;
	}
	return fields as Partial<ModuleFrontmatter>;
}

/**
 * Each lesson's location, frontmatter and text. A lesson whose frontmatter is wrong is reported
 * and still kept as a Lesson (not in the catalog), so the checks after this one see it.
 */
export function checkModules(ctx: CheckContext) {
	for (const f of ctx.files) {
		if (!f.path.startsWith('courses/modules/') || f.path.endsWith('/quiz.yaml')) continue;
		const m = MODULE_FILE.exec(f.path);
		if (!m) {
			if (f.path.endsWith('.md'))
				ctx.error(f.path, 1, 'a lesson lives at courses/modules/<area>/<slug>/index.md');
			continue;
		}
		const [, area, slug] = m as unknown as [string, string, string];
		const split = splitFrontmatter(f.path, f.text);
		if ('problem' in split) {
			ctx.problems.push(split.problem);
			keep(ctx, { id: slug, file: f.path, fields: {}, source: null });
			continue;
		}
		const parsed = parseYaml(f.path, split.yaml, 1);
		if ('problems' in parsed) {
			ctx.problems.push(...parsed.problems);
			keep(ctx, { id: slug, file: f.path, fields: {}, source: null });
			continue;
		}
		const v = validate(parsed.source, moduleFrontmatterSchema);
		if ('problems' in v) ctx.problems.push(...v.problems);
		const fields = 'data' in v ? v.data : validFields(parsed.source.data);
		if (!located(ctx, f.path, parsed.source, fields, area, slug)) continue;
		for (const p of lintLesson(split.body))
			ctx.error(f.path, split.bodyLine + p.line - 1, p.message);
		const id = fields.id ?? slug;
		ctx.lessons.set(id, { id, file: f.path, fields, source: parsed.source });
		if ('data' in v)
			ctx.catalog.modules.set(id, {
				...v.data,
				file: f.path,
				body: split.body,
				bodyLine: split.bodyLine
			});
	}
}

/** A lesson without readable fields: kept under its folder's name unless that is taken. */
function keep(ctx: CheckContext, lesson: Lesson) {
	if (!ctx.lessons.has(lesson.id)) ctx.lessons.set(lesson.id, lesson);
}

/** Checks id and area against the folders; false for a duplicate id, which is left out. */
function located(
	ctx: CheckContext,
	file: string,
	source: YamlSource,
	fields: Partial<ModuleFrontmatter>,
	area: string,
	slug: string
): boolean {
	const at = (path: PropertyKey[]) => source.lineOf(path);
	if (fields.id !== undefined && fields.id !== slug)
		ctx.error(
			file,
			at(['id']),
			`id "${fields.id}" differs from its folder "${slug}" — rename one so they match`
		);
	if (fields.area !== undefined && fields.area !== area)
		ctx.error(file, at(['area']), `area "${fields.area}" differs from its folder "${area}"`);
	const previous = ctx.lessons.get(fields.id ?? slug);
	if (previous && previous.source) {
		ctx.error(
			file,
			at(['id']),
			`duplicate module id "${fields.id ?? slug}", also used by ${previous.file}`
		);
		return false;
	}
	return true;
}
