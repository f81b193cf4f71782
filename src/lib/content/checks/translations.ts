import type { Quiz } from '../../quiz/schema';
import type { Brief } from '../brief';
import type { ModuleEntry, SourceFile } from '../catalog';
import { splitFrontmatter } from '../frontmatter';
import { checkYourself, lintLesson } from '../lesson-text';
import type { Competency, Roadmap } from '../schema';
import {
	BRIEF_SHAPE,
	COMPETENCIES_SHAPE,
	compareSkeletons,
	mirror,
	QUIZ_SHAPE,
	ROADMAP_SHAPE,
	SECTION_NAMES,
	skeletonOf,
	TODO,
	translationOf,
	type Locale,
	type Shape
} from '../translation';
import { sourceHash } from '../source-hash';
import { parseYaml, type YamlSource } from '../yaml';
import { COMPETENCIES_FILE, type CheckContext } from './context';

/** A lesson's translated texts; everything else is the English module's. */
export interface TranslatedModule {
	file: string;
	title: string;
	summary: string;
	body: string;
	bodyLine: number;
	/** Translated from an older version of the English file. */
	stale: boolean;
}

/** One locale's translations, by the ids of the English catalog. */
export interface Translations {
	modules: Map<string, TranslatedModule>;
	quizzes: Map<string, Quiz>;
	roadmaps: Map<string, Roadmap & { file: string }>;
	competencies: Map<string, Competency>;
	/** By `<roadmap id>/<item id>`, as the English briefs. */
	briefs: Map<string, Brief>;
	/** Translation files older than their English source. */
	stale: string[];
}

export const emptyTranslations = (): Translations => ({
	modules: new Map(),
	quizzes: new Map(),
	roadmaps: new Map(),
	competencies: new Map(),
	briefs: new Map(),
	stale: []
});

const LESSON = /^courses\/modules\/[^/]+\/[^/]+\/index\.fr\.md$/;
const QUIZ = /^courses\/modules\/[^/]+\/([^/]+)\/quiz\.fr\.yaml$/;
const ROADMAP = /^courses\/roadmaps\/([^/]+)\.fr\.yaml$/;
const BRIEF = /^courses\/briefs\/([^/]+)\/([^/]+)\.fr\.yaml$/;

export const LESSON_SHAPE: Shape = {
	fields: { source: 'text', title: 'text', summary: 'text' },
	keyFields: [
		'id',
		'area',
		'competencies',
		'level',
		'minutes',
		'prerequisites',
		'updated',
		'reviewed'
	]
};

/**
 * Every translation file (`*.fr.md`, `*.fr.yaml`) against its English source, after the English
 * catalog is built: same ids, texts only, every text translated, and `source:` the hash of the
 * English file (older: a warning naming both files). Valid ones go to `catalog.translations`.
 */
export function checkTranslations(ctx: CheckContext, files: SourceFile[]) {
	for (const f of files) {
		const t = translationOf(f.path)!;
		const english = ctx.files.find((x) => x.path === t.source);
		if (!english) {
			ctx.error(f.path, 1, `a translation of ${t.source}, which does not exist`);
			continue;
		}
		const into = ctx.catalog.translations[t.locale];
		let m: RegExpExecArray | null;
		if (LESSON.test(f.path)) lesson(ctx, f, english, t.locale, into);
		else if ((m = QUIZ.exec(f.path))) {
			const quiz = ctx.catalog.quizzes.get(m[1]!);
			const r = quiz && yamlTranslation(ctx, f, english, quiz, QUIZ_SHAPE, into);
			if (r) into.quizzes.set(m[1]!, r as Quiz);
		} else if ((m = ROADMAP.exec(f.path))) {
			const rm = ctx.catalog.roadmaps.get(m[1]!);
			const r = rm && yamlTranslation(ctx, f, english, rm, ROADMAP_SHAPE, into);
			if (r) into.roadmaps.set(m[1]!, r as Roadmap & { file: string });
		} else if (t.source === COMPETENCIES_FILE) {
			const en = { competencies: [...ctx.catalog.competencies.values()] };
			const r = yamlTranslation(ctx, f, english, en, COMPETENCIES_SHAPE, into) as {
				competencies: Competency[];
			} | null;
			if (r) for (const c of r.competencies) into.competencies.set(c.id, c);
		} else if ((m = BRIEF.exec(f.path))) {
			const key = `${m[1]}/${m[2]}`;
			const brief = ctx.catalog.briefs.get(key);
			const r = brief && yamlTranslation(ctx, f, english, brief, BRIEF_SHAPE, into);
			if (r) into.briefs.set(key, r as Brief);
		} else
			ctx.error(
				f.path,
				1,
				'only lessons, quizzes, roadmaps, competencies and briefs are translated (index.fr.md, quiz.fr.yaml, <roadmap>.fr.yaml, competencies.fr.yaml, <brief>.fr.yaml)'
			);
	}
}

/** `source:` against the English file: missing is an error, older a warning; true when current. */
function checkSource(
	ctx: CheckContext,
	f: SourceFile,
	english: SourceFile,
	recorded: unknown,
	line: number,
	into: { stale: string[] }
): boolean {
	const now = sourceHash(english.text);
	// A hash of digits and one "e" (7347426666e9) is a number to YAML: it is written in quotes.
	const write = /^\d*(e\d+)?$/i.test(now) ? `source: "${now}"` : `source: ${now}`;
	if (typeof recorded === 'number') {
		ctx.error(f.path, line, `YAML reads this hash as a number: write it in quotes, \`${write}\``);
		return false;
	}
	if (typeof recorded !== 'string') {
		ctx.error(
			f.path,
			line,
			`record what this translates: \`${write}\` (the hash of ${english.path}, from npm run courses:check)`
		);
		return false;
	}
	if (recorded === now) return true;
	into.stale.push(f.path);
	ctx.warn(
		f.path,
		line,
		`stale: translated from an older ${english.path} (source ${recorded}, now ${now}) — bring the changes of ${english.path} into ${f.path}, then set ${write}`
	);
	return false;
}

function yamlTranslation(
	ctx: CheckContext,
	f: SourceFile,
	english: SourceFile,
	data: unknown,
	shape: Shape,
	into: Translations
): unknown {
	const parsed = parseYaml(f.path, f.text);
	if ('problems' in parsed) {
		ctx.problems.push(...parsed.problems);
		return null;
	}
	return mirrored(ctx, f, english, parsed.source, data, shape, into)?.value ?? null;
}

function mirrored(
	ctx: CheckContext,
	f: SourceFile,
	english: SourceFile,
	source: YamlSource,
	data: unknown,
	shape: Shape,
	into: Translations
) {
	const r = mirror(data, source.data, shape);
	// `source:` is checked on its own, with a message that gives the hash to record.
	const problems = r.problems.filter((p) => !(p.path.length === 1 && p.path[0] === 'source'));
	for (const p of problems) ctx.error(f.path, source.lineOf(p.path), p.message);
	const recorded = (source.data as { source?: unknown } | null)?.source;
	const line = recorded === undefined ? 1 : source.lineOf(['source']);
	checkSource(ctx, f, english, recorded, line, into);
	if (problems.length || typeof recorded !== 'string') return null;
	const value = r.value as Record<string, unknown>;
	delete value.source;
	return { value, stale: into.stale.includes(f.path) };
}

function lesson(
	ctx: CheckContext,
	f: SourceFile,
	english: SourceFile,
	locale: Locale,
	into: Translations
) {
	const en = [...ctx.catalog.modules.values()].find((m) => m.file === english.path);
	if (!en) return; // the English lesson has errors of its own, reported already
	const split = splitFrontmatter(f.path, f.text);
	if ('problem' in split) {
		ctx.problems.push(split.problem);
		return;
	}
	const parsed = parseYaml(f.path, split.yaml, 1);
	if ('problems' in parsed) {
		ctx.problems.push(...parsed.problems);
		return;
	}
	const before = ctx.problems.length;
	const fm = mirrored(ctx, f, english, parsed.source, en, LESSON_SHAPE, into);
	for (const p of lintLesson(split.body)) ctx.error(f.path, split.bodyLine + p.line - 1, p.message);
	split.body.split('\n').forEach((l, i) => {
		if (TODO.test(l))
			ctx.error(
				f.path,
				split.bodyLine + i,
				'not translated yet: translate, then remove the TODO(fr) mark'
			);
	});
	const problems = compareSkeletons(
		skeletonOf(en.body, en.bodyLine),
		skeletonOf(split.body, split.bodyLine),
		locale,
		split.bodyLine
	);
	for (const p of problems) ctx.error(f.path, p.line, p.message);
	// The model answers are checked where the English has them (the guards require them there).
	if (checkYourself(en.body).length === 0)
		for (const p of checkYourself(split.body, SECTION_NAMES[locale]['Check yourself']!))
			ctx.error(f.path, split.bodyLine + p.line - 1, p.message);
	const errors = ctx.problems.slice(before).some((p) => p.severity === 'error');
	if (!fm || errors) return;
	const v = fm.value as Partial<ModuleEntry>;
	into.modules.set(en.id, {
		file: f.path,
		title: v.title!,
		summary: v.summary!,
		body: split.body,
		bodyLine: split.bodyLine,
		stale: fm.stale
	});
}
