import { QUESTION_TYPES, quizSchema, type Quiz } from '../../quiz/schema';
import type { ModuleEntry, SourceFile } from '../catalog';
import { didYouMean } from '../problems';
import { headings } from '../toc';
import { parseYaml, validate } from '../yaml';
import type { CheckContext } from './context';

const QUIZ_FILE = /^courses\/modules\/([^/]+)\/([^/]+)\/quiz\.yaml$/;

/** Each quiz.yaml beside its lesson, and a quiz for every lesson. */
export function checkQuizzes(ctx: CheckContext) {
	const quizFiles = new Set<string>();
	for (const f of ctx.files) {
		const m = QUIZ_FILE.exec(f.path);
		if (!m) continue;
		const [, area, slug] = m as unknown as [string, string, string];
		quizFiles.add(`${area}/${slug}`);
		const lesson = `courses/modules/${area}/${slug}/index.md`;
		if (!ctx.files.some((g) => g.path === lesson)) {
			ctx.error(f.path, 1, `a quiz without a lesson: add ${lesson}`);
			continue;
		}
		const mod = [...ctx.catalog.modules.values()].find((m) => m.file === lesson);
		const quiz = checkQuiz(ctx, f, mod);
		if (quiz && mod) ctx.catalog.quizzes.set(mod.id, quiz);
	}
	for (const lesson of ctx.lessons.values()) {
		if (!quizFiles.has(lesson.file.replace(/^courses\/modules\/|\/index\.md$/g, '')))
			ctx.error(
				lesson.file,
				1,
				`no quiz: add ${lesson.file.replace(/index\.md$/, 'quiz.yaml')} (npm run courses:new scaffolds one)`
			);
	}
}

/** Names an unknown question type plainly, before zod's union error hides it; the count found. */
function checkTypes(
	ctx: CheckContext,
	file: string,
	data: unknown,
	lineOf: (p: PropertyKey[]) => number
) {
	const questions = (data as { questions?: unknown } | null)?.questions;
	if (!Array.isArray(questions)) return 0;
	const known: readonly string[] = QUESTION_TYPES;
	let wrong = 0;
	questions.forEach((q: unknown, i: number) => {
		const type = (q as { type?: unknown } | null)?.type;
		if (typeof type === 'string' && known.includes(type)) return;
		wrong++;
		ctx.error(
			file,
			lineOf(['questions', i, 'type']),
			`questions[${i}].type: ${type === undefined ? 'missing' : `"${String(type)}" is not a question type`} — use one of ${known.join(' | ')}${typeof type === 'string' ? didYouMean(type, known) : ''}`
		);
	});
	return wrong;
}

function checkQuiz(ctx: CheckContext, f: SourceFile, mod: ModuleEntry | undefined): Quiz | null {
	const parsed = parseYaml(f.path, f.text);
	if ('problems' in parsed) {
		ctx.problems.push(...parsed.problems);
		return null;
	}
	const src = parsed.source;
	if (checkTypes(ctx, f.path, src.data, src.lineOf)) return null;
	const v = validate(src, quizSchema);
	if ('problems' in v) {
		ctx.problems.push(...v.problems);
		return null;
	}
	const quiz = v.data;
	const seen = new Map<string, number>();
	const competencyIds = ctx.competencyIds;
	// A question's `section` names the heading of its lesson to revisit when it is missed.
	const sections = mod ? headings(mod.body).map((h) => h.id) : [];
	quiz.questions.forEach((q, i) => {
		if (q.section !== undefined && mod && !sections.includes(q.section))
			ctx.error(
				f.path,
				src.lineOf(['questions', i, 'section']),
				`questions[${i}].section: "${q.section}" is not a heading of ${mod.file}${didYouMean(q.section, sections)} — use the id of a ## or ### heading`
			);
		const line = src.lineOf(['questions', i, 'id']);
		if (seen.has(q.id))
			ctx.error(
				f.path,
				line,
				`questions[${i}].id: duplicate question id "${q.id}" (also on line ${seen.get(q.id)})`
			);
		else seen.set(q.id, line);
		q.competencies?.forEach((c, j) => {
			if (competencyIds && !competencyIds.has(c))
				ctx.error(
					f.path,
					src.lineOf(['questions', i, 'competencies', j]),
					`questions[${i}].competencies[${j}]: unknown competency "${c}"${didYouMean(c, competencyIds)}`
				);
		});
	});
	return quiz;
}
